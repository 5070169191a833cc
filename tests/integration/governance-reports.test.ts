import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { markAttendance } from '~/server/courses/mark-attendance';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { shortDate } from '~/server/format/dates';
import { addDays } from '~/server/governance/board-rules';
import { addMonths } from '~/server/governance/governance-reports';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeTenant,
  makeUser,
  uniqueTag,
  type MadeTenant,
  type MadeUser,
} from '../fixtures/factories';
import { ownCourse } from './course-fixtures';
import { openTestDatabase } from './harness';

const today = todayInLondon();

/**
 * The LA's governance reports through the tRPC caller: vacancies by school (maintained and academy rules),
 * terms ending in the next 3 months, governors with no training this academic year, new governors' statutory
 * training; each as CSV. Only the workspace's managers and officers read them, and only their own workspace's.
 */
describe('governance reports', () => {
  let database: Database;
  let tenant: MadeTenant;
  let elm: { id: string };
  let fir: { id: string };
  let manager: MadeUser;
  let head: MadeUser;
  let chair: MadeUser;
  let otherManager: MadeUser;
  let otherTenant: MadeTenant;
  const tag = uniqueTag();
  const ids: Record<string, string> = {};
  let inductionId = '';

  const as = (u: MadeUser) => callerAs(database.db, u, tenant.slug);
  // A four-year term appointed so that it ends about `days` from today.
  const endingIn = (days: number) => addDays(addMonths(today, -48), days);

  beforeAll(async () => {
    database = await openTestDatabase();
    tenant = await makeTenant(database.db, { modules: ['governance', 'courses', 'traded'] });
    elm = await makeSchool(database.db, tenant.id, { name: 'Elm Primary' });
    fir = await makeSchool(database.db, tenant.id, {
      name: 'Fir Academy',
      type: 'Academy converter',
      typeGroup: 'Academies',
    });
    manager = await makeUser(database.db, { name: 'Max Manager' });
    await addMembership(database.db, tenant.id, manager.id, 'tenant_admin');
    head = await makeUser(database.db, { name: 'Hattie Head' });
    await addMembership(database.db, tenant.id, head.id, 'school_admin', elm.id);
    chair = await makeUser(database.db, { name: 'Cai Chair' });
    await addMembership(database.db, tenant.id, chair.id, 'governor', elm.id);
    const keeper = as(manager).governance;
    for (const [name, schoolId, category, appointedOn, extra] of [
      ['Ann New', elm.id, 'parent', addDays(today, -30), {}],
      ['Eve New', elm.id, 'co_opted', addDays(today, -60), {}],
      ['Ben Ending', elm.id, 'co_opted', endingIn(30), {}],
      ['Bo Later', elm.id, 'co_opted', endingIn(150), {}],
      ['Cai Chair', elm.id, 'co_opted', '2024-09-01', { office: 'chair', email: chair.email }],
      ['Cleo Clerk', elm.id, 'clerk', '2024-09-01', {}],
      ['Lee Local', fir.id, 'local_governor', '2024-09-01', {}],
    ] as const)
      ids[name] = (
        await keeper.addGovernor({
          schoolId,
          name,
          category,
          appointedOn,
          email: `${name.split(' ')[0]?.toLowerCase()}.${tag}@example.org`,
          ...extra,
        } as never)
      ).id;
    // Ann has a place on a statutory course; Cai did training elsewhere this year.
    const made = await as(manager).courses.create({
      ...ownCourse,
      programme: 'governor_training',
      title: 'New governors’ induction',
      audiences: ['governors'],
      statutoryFreeForGovernors: true,
      sessions: [{ on: addDays(today, 2), startTime: '18:00', endTime: '20:00' }],
    } as never);
    await as(manager).courses.publish({ id: made.id });
    inductionId = made.id;
    await keeper.bookTraining({ courseId: made.id, schoolId: elm.id, governorIds: [ids['Ann New'] ?? ''] });
    await keeper.addTraining({
      governorId: ids['Cai Chair'] ?? '',
      title: 'Chairing online',
      on: today,
      provider: '',
    });
    otherTenant = await makeTenant(database.db, { modules: ['governance'] });
    otherManager = await makeUser(database.db, { name: 'Other Manager' });
    await addMembership(database.db, otherTenant.id, otherManager.id, 'tenant_admin');
  });

  it('vacancies by school follow maintained and academy rules', async () => {
    const r = await as(manager).governance.reports();
    const elmRow = r.vacancies.find((v) => v.schoolId === elm.id);
    const firRow = r.vacancies.find((v) => v.schoolId === fir.id);
    expect(elmRow?.vacancies.map((v) => v.category)).toContain('la');
    expect(firRow?.vacancies.map((v) => v.category)).not.toContain('la');
    const csv = await as(manager).governance.reportCsv({ report: 'vacancies' });
    expect(csv.filename).toBe(`governor-vacancies-${today}`);
    expect(csv.csv.split('\n')[0]).toBe('School,Governors,Vacancies,Vacant places');
    expect(csv.csv).toContain('Elm Primary');
  });

  it('terms of office ending in the next 3 months, with en-GB dates in the CSV', async () => {
    const r = await as(manager).governance.reports();
    expect(r.termsUntil).toBe(addMonths(today, 3));
    expect(r.termsEnding.map((g) => g.name)).toEqual(['Ben Ending']);
    const csv = await as(manager).governance.reportCsv({ report: 'terms' });
    expect(csv.csv).toContain(shortDate(r.termsEnding[0]?.termEndsOn ?? ''));
    expect(csv.csv).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('governors with no training booked or attended this year; clerks are not governors', async () => {
    const r = await as(manager).governance.reports();
    const names = r.untrained.map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(['Eve New', 'Ben Ending', 'Bo Later', 'Lee Local']));
    expect(names).not.toContain('Ann New');
    expect(names).not.toContain('Cai Chair');
    expect(names).not.toContain('Cleo Clerk');
    expect((await as(manager).governance.reportCsv({ report: 'untrained' })).csv).toContain('Eve New');
  });

  it('new governors’ statutory training uptake', async () => {
    const r = await as(manager).governance.reports();
    expect(r.statutory.map((g) => [g.name, g.status])).toEqual([
      ['Ann New', 'booked'],
      ['Eve New', 'none'],
    ]);
    expect(r.statutoryUptake).toEqual({ newGovernors: 2, attended: 0, booked: 1, none: 1 });
    const csv = (await as(manager).governance.reportCsv({ report: 'statutory' })).csv;
    expect(csv).toContain('New governors’ induction');
    expect(csv).toContain('None booked');
  });

  it('a new governor marked present at the statutory course has attended it', async () => {
    const register = await as(manager).courses.register({ courseId: inductionId });
    const [session] = register.sessions;
    const place = register.delegates.find((d) => d.delegateName === 'Ann New');
    if (!session || !place) throw new Error('no session or place');
    // The register is marked on the session's day (two days from now).
    await withTenant(database.db, tenant.id, (tx) =>
      markAttendance(
        tx,
        {
          sessionId: session.id,
          bookingId: place.bookingId,
          status: 'attended',
          tenantId: tenant.id,
          markedByUserId: manager.id,
        },
        session.on,
      ),
    );
    const r = await as(manager).governance.reports();
    expect(r.statutory.find((g) => g.name === 'Ann New')).toMatchObject({
      status: 'attended',
      training: [{ title: 'New governors’ induction', attended: true }],
    });
    expect(r.statutoryUptake).toEqual({ newGovernors: 2, attended: 1, booked: 0, none: 1 });
  });

  it('only the workspace’s managers and officers read them, and only their own workspace’s', async () => {
    for (const who of [head, chair]) {
      await expect(as(who).governance.reports()).rejects.toThrow();
      await expect(as(who).governance.reportCsv({ report: 'terms' })).rejects.toThrow();
    }
    await expect(callerAs(database.db, otherManager, tenant.slug).governance.reports()).rejects.toThrow();
    const theirs = await callerAs(database.db, otherManager, otherTenant.slug).governance.reports();
    expect(theirs.vacancies).toEqual([]);
    expect(theirs.statutory).toEqual([]);
  });
});

/**
 * The reports' filters through the tRPC caller: by a search typed (name or URN), by school, by phase, by kind of school (maintained or academy),
 * each narrowing every report and its CSV; the choices are the workspace's own boards; another workspace's
 * boards never appear, whatever is asked; malformed filters are refused with words a person can act on.
 */
describe('governance report filters', () => {
  let database: Database;
  let tenant: MadeTenant;
  let otherTenant: MadeTenant;
  let manager: MadeUser;
  let otherManager: MadeUser;
  let elm: { id: string; urn: number };
  let ash: { id: string; urn: number };
  let fir: { id: string; urn: number };
  let yew: { id: string; urn: number };
  const tag = uniqueTag();

  const reports = (filters: Record<string, string> = {}, who: MadeUser = manager, slug = tenant.slug) =>
    callerAs(database.db, who, slug).governance.reports(filters as never);
  const untrainedNames = async (filters: Record<string, string> = {}) =>
    (await reports(filters)).untrained.map((g) => g.name).sort();
  const boardsShown = async (filters: Record<string, string> = {}) =>
    (await reports(filters)).vacancies.map((v) => v.schoolId).sort();

  beforeAll(async () => {
    database = await openTestDatabase();
    tenant = await makeTenant(database.db, { modules: ['governance'] });
    elm = await makeSchool(database.db, tenant.id, { name: 'Elm Primary' });
    ash = await makeSchool(database.db, tenant.id, { name: 'Ash High', phase: 'Secondary' });
    fir = await makeSchool(database.db, tenant.id, {
      name: 'Fir Academy',
      type: 'Academy converter',
      typeGroup: 'Academies',
    });
    manager = await makeUser(database.db, { name: 'Fay Filter' });
    await addMembership(database.db, tenant.id, manager.id, 'tenant_admin');
    otherTenant = await makeTenant(database.db, { modules: ['governance'] });
    yew = await makeSchool(database.db, otherTenant.id, { name: 'Yew Primary' });
    otherManager = await makeUser(database.db, { name: 'Oli Other' });
    await addMembership(database.db, otherTenant.id, otherManager.id, 'tenant_admin');
    const add = (who: MadeUser, slug: string, schoolId: string, name: string, category: string) =>
      callerAs(database.db, who, slug).governance.addGovernor({
        schoolId,
        name,
        category,
        appointedOn: '2024-09-01',
        email: `${name.split(' ')[0]?.toLowerCase()}.${tag}@example.org`,
      } as never);
    await add(manager, tenant.slug, elm.id, 'Ella Elm', 'parent');
    await add(manager, tenant.slug, ash.id, 'Asha Ash', 'parent');
    await add(manager, tenant.slug, fir.id, 'Finn Fir', 'local_governor');
    await add(otherManager, otherTenant.slug, yew.id, 'Yara Yew', 'parent');
  });

  it('with no filter every board shows, and the choices are the workspace’s boards and their phases', async () => {
    const r = await reports();
    expect(r.choices.schools.map((s) => s.name)).toEqual(['Ash High', 'Elm Primary', 'Fir Academy']);
    expect(r.choices.phases).toEqual(['Primary', 'Secondary']);
    expect(await boardsShown()).toEqual([ash.id, elm.id, fir.id].sort());
    expect(await untrainedNames()).toEqual(['Asha Ash', 'Ella Elm', 'Finn Fir']);
  });

  it('a school narrows every report to its board, and the CSV to the same rows', async () => {
    expect(await boardsShown({ schoolId: elm.id })).toEqual([elm.id]);
    expect(await untrainedNames({ schoolId: elm.id })).toEqual(['Ella Elm']);
    const r = await reports({ schoolId: elm.id });
    // The choices stay whole, so the filter can be changed from the filtered page.
    expect(r.choices.schools).toHaveLength(3);
    const keeper = callerAs(database.db, manager, tenant.slug).governance;
    const csv = (await keeper.reportCsv({ report: 'untrained', schoolId: elm.id })).csv;
    expect(csv).toContain('Ella Elm');
    expect(csv).not.toContain('Asha Ash');
    expect(csv).not.toContain('Finn Fir');
    const vacancies = (await keeper.reportCsv({ report: 'vacancies', schoolId: elm.id })).csv;
    expect(vacancies.trim().split('\n')).toHaveLength(2);
  });

  it('a search finds boards by part of the school’s name, in any case, or by its URN or the URN’s first digits', async () => {
    expect(await boardsShown({ search: 'elm' })).toEqual([elm.id]);
    expect(await untrainedNames({ search: 'ACADEMY' })).toEqual(['Finn Fir']);
    expect(await boardsShown({ search: String(ash.urn) })).toEqual([ash.id]);
    expect(await boardsShown({ search: String(fir.urn).slice(0, 7) })).toEqual([fir.id]);
    // Digits in the middle of a URN are not a match: a URN is read from its start.
    expect(await boardsShown({ search: String(fir.urn).slice(2) })).toEqual([]);
    // The choices stay whole, so another school can still be chosen from the narrowed page.
    const r = await reports({ search: 'elm' });
    expect(r.choices.schools).toHaveLength(3);
    expect(r.vacancies.map((v) => v.schoolName)).toEqual(['Elm Primary']);
    expect(r.vacantTotal).toBe(r.vacancies[0]?.vacant);
  });

  it('a search narrows the CSV to the same rows, and goes with the other filters', async () => {
    const keeper = callerAs(database.db, manager, tenant.slug).governance;
    const csv = (await keeper.reportCsv({ report: 'untrained', search: ' ash ' })).csv;
    expect(csv).toContain('Asha Ash');
    expect(csv).not.toContain('Ella Elm');
    expect(csv).not.toContain('Finn Fir');
    // "a" is in every name here; the kind then keeps the academy's board alone.
    expect(await untrainedNames({ search: 'a', kind: 'academy' })).toEqual(['Finn Fir']);
    expect(await untrainedNames({ search: 'elm', schoolId: ash.id })).toEqual([]);
  });

  it('a search of spaces means every board; % and _ are letters like any other', async () => {
    expect(await boardsShown({ search: '   ' })).toEqual([ash.id, elm.id, fir.id].sort());
    expect(await boardsShown({ search: '%' })).toEqual([]);
    expect(await boardsShown({ search: 'Elm_Primary' })).toEqual([]);
  });

  it('a search never reaches another workspace’s boards', async () => {
    expect(await boardsShown({ search: 'Yew' })).toEqual([]);
    expect(await boardsShown({ search: String(yew.urn) })).toEqual([]);
    expect(
      (await reports({ search: 'Elm' }, otherManager, otherTenant.slug)).untrained.map((g) => g.name),
    ).toEqual([]);
    expect(
      (await reports({ search: 'yew' }, otherManager, otherTenant.slug)).untrained.map((g) => g.name),
    ).toEqual(['Yara Yew']);
  });

  it('a phase narrows them to the boards of schools in it', async () => {
    expect(await boardsShown({ phase: 'Secondary' })).toEqual([ash.id]);
    expect(await untrainedNames({ phase: 'Secondary' })).toEqual(['Asha Ash']);
    expect(await untrainedNames({ phase: 'Primary' })).toEqual(['Ella Elm', 'Finn Fir']);
    expect(await untrainedNames({ phase: 'Nursery' })).toEqual([]);
  });

  it('the kind of school narrows them to maintained schools or to academies, by the board’s own rule', async () => {
    expect(await untrainedNames({ kind: 'academy' })).toEqual(['Finn Fir']);
    expect(await untrainedNames({ kind: 'maintained' })).toEqual(['Asha Ash', 'Ella Elm']);
    const r = await reports({ kind: 'academy' });
    expect(r.vacancies.map((v) => v.schoolName)).toEqual(['Fir Academy']);
    expect(r.vacantTotal).toBe(r.vacancies[0]?.vacant);
  });

  it('filters together narrow to what all of them allow', async () => {
    expect(await untrainedNames({ phase: 'Primary', kind: 'maintained' })).toEqual(['Ella Elm']);
    expect(await untrainedNames({ schoolId: ash.id, kind: 'academy' })).toEqual([]);
  });

  it('another workspace’s boards never appear, even when its school is asked for', async () => {
    const r = await reports({ schoolId: yew.id });
    expect(r.vacancies).toEqual([]);
    expect(r.untrained).toEqual([]);
    expect(r.choices.schools.map((s) => s.id)).not.toContain(yew.id);
    const csv = (
      await callerAs(database.db, manager, tenant.slug).governance.reportCsv({
        report: 'untrained',
        schoolId: yew.id,
      })
    ).csv;
    expect(csv).not.toContain('Yara Yew');
    // …and the other workspace's manager, in their own, sees only theirs, whichever filter.
    const theirs = await reports({ kind: 'maintained' }, otherManager, otherTenant.slug);
    expect(theirs.untrained.map((g) => g.name)).toEqual(['Yara Yew']);
    expect(theirs.choices.schools.map((s) => s.name)).toEqual(['Yew Primary']);
    expect((await reports({ schoolId: elm.id }, otherManager, otherTenant.slug)).untrained).toEqual([]);
  });

  it('refuses malformed filters with a clear message', async () => {
    await expect(reports({ schoolId: 'elm' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Choose a school from the list.'),
    });
    await expect(reports({ kind: 'independent' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Choose maintained schools or academies.'),
    });
    await expect(reports({ search: 'x'.repeat(101) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(
        'Search with at most 100 characters: part of a school’s name, or its URN.',
      ),
    });
    await expect(reports({ phase: 'x'.repeat(41) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Choose a phase from the list.'),
    });
    await expect(
      callerAs(database.db, manager, tenant.slug).governance.reportCsv({ report: 'everything' } as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Choose a report.') });
  });
});
