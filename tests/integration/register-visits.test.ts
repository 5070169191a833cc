import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { plannedVisits, schools } from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { changeCategory } from '~/server/monitoring/change-category';
import { generatePlan } from '~/server/monitoring/generate-plan';
import { statutorySettingsOf } from '~/server/monitoring/statutory-settings';
import { makeDemoWorkspace, makeWorkspaceWithEveryRole, type DemoWorkspace } from '../fixtures/factories';
import { openTestDatabase, tenantBySlug } from './harness';

let database: Database;
let barnet: DemoWorkspace;
const schoolIdByUrn = new Map<number, string>();

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, cause: error.cause, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The zod field paths a refused input named (tRPC keeps the ZodError as the cause). */
function fieldsOf(cause: unknown): string[] {
  const issues = (cause as { issues?: { path: (string | number)[] }[] } | undefined)?.issues ?? [];
  return issues.map((i) => i.path.join('.'));
}

const id = (urn: number) => {
  const found = schoolIdByUrn.get(urn);
  if (!found) throw new Error(`no school ${urn}`);
  return found;
};

beforeAll(async () => {
  database = await openTestDatabase();
  // A copy of Barnet of this file's own, so the suite can run again on the same database; Harrow (the seed's,
  // only read) is the other LA.
  barnet = await makeDemoWorkspace(database.db, 'barnet');
  for (const tenant of [barnet, await tenantBySlug(database.db, 'harrow')]) {
    const rows = await withTenant(database.db, tenant.id, (tx) =>
      tx.select({ id: schools.id, urn: schools.urn }).from(schools).where(eq(schools.tenantId, tenant.id)),
    );
    for (const r of rows) if (!schoolIdByUrn.has(r.urn) || tenant === barnet) schoolIdByUrn.set(r.urn, r.id);
  }
});

describe('the school register', () => {
  it('lists the LA’s register with labels from settings, and filters by causing concern, phase and search', async () => {
    const head = await barnet.caller('head.si@barnet.example');
    const all = await head.register.list({ sort: 'name' });
    expect(all.linkAdviserTitle).toBe('Learning Network Inspector');
    expect(all.rows.length).toBeGreaterThan(20);
    expect(all.rows.every((r) => r.status === 'open')).toBe(true);
    const coppetts = all.rows.find((r) => r.urn === 101262);
    expect(coppetts).toMatchObject({ laCategoryLabel: '1 Outstanding', governance: 'maintained' });

    const concern = await head.register.list({ causingConcern: 'yes', sort: 'name' });
    expect(concern.rows.map((r) => r.urn)).toEqual(expect.arrayContaining([101270, 101335, 101358]));
    expect(concern.rows.every((r) => r.causingConcern)).toBe(true);

    const academies = await head.register.list({ governance: 'academy', sort: 'pupils' });
    expect(academies.rows.every((r) => r.governance === 'academy')).toBe(true);
    const pupils = academies.rows.map((r) => r.pupils ?? -1);
    expect([...pupils].sort((a, b) => b - a)).toEqual(pupils);

    const byUrn = await head.register.list({ search: '101262', sort: 'name' });
    expect(byUrn.rows.map((r) => r.urn)).toEqual([101262]);
  });

  it('exports the filtered list as CSV with the tenant’s adviser title', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const { csv, filename } = await officer.register.exportCsv({ causingConcern: 'yes', sort: 'name' });
    const lines = csv.trim().split('\r\n');
    const { rows } = await officer.register.list({ causingConcern: 'yes', sort: 'name' });
    expect(filename).toBe(`${barnet.slug}-school-register.csv`);
    expect(lines).toHaveLength(rows.length + 1);
    expect(lines[0]).toContain('Learning Network Inspector');
    expect(csv).toContain('Causing concern');
  });

  it('keeps the category history with the rationale and who changed it', async () => {
    const head = await barnet.caller('head.si@barnet.example');
    const schoolId = id(101281);
    const before = await head.register.school({ schoolId });
    await head.register.changeCategory({
      schoolId,
      category: 'good-of-concern',
      rationale: 'Leadership turnover and a fall in KS2 reading outcomes.',
    });
    const after = await head.register.school({ schoolId });
    expect(after.entry.laCategory).toBe('good-of-concern');
    expect(after.categoryHistory).toHaveLength(before.categoryHistory.length + 1);
    expect(after.categoryHistory[0]).toMatchObject({
      fromCategory: before.entry.laCategory,
      toCategory: 'good-of-concern',
      toLabel: 'Good but of concern',
      rationale: 'Leadership turnover and a fall in KS2 reading outcomes.',
    });
    const short = await codeOf(head.register.changeCategory({ schoolId, category: '3', rationale: 'no' }));
    expect(short.code).toBe('BAD_REQUEST');
    const unknown = await codeOf(
      head.register.changeCategory({
        schoolId,
        category: 'platinum',
        rationale: 'Not a category of this LA.',
      }),
    );
    expect(unknown.code).toBe('BAD_REQUEST');
  });

  it('records inspections in each shape and refuses each shape’s missing or wrong grades', async () => {
    const head = await barnet.caller('head.si@barnet.example');
    const schoolId = id(101293);
    const legacy = await codeOf(
      head.register.recordInspection({
        schoolId,
        inspectedOn: '2024-01-10',
        publishedOn: '2024-02-12',
        framework: 'legacy_overall',
        overallGrade: 5,
      }),
    );
    expect(legacy.code).toBe('BAD_REQUEST');
    expect(fieldsOf(legacy.cause)).toContain('overallGrade');

    const subGrades = await codeOf(
      head.register.recordInspection({
        schoolId,
        inspectedOn: '2025-01-10',
        framework: 'sub_grades_2024',
        // @ts-expect-error two of the four sub-grades are missing
        grades: { quality_of_education: 2, behaviour_and_attitudes: 2 },
      }),
    );
    expect(fieldsOf(subGrades.cause)).toEqual(
      expect.arrayContaining(['grades.personal_development', 'grades.leadership_and_management']),
    );

    const reportCard = await codeOf(
      head.register.recordInspection({
        schoolId,
        inspectedOn: '2026-10-10',
        framework: 'report_card_2025',
        // @ts-expect-error grades incomplete and a grade not on the five-point scale
        grades: { inclusion: 'good' },
      }),
    );
    expect(fieldsOf(reportCard.cause)).toEqual(expect.arrayContaining(['grades.inclusion', 'safeguarding']));

    await head.register.recordInspection({
      schoolId,
      inspectedOn: '2026-10-14',
      publishedOn: '2026-11-04',
      framework: 'report_card_2025',
      grades: {
        inclusion: 'strong',
        curriculum_and_teaching: 'expected',
        achievement: 'needs_attention',
        attendance_and_behaviour: 'expected',
        personal_development: 'strong',
        leadership_and_governance: 'expected',
        early_years: 'strong',
      },
      safeguarding: 'met',
    });
    const record = await head.register.school({ schoolId });
    expect(record.inspections[0]).toMatchObject({
      framework: 'report_card_2025',
      safeguarding: 'met',
      grades: expect.objectContaining({ early_years: 'strong', achievement: 'needs_attention' }),
    });
    expect(record.entry.latestInspection?.inspectedOn).toBe('2026-10-14');
  });

  it('advisers read it but may not change it; a school user is refused the register', async () => {
    const adviser = await barnet.caller('adviser@barnet.example');
    expect((await adviser.register.list({ sort: 'name' })).rows.length).toBeGreaterThan(20);
    expect(
      (
        await codeOf(
          adviser.register.changeCategory({
            schoolId: id(101262),
            category: '2',
            rationale: 'An adviser may not.',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const head = await barnet.caller('head@coppettswood.sch.example');
    expect((await codeOf(head.register.list({ sort: 'name' }))).code).toBe('FORBIDDEN');
    expect((await codeOf(head.register.school({ schoolId: id(101262) }))).code).toBe('FORBIDDEN');
    expect((await codeOf(head.visits.schedule({}))).code).toBe('FORBIDDEN');
  });

  it('another LA’s school is not on this register', async () => {
    const head = await barnet.caller('head.si@barnet.example');
    const harrowSchool = id(102241);
    expect((await codeOf(head.register.school({ schoolId: harrowSchool }))).code).toBe('NOT_FOUND');
    expect(
      (
        await codeOf(
          head.register.changeCategory({
            schoolId: harrowSchool,
            category: '3',
            rationale: 'Across the border.',
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });
});

describe('the visits planner', () => {
  it('generates idempotently: the seeded year adds nothing, a new year adds once', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const seeded = await officer.visits.generatePlan({ academicYear: 2026 });
    expect(seeded.alreadyPlanned).toBeGreaterThan(0);
    const first = await officer.visits.generatePlan({ academicYear: 2027 });
    expect(first.added).toBeGreaterThan(0);
    const again = await officer.visits.generatePlan({ academicYear: 2027 });
    expect(again).toMatchObject({
      added: 0,
      alreadyPlanned: first.added + first.alreadyPlanned,
      surplus: [],
    });
  });

  it('planned once the year is under way: only the visits still to come, none overdue; a later run adds nothing', async () => {
    const year = 2030; // a year of this copy's own, untouched by the seed
    const settings = statutorySettingsOf((await tenantBySlug(database.db, barnet.slug)).settings);
    const plan = (today: string) =>
      withTenant(database.db, barnet.id, (tx) =>
        generatePlan(tx, settings, { tenantId: barnet.id, academicYear: year, today }),
      );
    const first = await plan('2030-12-06');
    expect(first.added).toBeGreaterThan(0);
    const visits = await withTenant(database.db, barnet.id, (tx) =>
      tx.select().from(plannedVisits).where(eq(plannedVisits.academicYear, year)),
    );
    expect(visits).toHaveLength(first.added);
    expect(visits.every((v) => v.dueBy >= '2030-12-06')).toBe(true);
    // Holy Trinity (RI, capacity not secure: 19 a year) keeps the year's visits from December on, numbered as
    // the whole year's (the first ones, due before it joined the plan, are not made).
    const trinity = visits.filter((v) => v.schoolId === id(101358)).map((v) => v.sequence);
    expect(trinity.length).toBeGreaterThan(10);
    expect(trinity.length).toBeLessThan(19);
    expect(Math.max(...trinity)).toBe(19);
    expect(await plan('2031-02-01')).toMatchObject({ added: 0, surplus: [] });
  });

  it('a lowered category reports its extra planned visits and never deletes them', async () => {
    const head = await barnet.caller('head.si@barnet.example');
    const schoolId = id(101358); // RI, capacity not secure: 19 a year
    const before = (await head.register.school({ schoolId })).visits.filter((v) => v.academicYear === 2026);
    expect(before.length).toBe(19);
    await head.register.changeCategory({
      schoolId,
      category: '2',
      rationale: 'Inspected good in November 2026.',
    });
    const plan = await head.visits.generatePlan({ academicYear: 2026 });
    const surplus = plan.surplus.filter((v) => v.schoolId === schoolId);
    expect(surplus.length).toBe(before.filter((v) => v.status === 'planned' && v.sequence > 2).length);
    const after = (await head.register.school({ schoolId })).visits.filter((v) => v.academicYear === 2026);
    expect(after.length).toBe(19);
    // Other files share this database and read Holy Trinity as category 3: put it back.
    await head.register.changeCategory({ schoolId, category: '3', rationale: 'Restored after the test.' });
  });

  it('an adviser sees only their own schedule, with overdue flags', async () => {
    const adviser = await barnet.caller('adviser@barnet.example');
    const other = await barnet.user('tomasz.nowicki@barnet.example');
    const me = await barnet.user('adviser@barnet.example');
    const mine = await adviser.visits.schedule({ academicYear: 2026, adviserUserId: other.id });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((v) => v.adviserUserId === me.id)).toBe(true);
    expect(mine.some((v) => v.overdue)).toBe(true);
    expect((await codeOf(adviser.visits.underServed({ academicYear: 2026 }))).code).toBe('FORBIDDEN');
    expect((await codeOf(adviser.visits.generatePlan({ academicYear: 2026 }))).code).toBe('FORBIDDEN');
  });

  it('the planner reads its page, overdue, under-served and advisers in one call, pages of 50, an adviser only their own', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const all = await officer.visits.schedule({ academicYear: 2026 });
    const first = await officer.visits.planner({ academicYear: 2026 });
    expect(first.total).toBe(all.length);
    expect(first.pageSize).toBe(50);
    expect(first.pages).toBe(Math.max(1, Math.ceil(all.length / 50)));
    expect(first.visits.map((v) => v.id)).toEqual(all.slice(0, 50).map((v) => v.id));
    // Read by hand-written SQL, the rows still match the schedule's field for field (dates as ISO strings).
    expect(first.visits).toEqual(all.slice(0, 50));
    const overdue = all.filter((v) => v.overdue);
    expect(first.overdueTotal).toBe(overdue.length);
    expect(first.overdue.map((v) => v.id)).toEqual(overdue.slice(0, 20).map((v) => v.id));
    const underServed = await officer.visits.underServed({ academicYear: 2026 });
    // The planner filters the schools behind in SQL; the rule in visit-progress.ts must agree.
    expect(underServed.length).toBeGreaterThan(0);
    expect(first.underServedTotal).toBe(underServed.length);
    expect(first.underServed).toEqual(underServed.slice(0, 20));
    expect(first.advisers.length).toBeGreaterThan(1);
    // The additional-visit form has its own page and reads the register's schools there, not on the planner.
    const options = await officer.visits.additionalVisitOptions();
    expect(options.schools.length).toBeGreaterThan(10);
    expect(options.schools.some((s) => s.linkAdviserUserId !== null)).toBe(true);
    expect(options.advisers.map((a) => a.userId).sort()).toEqual(first.advisers.map((a) => a.userId).sort());
    // A page past the end shows the last page rather than nothing.
    const last = await officer.visits.planner({ academicYear: 2026, page: 999 });
    expect(last.page).toBe(first.pages);
    expect(last.visits.map((v) => v.id)).toEqual(all.slice((first.pages - 1) * 50).map((v) => v.id));
    const tomasz = await barnet.user('tomasz.nowicki@barnet.example');
    const his = await officer.visits.planner({
      academicYear: 2026,
      adviserUserId: tomasz.id,
      status: 'planned',
    });
    expect(his.total).toBe(all.filter((v) => v.adviserUserId === tomasz.id && v.status === 'planned').length);
    expect(his.visits.every((v) => v.adviserUserId === tomasz.id && v.status === 'planned')).toBe(true);

    const adviser = await barnet.caller('adviser@barnet.example');
    const me = await barnet.user('adviser@barnet.example');
    const mine = await adviser.visits.planner({ academicYear: 2026, adviserUserId: tomasz.id });
    expect(mine.total).toBe(all.filter((v) => v.adviserUserId === me.id).length);
    expect(mine.overdue.every((v) => v.adviserUserId === me.id)).toBe(true);
    expect(mine.underServed).toEqual([]);
    expect((await codeOf(adviser.visits.additionalVisitOptions())).code).toBe('FORBIDDEN');
  });

  it('officers see everyone, the under-served and overdue; add, reassign, mark done and cancel visits', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const all = await officer.visits.schedule({ academicYear: 2026 });
    expect(new Set(all.map((v) => v.adviserUserId)).size).toBeGreaterThan(1);
    expect((await officer.visits.underServed({ academicYear: 2026 })).length).toBeGreaterThan(0);
    const overdue = await officer.visits.schedule({ academicYear: 2026, overdueOnly: true });
    expect(overdue.length).toBeGreaterThan(0);

    const tomasz = await barnet.user('tomasz.nowicki@barnet.example');
    const badReason = await codeOf(
      officer.visits.addAdditional({
        schoolId: id(101262),
        reason: 'Because',
        dueBy: '2026-12-04',
        adviserUserId: tomasz.id,
      }),
    );
    expect(badReason.code).toBe('BAD_REQUEST');
    const added = await officer.visits.addAdditional({
      schoolId: id(101262),
      reason: 'Ofsted inspection expected',
      dueBy: '2026-12-04',
      adviserUserId: tomasz.id,
    });
    expect(added.sequence).toBeGreaterThanOrEqual(1000);
    const visitId = added.id ?? '';
    const me = await barnet.user('adviser@barnet.example');
    await officer.visits.reassign({ visitIds: [visitId], adviserUserId: me.id });
    const adviser = await barnet.caller('adviser@barnet.example');
    const mine = await adviser.visits.schedule({ academicYear: 2026 });
    expect(mine.find((v) => v.id === visitId)).toMatchObject({
      kind: 'additional',
      reason: 'Ofsted inspection expected',
    });
    await adviser.visits.markDone({ visitIds: [visitId], completedOn: '2026-11-20' });
    const alreadyDone = await codeOf(officer.visits.cancel({ visitIds: [visitId] }));
    expect(alreadyDone.code).toBe('CONFLICT');
    expect(alreadyDone.message).toMatch(/already done and cannot be cancelled/);

    const tomaszVisits = all.filter((v) => v.adviserUserId === tomasz.id && v.status === 'planned');
    const tomaszVisit = tomaszVisits[0]?.id ?? '';
    expect(
      (await codeOf(adviser.visits.markDone({ visitIds: [tomaszVisit], completedOn: '2026-11-20' }))).code,
    ).toBe('NOT_FOUND');
    await officer.visits.cancel({ visitIds: [tomaszVisit] });

    // Ticked together: all change, or (one already settled) none do.
    const [a, b] = tomaszVisits.slice(1, 3).map((v) => v.id);
    if (!a || !b) throw new Error('expected two more planned visits');
    const mixed = await codeOf(
      officer.visits.reassign({ visitIds: [a, tomaszVisit, b], adviserUserId: me.id }),
    );
    expect(mixed.code).toBe('CONFLICT');
    const unchanged = await officer.visits.schedule({ academicYear: 2026 });
    expect(unchanged.filter((v) => v.id === a || v.id === b).map((v) => v.adviserUserId)).toEqual([
      tomasz.id,
      tomasz.id,
    ]);
    expect(await officer.visits.reassign({ visitIds: [a, b], adviserUserId: me.id })).toMatchObject({
      updated: 2,
    });
    const moved = await officer.visits.schedule({ academicYear: 2026 });
    expect(moved.filter((v) => v.id === a || v.id === b).every((v) => v.adviserUserId === me.id)).toBe(true);
    expect((await codeOf(officer.visits.cancel({ visitIds: [] }))).code).toBe('BAD_REQUEST');
  });
  it('a new link adviser takes over the school’s planned visits still to come, not those given to someone by hand', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const schoolId = id(101335);
    const today = todayInLondon();
    const [a, b, c] = await officer.register.advisers();
    if (!a || !b || !c) throw new Error('expected three advisers');
    const { entry } = await officer.register.school({ schoolId });
    const visitsOf = () =>
      withTenant(database.db, barnet.id, (tx) =>
        tx.select().from(plannedVisits).where(eq(plannedVisits.schoolId, schoolId)),
      );
    const toCome = (await visitsOf())
      .filter((v) => v.status === 'planned' && v.dueBy >= today)
      .sort((x, y) => x.dueBy.localeCompare(y.dueBy));
    expect(toCome.length).toBeGreaterThanOrEqual(4);
    const [unassigned, byHand, done] = toCome;
    if (!unassigned || !byHand || !done) throw new Error('expected visits to come');
    await officer.register.setAdvisers({ schoolId, linkAdviserUserId: a.userId, secondAdviserUserId: null });
    await officer.visits.reassign({ visitIds: toCome.map((v) => v.id), adviserUserId: a.userId });
    await withTenant(database.db, barnet.id, (tx) =>
      tx.update(plannedVisits).set({ adviserUserId: null }).where(eq(plannedVisits.id, unassigned.id)),
    );
    await officer.visits.reassign({ visitIds: [byHand.id], adviserUserId: c.userId });
    await officer.visits.markDone({ visitIds: [done.id], completedOn: today });
    const before = await visitsOf();

    const saved = await officer.register.setAdvisers({
      schoolId,
      linkAdviserUserId: b.userId,
      secondAdviserUserId: null,
    });
    expect(saved.visitsMoved).toBe(toCome.length - 2);
    const after = new Map((await visitsOf()).map((v) => [v.id, v.adviserUserId]));
    expect(after.get(unassigned.id)).toBe(b.userId);
    expect(after.get(byHand.id)).toBe(c.userId);
    expect(after.get(done.id)).toBe(a.userId);
    for (const v of toCome.slice(3)) expect(after.get(v.id)).toBe(b.userId);
    // Visits already past (overdue or done) keep who had them.
    for (const v of before.filter((v) => v.dueBy < today)) expect(after.get(v.id)).toBe(v.adviserUserId);
    // Saving again with the same link adviser moves nothing more.
    expect(
      (
        await officer.register.setAdvisers({
          schoolId,
          linkAdviserUserId: b.userId,
          secondAdviserUserId: null,
        })
      ).visitsMoved,
    ).toBe(0);
    // Clearing the link adviser moves nothing.
    expect(
      (await officer.register.setAdvisers({ schoolId, linkAdviserUserId: null, secondAdviserUserId: null }))
        .visitsMoved,
    ).toBe(0);
    expect((await visitsOf()).filter((v) => v.adviserUserId === null)).toHaveLength(
      before.filter((v) => v.adviserUserId === null).length - 1,
    );
    await officer.register.setAdvisers({
      schoolId,
      linkAdviserUserId: entry.linkAdviserUserId,
      secondAdviserUserId: entry.secondAdviserUserId,
    });
  });
  it('a category change plans the school’s missing visits still to come at once, and touches no other school', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const today = todayInLondon();
    const year = 2026; // the seeded year, whose plan has been generated
    const { rows } = await officer.register.list({ sort: 'name' });
    let schoolId: string | undefined;
    for (const r of rows.filter((r) => r.laCategory === '2' && r.governance === 'maintained')) {
      if ([101262, 101335, 101358, 101270].includes(r.urn)) continue;
      if ((await officer.register.school({ schoolId: r.schoolId })).visitRule.count === 2) {
        schoolId = r.schoolId;
        break;
      }
    }
    if (!schoolId) throw new Error('no category 2 school planned at 2 a year');
    const allVisits = () =>
      withTenant(database.db, barnet.id, (tx) =>
        tx.select().from(plannedVisits).where(eq(plannedVisits.academicYear, year)),
      );
    const before = await allVisits();
    const changed = await officer.register.changeCategory({
      schoolId,
      category: 'good-of-concern',
      rationale: 'Leadership changes this term: good but of concern.',
    });
    expect(changed.plan?.added).toBeGreaterThan(0);
    const after = await allVisits();
    expect(after.length).toBe(before.length + (changed.plan?.added ?? 0));
    const added = after.filter((v) => !before.some((b) => b.id === v.id));
    expect(added.every((v) => v.schoolId === schoolId && v.dueBy >= today && v.status === 'planned')).toBe(
      true,
    );
    // As generating would: the plan now has nothing more to add for it, or anyone.
    const regenerated = await officer.visits.generatePlan({ academicYear: year });
    expect(regenerated.added).toBe(0);
    // Lowered again: nothing is removed; the visits beyond the lower count are reported.
    const lowered = await officer.register.changeCategory({
      schoolId,
      category: '2',
      rationale: 'Concerns resolved after the review.',
    });
    expect(lowered.plan).toMatchObject({ added: 0 });
    expect(lowered.plan?.surplus).toBeGreaterThan(0);
    expect((await allVisits()).length).toBe(after.length);
  });

  it('a category change in a year whose plan has not been generated plans nothing', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const settings = statutorySettingsOf((await tenantBySlug(database.db, barnet.slug)).settings);
    const schoolId = id(101262);
    const changed = await withTenant(database.db, barnet.id, (tx) =>
      changeCategory(tx, settings, {
        schoolId,
        category: 'good-of-concern',
        rationale: 'A change in a year not yet planned.',
        tenantId: barnet.id,
        actorUserId: barnet.user('la.officer@barnet.example').id,
        today: '2034-10-01',
      }),
    );
    expect(changed.plan).toBeNull();
    const planned = await withTenant(database.db, barnet.id, (tx) =>
      tx.select().from(plannedVisits).where(eq(plannedVisits.academicYear, 2034)),
    );
    expect(planned).toEqual([]);
    await officer.register.changeCategory({ schoolId, category: '1', rationale: 'Restored after the test.' });
  });
});

describe('the dashboard’s monitoring figures', () => {
  it('each figure is what the page it links to shows: categories, the concern register, visits, actions, notices', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const today = todayInLondon();
    const year = academicYearOf(today);
    const figures = await officer.register.needsAttention();
    expect(figures.officer).toBe(true);
    expect(figures.listName).toBe('Schools causing concern');
    // Barnet's categories that cause concern, in its order, each counted as the register's filter lists it.
    expect(figures.categories.map((c) => c.key)).toEqual(['3', '4a', '4b']);
    for (const c of figures.categories) {
      const { rows } = await officer.register.list({ category: c.key, sort: 'name' });
      expect(c.schools, c.label).toBe(rows.length);
    }
    expect(figures.categories.some((c) => c.schools > 0)).toBe(true);

    const concern = await officer.concern.register();
    expect(figures.cases).toEqual({
      designated: concern.cases.filter((c) => c.status === 'designated').length,
      candidates: concern.cases.filter((c) => c.status === 'candidate').length,
      possible: concern.candidates.length,
    });
    expect(figures.cases.designated).toBeGreaterThan(0);

    const planner = await officer.visits.planner({ academicYear: year });
    expect(figures.visits.overdue).toBe(planner.overdueTotal);
    const term = figures.visits.term;
    if (term) {
      const planned = await officer.visits.schedule({ academicYear: year, status: 'planned' });
      expect(figures.visits.dueThisTerm).toBe(
        planned.filter((v) => v.dueBy >= today && v.dueBy <= term.endsOn).length,
      );
    }

    // Overdue action-plan items, per case as each plan's own summary counts them.
    let overdueItems = 0;
    for (const c of concern.cases) {
      const plan = await officer.casework.plan({ caseId: c.caseId });
      overdueItems += plan.summary.overdue;
      expect(figures.actions.cases.find((a) => a.caseId === c.caseId)?.overdue ?? 0, c.schoolName).toBe(
        plan.summary.overdue,
      );
    }
    expect(figures.actions.overdue).toBe(overdueItems);
  });

  it('a recommended notice waits for the DCS’s decision, with a link to its case; an adviser sees their own', async () => {
    const officer = await barnet.caller('la.officer@barnet.example');
    const before = await officer.register.needsAttention();
    const concern = await officer.concern.register();
    const designated = concern.cases.find((c) => c.status === 'designated' && !c.academy);
    if (!designated) throw new Error('expected a designated maintained school');
    const notice = await officer.casework.recordNotice({
      caseId: designated.caseId,
      kind: 'pay_and_conditions_s60a',
    });
    const after = await officer.register.needsAttention();
    expect(after.notices.awaitingDecision).toBe(before.notices.awaitingDecision + 1);
    expect(after.notices.items.find((n) => n.noticeId === notice.id)).toMatchObject({
      caseId: designated.caseId,
      schoolName: designated.schoolName,
      status: 'recommended',
    });
    await officer.casework.noticeOutcome({
      noticeId: notice.id,
      outcome: 'withdrawn',
      outcomeOn: todayInLondon(),
      notes: 'Recorded by the dashboard test, then withdrawn.',
    });
    expect((await officer.register.needsAttention()).notices.awaitingDecision).toBe(
      before.notices.awaitingDecision,
    );

    // An adviser's figures are their own: their visits, and the cases they lead or advise (no candidates).
    const adviser = await barnet.caller('adviser@barnet.example');
    const mine = await adviser.register.needsAttention();
    const theirPlanner = await adviser.visits.planner({ academicYear: academicYearOf(todayInLondon()) });
    const theirCases = await adviser.concern.register();
    expect(mine.officer).toBe(false);
    expect(mine.visits.overdue).toBe(theirPlanner.overdueTotal);
    expect(mine.cases).toEqual({
      designated: theirCases.cases.filter((c) => c.status === 'designated').length,
      candidates: theirCases.cases.filter((c) => c.status === 'candidate').length,
      possible: null,
    });
    const seen = new Set(theirCases.cases.map((c) => c.caseId));
    expect(mine.actions.cases.every((c) => seen.has(c.caseId))).toBe(true);
    expect(mine.notices.items.every((n) => n.caseId !== null && seen.has(n.caseId))).toBe(true);

    // A school's headteacher has no monitoring figures; nor does a workspace without the module.
    const head = await barnet.caller('head@stcatherines.sch.example');
    expect((await codeOf(head.register.needsAttention())).code).toBe('FORBIDDEN');
    const provider = await makeWorkspaceWithEveryRole(database.db, ['traded'], { kind: 'provider' });
    expect(await codeOf(provider.caller.register.needsAttention())).toMatchObject({
      code: 'FORBIDDEN',
      message: `Statutory monitoring is not switched on for ${provider.tenant.name}.`,
    });
  });
});
