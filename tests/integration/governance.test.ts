import { and, desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { outboxEmails } from '~/db/schema';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { claimOffer } from '~/server/courses/claim-offer';
import { withMailroom } from '~/server/email/outbox';
import { grantEntitlement } from '~/server/entitlements/grant-entitlement';
import { addDays } from '~/server/governance/board-rules';
import { runScheduledJob } from '~/server/jobs/run-scheduled-job';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeTenant,
  makeUser,
  type MadeTenant,
  type MadeUser,
} from '../fixtures/factories';
import { ownCourse } from './course-fixtures';
import { anonymousCaller, openTestDatabase, testAppUrl, userByEmail } from './harness';

/** The token in the newest invitation emailed to an address (the outbox keeps emails with no SMTP server). */
async function invitationTokenFor(database: Database, email: string): Promise<string> {
  const [row] = await withMailroom(database.db, (tx) =>
    tx
      .select({ text: outboxEmails.text })
      .from(outboxEmails)
      .where(eq(outboxEmails.to, email))
      .orderBy(desc(outboxEmails.createdAt))
      .limit(1),
  );
  const token = row?.text?.match(/\/invite\/[a-z0-9-]+\/([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invitation emailed to ${email}`);
  return token;
}

const nextYear = new Date().getUTCFullYear() + 1;
const today = todayInLondon();

/**
 * Governor services through the tRPC caller, in a workspace of the test's own: two maintained schools and
 * an academy, an LA officer, a headteacher, a clerk, governors (one on two boards).
 */
describe('governance', () => {
  let database: Database;
  let tenant: MadeTenant;
  let schoolA: { id: string };
  let schoolB: { id: string };
  let academy: { id: string };
  let officer: MadeUser;
  let manager: MadeUser;
  let headA: MadeUser;
  let headB: MadeUser;
  let clerkA: MadeUser;
  let govA: MadeUser;
  let govAcademy: MadeUser;
  let govA2: MadeUser;

  const as = (u: MadeUser) => callerAs(database.db, u, tenant.slug);
  const governor = (name: string, category: string, extra: Record<string, unknown> = {}) => ({
    name,
    category,
    appointedOn: '2024-09-01',
    ...extra,
  });

  beforeAll(async () => {
    database = await openTestDatabase();
    tenant = await makeTenant(database.db, { modules: ['governance', 'courses', 'traded'] });
    schoolA = await makeSchool(database.db, tenant.id, { name: 'Alder Primary' });
    schoolB = await makeSchool(database.db, tenant.id, { name: 'Beech Primary' });
    academy = await makeSchool(database.db, tenant.id, {
      name: 'Cedar Academy',
      type: 'Academy converter',
      typeGroup: 'Academies',
    });
    const person = (name: string) => makeUser(database.db, { name });
    officer = await person('Olive Officer');
    manager = await person('Mina Manager');
    headA = await person('Hal Head');
    headB = await person('Bea Head');
    clerkA = await person('Clara Clerk');
    govA = await person('Gina Governor');
    govAcademy = await person('Ada Academy');
    govA2 = await person('Pat Parent');
    await addMembership(database.db, tenant.id, officer.id, 'la_officer');
    await addMembership(database.db, tenant.id, manager.id, 'tenant_admin');
    await addMembership(database.db, tenant.id, headA.id, 'school_admin', schoolA.id);
    await addMembership(database.db, tenant.id, headB.id, 'school_admin', schoolB.id);
    await addMembership(database.db, tenant.id, clerkA.id, 'governor', schoolA.id);
    await addMembership(database.db, tenant.id, govA.id, 'governor', schoolA.id);
    await addMembership(database.db, tenant.id, govA2.id, 'governor', schoolA.id);
    await addMembership(database.db, tenant.id, govAcademy.id, 'governor', academy.id);
    // The headteacher records the clerk (linked to the clerk's account by email); the clerk keeps the board.
    await as(headA).governance.addGovernor({
      schoolId: schoolA.id,
      ...governor('Clara Clerk', 'clerk', { email: clerkA.email }),
    } as never);
  });

  it('the clerk keeps the register: adding governors closes vacancies; chair and vice-chair held once', async () => {
    const clerk = as(clerkA);
    const before = await clerk.governance.board({ schoolId: schoolA.id });
    expect(before.vacancies.total).toBe(7);
    const people = [
      governor('Henry Head', 'headteacher'),
      governor('Gina Governor', 'parent', { email: govA.email }),
      governor('Pat Parent', 'parent', { email: govA2.email }),
      governor('Sue Staff', 'staff'),
      governor('Len Authority', 'la', { email: 'len@example.org', office: 'chair', phone: '020 7946 0001' }),
      governor('Cora Coopted', 'co_opted', { email: 'cora@example.org', office: 'vice_chair' }),
    ];
    for (const p of people) await clerk.governance.addGovernor({ schoolId: schoolA.id, ...p } as never);
    const after = await clerk.governance.board({ schoolId: schoolA.id });
    expect(after.vacancies.total).toBe(1);
    expect(after.vacancies.rows.find((r) => r.category === 'co_opted')).toMatchObject({
      filled: 1,
      vacant: 1,
    });
    expect(after.warnings).toEqual(['The board has 6 governors; it needs at least 7.']);
    await expect(
      clerk.governance.addGovernor({
        schoolId: schoolA.id,
        ...governor('Ozzy Other', 'co_opted', { office: 'chair' }),
      } as never),
    ).rejects.toThrow('Len Authority is already chair. Change their office first.');
    await clerk.governance.addGovernor({
      schoolId: schoolA.id,
      ...governor('Ozzy Other', 'co_opted'),
    } as never);
    expect((await clerk.governance.board({ schoolId: schoolA.id })).vacancies.total).toBe(0);
    // A term of four years from 1 September 2024 ends on 31 August 2028.
    expect(after.current.find((g) => g.name === 'Sue Staff')?.termEndsOn).toBe('2028-08-31');
    await expect(
      clerk.governance.setConstitution({ schoolId: schoolA.id, places: { parent: 2, la: 1 } }),
    ).rejects.toThrow('A governing board has at least 7 governors; these places add up to 3.');
    await clerk.governance.setConstitution({
      schoolId: schoolA.id,
      places: { headteacher: 1, parent: 2, staff: 1, la: 1, co_opted: 3 },
    });
    expect((await clerk.governance.board({ schoolId: schoolA.id })).vacancies.total).toBe(1);
  });

  it('refuses a plain governor, another school’s head, and shows published information with leavers', async () => {
    await expect(as(govA).governance.board({ schoolId: schoolA.id })).rejects.toThrow(
      'Only the chair, the clerk or the headteacher can keep the board’s register.',
    );
    await expect(as(headB).governance.board({ schoolId: schoolA.id })).rejects.toThrow(
      'That governing board was not found.',
    );
    await expect(as(headA).governance.overview()).rejects.toThrow(
      'Your role in this workspace does not allow this.',
    );
    const board = await as(headA).governance.board({ schoolId: schoolA.id });
    const ozzy = board.current.find((g) => g.name === 'Ozzy Other');
    if (!ozzy) throw new Error('no Ozzy');
    await expect(as(headB).governance.stepDown({ id: ozzy.id, steppedDownOn: today })).rejects.toThrow(
      'That governing board was not found.',
    );
    await as(headA).governance.stepDown({ id: ozzy.id, steppedDownOn: addDays(today, -10) });
    const published = await as(govA).governance.published({ schoolId: schoolA.id });
    expect(published.governors.find((g) => g.name === 'Ozzy Other')?.steppedDownOn).toBe(addDays(today, -10));
    expect(published.governors.some((g) => g.name === 'Clara Clerk')).toBe(false);
    expect(published.governors[0]).not.toHaveProperty('email');
  });

  it('the LA sees chairs and vice-chairs (with CSV), people on two boards, and terms ending within 60 days', async () => {
    const headBCaller = as(headB);
    await headBCaller.governance.addGovernor({
      schoolId: schoolB.id,
      ...governor('Mr Len Authority', 'co_opted', { email: 'LEN@example.org', office: 'chair' }),
    } as never);
    await headBCaller.governance.addGovernor({
      schoolId: schoolB.id,
      ...governor('Tess Term', 'parent', { appointedOn: addDays(today, -365 * 4 + 20), termYears: 4 }),
    } as never);
    const la = as(officer);
    const overview = await la.governance.overview();
    const len = overview.multiBoard.find((m) => m.email === 'len@example.org');
    expect(len?.boards.map((b) => b.schoolId).sort()).toEqual([schoolA.id, schoolB.id].sort());
    expect(overview.termsEnding.map((t) => t.name)).toContain('Tess Term');
    expect(overview.boards.find((b) => b.schoolId === schoolB.id)?.vacant).toBe(5);
    const chairs = await la.governance.chairs();
    expect(chairs.map((c) => [c.schoolId === schoolA.id ? 'A' : 'B', c.office, c.name])).toEqual(
      expect.arrayContaining([
        ['A', 'chair', 'Len Authority'],
        ['A', 'vice_chair', 'Cora Coopted'],
        ['B', 'chair', 'Mr Len Authority'],
      ]),
    );
    const csv = await la.governance.chairsCsv();
    expect(csv.csv.split('\n')[0]).toBe('School,Office,Name,Email,Phone,Term ends');
    expect(csv.csv).toContain('Alder Primary,Chair,Len Authority,len@example.org,020 7946 0001,31 Aug 2028');
    // The published view names the other board among the governor's interests.
    const published = await as(headA).governance.published({ schoolId: schoolA.id });
    expect(published.governors.find((g) => g.name === 'Len Authority')?.otherBoards).toEqual([
      'Beech Primary',
    ]);
  });

  it('alerts the school and the managers 60 days before a term ends, once per term end', async () => {
    const run = (day: string) =>
      runScheduledJob(database.db, 'governor-term-ends', {
        today: day,
        appUrl: testAppUrl,
        tenants: [tenant.slug],
      });
    const mails = () =>
      withMailroom(database.db, (tx) =>
        tx.select().from(outboxEmails).where(eq(outboxEmails.tenantId, tenant.id)),
      ).then((rows) => rows.filter((r) => r.subject.includes('term')));
    const first = await run(today);
    expect(first[0]?.result).toMatchObject({ ran: true, summary: { governors: 1, schools: 1 } });
    const sent = await mails();
    expect(sent.map((m) => m.to).sort()).toEqual([headB.email, manager.email].sort());
    expect(sent[0]?.text).toContain('Tess Term');
    // The same day again: the job_runs claim stops it. The next day: the governor was already alerted.
    expect((await run(today))[0]?.result).toMatchObject({ ran: false });
    expect((await run(addDays(today, 1)))[0]?.result).toMatchObject({ ran: true, summary: { governors: 0 } });
    expect(await mails()).toHaveLength(2);
  });

  it('a governor and a clerk on the register before they had accounts are linked when they accept their invitations', async () => {
    const tag = Date.now().toString(36);
    const clerkEmail = `clerk.${tag}@beech.example`;
    const govEmail = `nia.${tag}@beech.example`;
    // Recorded by the head under addresses typed with capitals, before either person has an account.
    await as(headB).governance.addGovernor({
      schoolId: schoolB.id,
      ...governor('Cal Clerk', 'clerk', { email: clerkEmail.toUpperCase() }),
    } as never);
    await as(headB).governance.addGovernor({
      schoolId: schoolB.id,
      ...governor('Nia New', 'parent', { email: `Nia.${tag}@Beech.example` }),
    } as never);
    for (const email of [clerkEmail, govEmail])
      await as(manager).members.invite({ email, role: 'governor', schoolId: schoolB.id });
    // Inviting makes each person's account; their register entries are still unlinked until they accept.
    const clerkB = await userByEmail(database.db, clerkEmail);
    const govB = await userByEmail(database.db, govEmail);
    for (const person of [clerkB, govB])
      await callerAs(database.db, person, tenant.slug).joining.accept({
        token: await invitationTokenFor(database, person.email),
      });
    // The governor sees their own record and training; the clerk keeps the board and books for it.
    expect(await as(govB).governance.mine()).toEqual([
      expect.objectContaining({ name: 'Nia New', schoolId: schoolB.id, keepsBoard: false }),
    ]);
    expect(await as(clerkB).governance.mine()).toEqual([
      expect.objectContaining({ name: 'Cal Clerk', keepsBoard: true }),
    ]);
    const courses = as(manager).courses;
    const made = await courses.create({
      ...ownCourse,
      programme: 'governor_training',
      title: `New governors ${tag}`,
      audiences: ['governors'],
      nonMemberPrice: 45,
      sessions: [{ on: `${nextYear}-03-10`, startTime: '18:00', endTime: '20:00' }],
    } as never);
    await courses.publish({ id: made.id });
    const board = await as(clerkB).governance.board({ schoolId: schoolB.id });
    const nia = board.current.find((g) => g.name === 'Nia New');
    if (!nia) throw new Error('Nia New is not on the board');
    const booked = await as(clerkB).governance.bookTraining({
      courseId: made.id,
      schoolId: schoolB.id,
      governorIds: [nia.id],
    });
    expect(booked.confirmed).toHaveLength(1);
    const record = await as(govB).governance.training({ governorId: nia.id });
    expect(record.courses.map((c) => c.title)).toEqual([`New governors ${tag}`]);
    // Re-addressed to someone without an account, the entry no longer belongs to Nia's account.
    await as(clerkB).governance.updateGovernor({
      id: nia.id,
      governor: governor('Nia New', 'parent', { email: `other.${tag}@beech.example` }),
    } as never);
    expect(await as(govB).governance.mine()).toEqual([]);
  });

  it('statutory training is free to a maintained school’s governor and charged to an academy’s', async () => {
    await as(manager).governance.addGovernor({
      schoolId: academy.id,
      ...governor('Ada Academy', 'parent', { email: govAcademy.email }),
    } as never);
    const courses = as(manager).courses;
    const made = await courses.create({
      ...ownCourse,
      programme: 'governor_training',
      title: 'Safeguarding for governors',
      audiences: ['governors'],
      nonMemberPrice: 60,
      memberPrice: 50,
      statutoryFreeForGovernors: true,
      sessions: [{ on: `${nextYear}-05-12`, startTime: '18:00', endTime: '20:00' }],
    } as never);
    await courses.publish({ id: made.id });
    // Its public page says so beside the prices.
    const shown = await anonymousCaller(database.db).courseCatalogue.course({
      tenant: tenant.slug,
      id: made.id,
    });
    expect(shown.course.statutoryFreeForGovernors).toBe(true);
    const list = await as(govA).governance.trainingCourses({ schoolId: schoolA.id });
    expect(list.courses.find((c) => c.id === made.id)).toMatchObject({
      cost: 'statutory_free',
      pricePence: 0,
    });
    // The preview says what the booking will do: free to the maintained school's governor booking themself,
    // charged to the academy's, and for a head naming a governor and a teacher, one free and one charged.
    expect(await as(govA).courses.bookingPreview({ courseId: made.id, schoolId: schoolA.id })).toMatchObject({
      statutoryFree: 1,
      covered: 0,
      charged: 0,
      chargePence: 0,
      cancellation: null,
    });
    expect(
      await as(govAcademy).courses.bookingPreview({ courseId: made.id, schoolId: academy.id }),
    ).toMatchObject({ statutoryFree: 0, charged: 1, chargePence: 6000 });
    expect(
      await as(headA).courses.bookingPreview({
        courseId: made.id,
        schoolId: schoolA.id,
        places: 3,
        delegateEmails: ['tom.teacher@alder.example', govA2.email.toUpperCase(), ''],
      }),
    ).toMatchObject({ statutoryFree: 1, charged: 2, chargePence: 12000 });
    const mine = await as(govA).governance.bookTraining({ courseId: made.id, schoolId: schoolA.id });
    expect(mine.confirmed).toEqual([expect.objectContaining({ funding: 'free', pricePence: 0 })]);
    const theirs = await as(govAcademy).governance.bookTraining({ courseId: made.id, schoolId: academy.id });
    expect(theirs.confirmed).toEqual([expect.objectContaining({ funding: 'charge', pricePence: 6000 })]);
    // The governor's training record shows the course; the clerk sees it, another governor does not.
    const record = await as(govA).governance.mine();
    const own = record[0];
    if (!own) throw new Error('no own record');
    const training = await as(clerkA).governance.training({ governorId: own.id });
    expect(training.courses.map((c) => c.title)).toEqual(['Safeguarding for governors']);
    await expect(as(govA2).governance.training({ governorId: own.id })).rejects.toThrow(
      'That governor was not found.',
    );
    await as(govA).governance.addTraining({ governorId: own.id, title: 'NGA online: finance', on: today });
    expect(
      (await as(clerkA).governance.boardTraining({ schoolId: schoolA.id })).members.find(
        (r) => r.name === 'Gina Governor',
      )?.external,
    ).toHaveLength(1);
  });

  it('a community special school is maintained: the board gets the regulations’ checks and statutory training is free', async () => {
    const special = await makeSchool(database.db, tenant.id, {
      name: 'Dene Community Special School',
      type: 'Community special school',
      typeGroup: 'Special schools',
    });
    const nonMaintained = await makeSchool(database.db, tenant.id, {
      name: 'Elm Non-maintained Special School',
      type: 'Non-maintained special school',
      typeGroup: 'Special schools',
    });
    const govSpecial = await makeUser(database.db, { name: 'Sam Special' });
    const govOther = await makeUser(database.db, { name: 'Nat Nonmaintained' });
    await addMembership(database.db, tenant.id, govSpecial.id, 'governor', special.id);
    await addMembership(database.db, tenant.id, govOther.id, 'governor', nonMaintained.id);
    await as(manager).governance.addGovernor({
      schoolId: special.id,
      ...governor('Sam Special', 'parent', { email: govSpecial.email }),
    } as never);
    await as(manager).governance.addGovernor({
      schoolId: nonMaintained.id,
      ...governor('Nat Nonmaintained', 'parent', { email: govOther.email }),
    } as never);
    // The maintained-school checks run for the community special school's board, not for the non-maintained one.
    const specialBoard = await as(manager).governance.board({ schoolId: special.id });
    expect(specialBoard.warnings.some((w) => w.includes('it needs at least 7'))).toBe(true);
    expect((await as(manager).governance.board({ schoolId: nonMaintained.id })).warnings).toEqual([]);
    const courses = as(manager).courses;
    const made = await courses.create({
      ...ownCourse,
      programme: 'governor_training',
      title: 'Safeguarding for special school governors',
      audiences: ['governors'],
      nonMemberPrice: 60,
      statutoryFreeForGovernors: true,
      sessions: [{ on: `${nextYear}-05-19`, startTime: '18:00', endTime: '20:00' }],
    } as never);
    await courses.publish({ id: made.id });
    expect(
      await as(govSpecial).courses.bookingPreview({ courseId: made.id, schoolId: special.id }),
    ).toMatchObject({ statutoryFree: 1, charged: 0 });
    const free = await as(govSpecial).governance.bookTraining({ courseId: made.id, schoolId: special.id });
    expect(free.confirmed).toEqual([expect.objectContaining({ funding: 'free', pricePence: 0 })]);
    const charged = await as(govOther).governance.bookTraining({
      courseId: made.id,
      schoolId: nonMaintained.id,
    });
    expect(charged.confirmed).toEqual([expect.objectContaining({ funding: 'charge', pricePence: 6000 })]);
  });

  it('a statutory-free place given later from the waiting list is still free to the governor', async () => {
    const courses = as(manager).courses;
    const made = await courses.create({
      ...ownCourse,
      programme: 'governor_training',
      title: 'Governor induction (one place)',
      audiences: ['governors'],
      nonMemberPrice: 60,
      memberPrice: 50,
      capacity: 1,
      statutoryFreeForGovernors: true,
      sessions: [{ on: `${nextYear}-06-09`, startTime: '18:00', endTime: '20:00' }],
    } as never);
    await courses.publish({ id: made.id });
    const first = await as(headA).courses.book({
      courseId: made.id,
      schoolId: schoolA.id,
      delegates: [{ name: 'Tara Teacher', email: `tara.${made.id.slice(0, 8)}@alder.example`, role: '' }],
    });
    const taken = first.confirmed[0];
    if (!taken) throw new Error('the only place was not taken');
    const waiting = await as(govA).governance.bookTraining({ courseId: made.id, schoolId: schoolA.id });
    expect(waiting.waitlisted).toHaveLength(1);
    await as(headA).courses.cancelBooking({ bookingId: taken.bookingId, reason: 'Cannot come' });
    const [offer] = await withMailroom(database.db, (tx) =>
      tx
        .select({ text: outboxEmails.text })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, govA.email), like(outboxEmails.text, '%/claim/%')))
        .orderBy(desc(outboxEmails.createdAt))
        .limit(1),
    );
    const token = offer?.text?.match(/\/claim\/([\w-]+)/)?.[1];
    if (!token) throw new Error('no claim link sent to the governor');
    const claimed = await withTenant(database.db, tenant.id, (tx) =>
      claimOffer(tx, {
        appUrl: testAppUrl,
        slug: tenant.slug,
        providerName: tenant.name,
        token,
        now: new Date(),
        tenantId: tenant.id,
        laCodes: [],
      }),
    );
    expect(claimed.funding).toBe('free');
  });

  it('the governing-body package covers every governor; the clerk books for the board, a governor only for themself', async () => {
    const courses = as(manager).courses;
    const made = await courses.create({
      ...ownCourse,
      programme: 'governor_training',
      title: 'Chairing the board',
      audiences: ['governors'],
      nonMemberPrice: 80,
      entitlement: { unit: 'course_place', category: 'Governor training' },
      sessions: [{ on: `${nextYear}-06-02`, startTime: '18:00', endTime: '20:00' }],
    } as never);
    await courses.publish({ id: made.id });
    await withTenant(database.db, tenant.id, (tx) =>
      grantEntitlement(tx, {
        tenantId: tenant.id,
        schoolId: schoolA.id,
        academicYear: nextYear - 1,
        unit: 'course_place',
        category: 'Governor training',
        quantityHundredths: null,
        description: 'Governor services package',
        actorUserId: null,
      }),
    );
    const board = await as(clerkA).governance.board({ schoolId: schoolA.id });
    const ids = board.current.filter((g) => g.email && g.category !== 'clerk').map((g) => g.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    await expect(
      as(govA2).governance.bookTraining({ courseId: made.id, schoolId: schoolA.id, governorIds: ids }),
    ).rejects.toThrow('Only the chair or the clerk can book training for other governors.');
    await expect(
      as(govA).governance.bookTraining({ courseId: made.id, schoolId: academy.id }),
    ).rejects.toThrow();
    const booked = await as(clerkA).governance.bookTraining({
      courseId: made.id,
      schoolId: schoolA.id,
      governorIds: ids,
    });
    expect(booked.confirmed.map((c) => c.funding)).toEqual(ids.map(() => 'entitlement'));
  });
});
