import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { addDays } from '~/server/governance/board-rules';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeTenant,
  makeUser,
  outboxTo,
  type MadeTenant,
  type MadeUser,
} from '../fixtures/factories';
import { ownCourse } from './course-fixtures';
import { openTestDatabase } from './harness';

const today = todayInLondon();

/**
 * Gaps an LA starting governor services found, through the tRPC caller in a workspace of the test's own: an
 * academy's board follows the trust's rules, not the maintained-school constitution; a governor cancels their own
 * place under the course's terms; a governor's charged booking is told to the head, or held for the school's
 * approval; the board's training page marks who is booked.
 */
describe('governance gaps', () => {
  let database: Database;
  let tenant: MadeTenant;
  let maintained: { id: string };
  let academy: { id: string };
  let officer: MadeUser;
  let manager: MadeUser;
  let head: MadeUser;
  let gina: MadeUser;
  let pat: MadeUser;
  let clerk: MadeUser;
  let stranger: MadeUser;
  let otherTenant: MadeTenant;

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
    maintained = await makeSchool(database.db, tenant.id, { name: 'Elm Primary' });
    academy = await makeSchool(database.db, tenant.id, {
      name: 'Fir Academy',
      type: 'Academy converter',
      typeGroup: 'Academies',
    });
    officer = await makeUser(database.db, { name: 'Olu Officer' });
    await addMembership(database.db, tenant.id, officer.id, 'la_officer');
    manager = await makeUser(database.db, { name: 'Max Manager' });
    await addMembership(database.db, tenant.id, manager.id, 'tenant_admin');
    head = await makeUser(database.db, { name: 'Hattie Head' });
    await addMembership(database.db, tenant.id, head.id, 'school_admin', maintained.id);
    gina = await makeUser(database.db, { name: 'Gina Governor' });
    pat = await makeUser(database.db, { name: 'Pat Parent' });
    clerk = await makeUser(database.db, { name: 'Cleo Clerk' });
    for (const u of [gina, pat, clerk])
      await addMembership(database.db, tenant.id, u.id, 'governor', maintained.id);
    for (const [name, category, email] of [
      ['Gina Governor', 'parent', gina.email],
      ['Pat Parent', 'parent', pat.email],
      ['Cleo Clerk', 'clerk', clerk.email],
      ['Sam Staff', 'staff', 'sam.staff@elm.example'],
    ] as const)
      await as(head).governance.addGovernor({
        schoolId: maintained.id,
        ...governor(name, category, { email }),
      } as never);
    // Someone of another workspace, for the same-tenant rule.
    otherTenant = await makeTenant(database.db, { modules: ['governance', 'courses', 'traded'] });
    const otherSchool = await makeSchool(database.db, otherTenant.id);
    stranger = await makeUser(database.db, { name: 'Stan Stranger' });
    await addMembership(database.db, otherTenant.id, stranger.id, 'governor', otherSchool.id);
    await addMembership(database.db, otherTenant.id, gina.id, 'governor', otherSchool.id);
  });

  /** A published governor course three weeks away, £80 a place, free to cancel only 60 working days ahead. */
  async function governorCourse(title: string, extra: Record<string, unknown> = {}) {
    const courses = as(manager).courses;
    const made = await courses.create({
      ...ownCourse,
      programme: 'governor_training',
      title,
      audiences: ['governors'],
      nonMemberPrice: 80,
      memberPrice: 80,
      cancellationTerms: { freeUntilWorkingDays: 60, lateCancellationPercent: 50, noShowPercent: 100 },
      sessions: [{ on: addDays(today, 21), startTime: '18:00', endTime: '20:00' }],
      ...extra,
    } as never);
    await courses.publish({ id: made.id });
    return made.id;
  }

  it('an academy’s board has the trust’s categories and no LA-governor vacancy; a maintained school keeps the 2012 rules', async () => {
    const keeper = as(officer).governance;
    const before = await keeper.board({ schoolId: academy.id });
    expect(before.kind).toBe('academy');
    expect(before.categories).toEqual(expect.arrayContaining(['trustee', 'local_governor']));
    expect(before.categories).not.toContain('la');
    expect(before.vacancies.rows.map((r) => r.category)).not.toContain('la');
    expect(before.vacancies.total).toBe(7);
    expect(before.warnings).toEqual([]);
    for (const p of [
      governor('Hana Head', 'headteacher'),
      governor('Lee Local', 'local_governor'),
      governor('Lou Local', 'local_governor', { office: 'chair' }),
      governor('Pia Parent', 'parent'),
    ])
      await keeper.addGovernor({ schoolId: academy.id, ...p } as never);
    await expect(
      keeper.addGovernor({ schoolId: academy.id, ...governor('Cllr Ann Authority', 'la') } as never),
    ).rejects.toThrow('An academy’s board has no LA governors');
    const after = await keeper.board({ schoolId: academy.id });
    expect(after.vacancies.total).toBe(3);
    expect(after.vacancies.rows.find((r) => r.category === 'local_governor')).toMatchObject({ vacant: 0 });
    // The trust's scheme sets the size: a board of trustees below the maintained minimum of seven is allowed.
    await keeper.setConstitution({ schoolId: academy.id, places: { trustee: 3, parent: 2 } });
    expect((await keeper.board({ schoolId: academy.id })).vacancies.total).toBe(4);
    await expect(
      keeper.setConstitution({ schoolId: academy.id, places: { la: 1, trustee: 3 } }),
    ).rejects.toThrow('An academy’s board has no LA governor places.');
    // The LA's overview counts no LA vacancy at the academy.
    const overview = await keeper.overview();
    const row = overview.boards.find((b) => b.schoolId === academy.id);
    expect(row?.vacancies.map((v) => v.category)).not.toContain('la');

    const school = await keeper.board({ schoolId: maintained.id });
    expect(school.kind).toBe('maintained');
    expect(school.vacancies.rows.find((r) => r.category === 'la')).toMatchObject({ places: 1, vacant: 1 });
    await expect(
      keeper.addGovernor({ schoolId: maintained.id, ...governor('Tom Trustee', 'trustee') } as never),
    ).rejects.toThrow('A maintained school’s board has no trustees.');
    await expect(
      keeper.setConstitution({ schoolId: maintained.id, places: { parent: 2, la: 1 } }),
    ).rejects.toThrow('A governing board has at least 7 governors; these places add up to 3.');
  });

  it('a governor cancels their own place under the course’s terms, as the head would; nobody else’s', async () => {
    const courseId = await governorCourse('Finance for governors');
    const mine = await as(gina).governance.bookTraining({ courseId, schoolId: maintained.id });
    const bookingId = mine.confirmed[0]?.bookingId ?? '';
    expect(mine.confirmed).toEqual([expect.objectContaining({ funding: 'charge', pricePence: 8000 })]);
    const theirs = await as(pat).governance.bookTraining({ courseId, schoolId: maintained.id });
    const patBooking = theirs.confirmed[0]?.bookingId ?? '';
    // Her place page says she may cancel and what it costs the school today (half: it is past the free days).
    const listed = (await as(gina).courses.myPlaces({})).find((p) => p.id === bookingId);
    expect(listed).toMatchObject({ mayCancel: true, cancelNowPence: 4000 });
    // Another governor of the board, a stranger of another workspace and Gina in that other workspace find
    // no such place.
    await expect(as(pat).courses.cancelMyPlace({ bookingId })).rejects.toThrow('That place was not found.');
    await expect(
      callerAs(database.db, stranger, otherTenant.slug).courses.cancelMyPlace({ bookingId }),
    ).rejects.toThrow('That place was not found.');
    await expect(
      callerAs(database.db, gina, otherTenant.slug).courses.cancelMyPlace({ bookingId }),
    ).rejects.toThrow('That place was not found.');
    const cancelled = await as(gina).courses.cancelMyPlace({ bookingId });
    // The head cancelling Pat's identical place gets the same terms applied.
    const byHead = await as(head).courses.cancelBooking({ bookingId: patBooking });
    expect(cancelled).toMatchObject({ outcome: 'late', penaltyPence: 4000 });
    expect(byHead).toMatchObject({ outcome: cancelled.outcome, penaltyPence: cancelled.penaltyPence });
    const bookings = await as(head).courses.schoolBookings({});
    expect(bookings.find((b) => b.id === bookingId)?.status).toBe('cancelled');
    await expect(as(gina).courses.cancelMyPlace({ bookingId })).rejects.toThrow(
      'This booking is already cancelled.',
    );
    expect((await as(gina).courses.myPlaces({})).map((p) => p.id)).not.toContain(bookingId);
  });

  it('a governor’s charged booking is told to the head, or held for the school’s approval; statutory-free places need neither', async () => {
    const charged = await governorCourse('Understanding data');
    const booked = await as(gina).governance.bookTraining({ courseId: charged, schoolId: maintained.id });
    expect(booked.confirmed).toEqual([expect.objectContaining({ funding: 'charge', pricePence: 8000 })]);
    expect(booked.schoolTold).toBe(1);
    const [told] = await outboxTo(
      database.db,
      head.email,
      'Governor training charged to Elm Primary: Understanding data',
    );
    expect(told).toMatchObject({
      template: 'governor-booking-charged',
      subject: 'Governor training charged to Elm Primary: Understanding data',
    });
    expect(told?.props).toMatchObject({ bookedBy: 'Gina Governor', places: ['Gina Governor: £80.00'] });

    // Statutory training free to a maintained school's governor: no notice.
    const statutory = await governorCourse('Safeguarding for governors', { statutoryFreeForGovernors: true });
    const free = await as(pat).governance.bookTraining({ courseId: statutory, schoolId: maintained.id });
    expect(free.confirmed).toEqual([expect.objectContaining({ funding: 'free', pricePence: 0 })]);
    expect(free.schoolTold).toBe(0);
    expect(await outboxTo(database.db, head.email, 'Safeguarding for governors')).toEqual([]);

    // The school asks for staff bookings to be approved: the clerk's charged booking for the board waits.
    await as(head).courses.setSchoolBookingApproval({ staffBookingsNeedApproval: true });
    const board = await as(clerk).governance.board({ schoolId: maintained.id });
    const patId = board.current.find((g) => g.name === 'Pat Parent')?.id ?? '';
    const held = await as(clerk).governance.bookTraining({
      courseId: charged,
      schoolId: maintained.id,
      governorIds: [patId],
    });
    expect(held.confirmed).toEqual([]);
    expect(held.pendingApproval).toHaveLength(1);
    expect(held.schoolTold).toBe(0);
    const waiting = await as(head).courses.schoolBookings({});
    const heldRow = waiting.find((b) => b.id === held.pendingApproval[0]?.bookingId);
    expect(heldRow?.status).toBe('pending_approval');
    await as(head).courses.decideBooking({ bookingId: heldRow?.id ?? '', decision: 'approve' });
    expect((await as(head).courses.schoolBookings({})).find((b) => b.id === heldRow?.id)?.status).toBe(
      'confirmed',
    );
    // A statutory-free place is not held, even so.
    const clerkBoard = board.current.find((g) => g.name === 'Sam Staff')?.id ?? '';
    const freeAgain = await as(clerk).governance.bookTraining({
      courseId: statutory,
      schoolId: maintained.id,
      governorIds: [clerkBoard],
    });
    expect(freeAgain.confirmed).toEqual([expect.objectContaining({ funding: 'free' })]);
    expect(freeAgain.pendingApproval).toEqual([]);
    await as(head).courses.setSchoolBookingApproval({ staffBookingsNeedApproval: false });
  });

  it('the board’s training page shows each member’s places (held ones marked) and who on the board has booked each course', async () => {
    const courseId = await governorCourse('Chairing skills');
    await as(gina).governance.bookTraining({ courseId, schoolId: maintained.id });
    await as(head).courses.setSchoolBookingApproval({ staffBookingsNeedApproval: true });
    const board = await as(clerk).governance.board({ schoolId: maintained.id });
    const patId = board.current.find((g) => g.name === 'Pat Parent')?.id ?? '';
    await as(clerk).governance.bookTraining({ courseId, schoolId: maintained.id, governorIds: [patId] });
    await as(head).courses.setSchoolBookingApproval({ staffBookingsNeedApproval: false });

    const training = await as(clerk).governance.boardTraining({ schoolId: maintained.id });
    expect(training.bookedOn[courseId]).toEqual(['Gina Governor', 'Pat Parent']);
    const placeOf = (name: string) =>
      training.members.find((m) => m.name === name)?.courses.find((c) => c.courseId === courseId);
    expect(placeOf('Gina Governor')).toMatchObject({ title: 'Chairing skills', status: 'confirmed' });
    expect(placeOf('Pat Parent')).toMatchObject({ status: 'pending_approval' });
    expect(placeOf('Sam Staff')).toBeUndefined();
    // The head sees the same; a plain governor of the board does not keep it.
    expect((await as(head).governance.boardTraining({ schoolId: maintained.id })).bookedOn[courseId]).toEqual(
      ['Gina Governor', 'Pat Parent'],
    );
    await expect(as(pat).governance.boardTraining({ schoolId: maintained.id })).rejects.toThrow(
      'Only the chair, the clerk or the headteacher can keep the board’s register.',
    );
  });
});
