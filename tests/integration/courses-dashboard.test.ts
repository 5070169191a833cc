import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { courseBookings } from '~/db/schema';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { addDays } from '~/server/courses/london-time';
import { addMembership, callerAs, makeUser, makeWorkspaceWithEveryRole } from '../fixtures/factories';
import { ownCourse, ranUntilYesterday, schoolWithStaffAndHeads } from './course-fixtures';
import { openTestDatabase } from './harness';

const nextYear = new Date().getUTCFullYear() + 1;

describe('courses.dashboard: what is happening in Courses, on the manager’s dashboard', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('counts new bookings, approvals, courses starting soon, decisions due and waiting, of published courses only', async () => {
    const { ws, staff, head } = await schoolWithStaffAndHeads(database.db);
    const managerUser = await makeUser(database.db);
    await addMembership(database.db, ws.tenant.id, managerUser.id, 'tenant_admin');
    const manager = callerAs(database.db, managerUser, ws.tenant.slug);
    const today = todayInLondon();
    const on = (days: number) => [
      { title: 'Day', on: addDays(today, days), startTime: '09:30', endTime: '15:30' },
    ];
    const make = async (title: string, extra: Record<string, unknown>, publish = true) => {
      const made = await manager.courses.create({ ...ownCourse, title, ...extra } as never);
      if (publish) await manager.courses.publish({ id: made.id });
      return made.id;
    };
    const delegates = (tag: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        name: `Delegate ${tag}${i}`,
        email: `${tag}${i}@school.example`,
        role: '',
      }));

    // Starts in five days, 2 of a minimum 4 with the go/no-go date in two: a decision due.
    const belowMinimum = await make('Below minimum', {
      capacity: 10,
      minimumNumbers: 4,
      goNoGoOn: addDays(today, 2),
      sessions: on(5),
    });
    const booked = await head.courses.book({
      courseId: belowMinimum,
      schoolId: ws.school.id,
      delegates: delegates('below', 2),
    });
    // One of its places was booked eight days ago: not new this week (the place still counts as taken).
    const [old] = booked.confirmed;
    await withTenant(database.db, ws.tenant.id, (tx) =>
      tx
        .update(courseBookings)
        .set({ createdAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) })
        .where(eq(courseBookings.id, old?.bookingId ?? '')),
    );
    // Starts in ten days, full, with two waiting.
    const full = await make('Full', { capacity: 2, sessions: on(10) });
    await head.courses.book({ courseId: full, schoolId: ws.school.id, delegates: delegates('full', 2) });
    await head.courses.book({
      courseId: full,
      schoolId: ws.school.id,
      delegates: delegates('wait', 2),
      joinWaitingList: true,
    });
    // Next year: a member of staff's place awaits the head's approval; its go/no-go date is far off.
    await make('Needs approval', {
      capacity: 5,
      minimumNumbers: 3,
      goNoGoOn: `${nextYear}-03-01`,
      staffBookingNeedsApproval: true,
      sessions: [{ title: 'Day', on: `${nextYear}-03-10`, startTime: '09:30', endTime: '15:30' }],
    });
    const needsApproval = (await manager.courses.list({})).find((c) => c.title === 'Needs approval');
    await staff.courses.book({ courseId: needsApproval?.id ?? '', schoolId: ws.school.id, delegates: [] });
    // A draft starting in three days, a cancelled course below its minimum, and one below minimum that has run.
    await make(
      'Draft',
      { capacity: 8, minimumNumbers: 5, goNoGoOn: addDays(today, 1), sessions: on(3) },
      false,
    );
    const cancelled = await make('Cancelled', {
      capacity: 8,
      minimumNumbers: 5,
      goNoGoOn: addDays(today, 1),
      sessions: on(4),
    });
    await manager.courses.cancel({ id: cancelled, reason: 'Too few bookings' });
    const ran = await make('Ran', {
      capacity: 8,
      minimumNumbers: 5,
      goNoGoOn: addDays(today, 1),
      sessions: on(3),
    });
    await ranUntilYesterday(database.db, ran);

    // Another workspace's courses, bookings and waiting list never count.
    const other = await makeWorkspaceWithEveryRole(database.db, ['courses']);
    const theirs = await other.caller.courses.create({
      ...ownCourse,
      title: 'Theirs',
      capacity: 1,
      minimumNumbers: 1,
      goNoGoOn: addDays(today, 1),
      sessions: on(2),
    } as never);
    await other.caller.courses.publish({ id: theirs.id });
    await other.caller.courses.book({
      courseId: theirs.id,
      schoolId: other.school.id,
      delegates: delegates('theirs', 1),
    });
    await other.caller.courses.book({
      courseId: theirs.id,
      schoolId: other.school.id,
      delegates: delegates('theirwait', 1),
      joinWaitingList: true,
    });

    const panel = await manager.courses.dashboard();
    expect(panel).toMatchObject({
      courses: 6,
      drafts: 1,
      newBookings: { places: 3, courses: 2 },
      awaitingApproval: { places: 1, courses: 1 },
      startingSoon: { courses: 2, placesTaken: 4, capacity: 12 },
      waiting: { people: 2, courses: 1 },
    });
    expect(panel.decisionsDue).toEqual([
      {
        id: belowMinimum,
        title: 'Below minimum',
        startsOn: addDays(today, 5),
        placesTaken: 2,
        minimumNumbers: 4,
        goNoGoOn: addDays(today, 2),
      },
    ]);
    // The course list the panel links to names the same decisions, waiting and approvals.
    const list = await manager.courses.list({});
    expect(list.filter((c) => c.decisionDue).map((c) => c.id)).toEqual([belowMinimum]);
    expect(list.reduce((n, c) => n + c.waiting, 0)).toBe(2);
    expect(list.reduce((n, c) => n + c.awaitingApproval, 0)).toBe(1);

    // The other workspace sees only its own.
    expect(await other.caller.courses.dashboard()).toMatchObject({
      courses: 1,
      newBookings: { places: 1, courses: 1 },
      waiting: { people: 1, courses: 1 },
      decisionsDue: [],
    });
  });

  it('a new workspace has nothing to count', async () => {
    const ws = await makeWorkspaceWithEveryRole(database.db, ['courses']);
    expect(await ws.caller.courses.dashboard()).toEqual({
      courses: 0,
      drafts: 0,
      newBookings: { places: 0, courses: 0 },
      awaitingApproval: { places: 0, courses: 0 },
      startingSoon: { courses: 0, placesTaken: 0, capacity: 0 },
      waiting: { people: 0, courses: 0 },
      decisionsDue: [],
    });
  });

  it('is refused to a school’s people, and in a workspace without Courses', async () => {
    const { staff, head } = await schoolWithStaffAndHeads(database.db);
    await expect(head.courses.dashboard()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff.courses.dashboard()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const without = await makeWorkspaceWithEveryRole(database.db, ['statutory']);
    await expect(without.caller.courses.dashboard()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('not switched on'),
    });
  });
});
