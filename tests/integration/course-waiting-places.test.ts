import { and, desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { courses, outboxEmails } from '~/db/schema';
import { withMailroom } from '~/server/email/outbox';
import type { callerAs, makeWorkspaceWithEveryRole } from '../fixtures/factories';
import { ownCourse, schoolWithStaffAndHeads } from './course-fixtures';
import { openTestDatabase } from './harness';

const nextYear = new Date().getUTCFullYear() + 1;

describe('waiting lists seen and left: by the delegate, their head or the manager', () => {
  let database: Database;
  let ws: Awaited<ReturnType<typeof makeWorkspaceWithEveryRole>>;
  let staff: ReturnType<typeof callerAs>;
  let staffEmail: string;
  let head: ReturnType<typeof callerAs>;
  let headEmail: string;
  let otherHead: ReturnType<typeof callerAs>;
  beforeAll(async () => {
    database = await openTestDatabase();
    ({ ws, staff, staffEmail, head, headEmail, otherHead } = await schoolWithStaffAndHeads(database.db));
  });

  const subjectsTo = async (to: string) =>
    (
      await withMailroom(database.db, (tx) =>
        tx
          .select({ subject: outboxEmails.subject })
          .from(outboxEmails)
          .where(and(eq(outboxEmails.to, to), like(outboxEmails.subject, '%waiting list%')))
          .orderBy(desc(outboxEmails.createdAt)),
      )
    ).map((e) => e.subject);

  it('lists each person’s place in the queue; leaving moves the queue up, and a held place passes on', async () => {
    const title = `Queue course ${Math.random().toString(36).slice(2, 8)}`;
    const made = await ws.caller.courses.create({
      ...ownCourse,
      title,
      capacity: 1,
      memberPrice: 60,
      nonMemberPrice: 60,
      outOfAreaPrice: 60,
      sessions: [{ title: 'Day', on: `${nextYear}-03-10`, startTime: '09:30', endTime: '15:30' }],
    } as never);
    await ws.caller.courses.publish({ id: made.id });
    const d = (n: string) => ({
      name: `Delegate ${n}`,
      email: `${n}.${made.id.slice(0, 8)}@school.example`,
      role: '',
    });
    const [a] = (await head.courses.book({ courseId: made.id, schoolId: ws.school.id, delegates: [d('a')] }))
      .confirmed;
    await head.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [d('b'), d('c')],
      joinWaitingList: true,
    });
    await staff.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [],
      joinWaitingList: true,
    });

    const queue = async () =>
      (await head.courses.schoolWaitingPlaces({}))
        .filter((w) => w.courseId === made.id)
        .map((w) => [w.delegateEmail, w.status, w.position]);
    expect(await queue()).toEqual([
      [d('b').email, 'waiting', 1],
      [d('c').email, 'waiting', 2],
      [staffEmail, 'waiting', 3],
    ]);
    // The member of staff sees their own entry, and nobody else's.
    const mine = await staff.courses.myWaitingPlaces({});
    expect(mine.map((w) => [w.courseId, w.position])).toEqual([[made.id, 3]]);
    // Another school's head sees none of these, and cannot take anyone off.
    expect((await otherHead.courses.schoolWaitingPlaces({})).filter((w) => w.courseId === made.id)).toEqual(
      [],
    );
    const entryOf = async (email: string) =>
      (await ws.caller.courses.schoolWaitingPlaces({})).find((w) => w.delegateEmail === email)?.id ?? '';
    await expect(
      otherHead.courses.leaveWaitingList({ entryId: await entryOf(d('b').email) }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Nor can the member of staff take a colleague off.
    await expect(
      staff.courses.leaveWaitingList({ entryId: await entryOf(d('b').email) }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // The head takes b off: the queue moves up, and b is told.
    const bEntry = await entryOf(d('b').email);
    await expect(head.courses.leaveWaitingList({ entryId: bEntry })).resolves.toMatchObject({
      passedOnTo: null,
    });
    expect(await queue()).toEqual([
      [d('c').email, 'waiting', 1],
      [staffEmail, 'waiting', 2],
    ]);
    expect(await subjectsTo(d('b').email)).toContain(`Off the waiting list: ${title}`);
    await expect(head.courses.leaveWaitingList({ entryId: bEntry })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // a's place is cancelled: c is offered it, holding it.
    await head.courses.cancelBooking({ bookingId: a?.bookingId ?? '', reason: 'Illness' });
    const held = (await head.courses.schoolWaitingPlaces({})).find((w) => w.delegateEmail === d('c').email);
    expect(held).toMatchObject({ status: 'offered', position: null });
    expect(held?.holdExpiresAt).toBeInstanceOf(Date);

    // The head takes c off too: the held place passes to the member of staff, next in line.
    const passed = await head.courses.leaveWaitingList({ entryId: held?.id ?? '' });
    const staffEntry = await entryOf(staffEmail);
    expect(passed.passedOnTo).toBe(staffEntry);
    expect(await queue()).toEqual([[staffEmail, 'offered', null]]);

    // The member of staff gives it up themselves: nobody is waiting, so the place goes back to the course.
    await staff.courses.leaveWaitingList({ entryId: staffEntry });
    expect(await queue()).toEqual([]);
    const [after] = await withTenant(database.db, ws.tenant.id, (tx) =>
      tx.select({ taken: courses.placesTaken }).from(courses).where(eq(courses.id, made.id)),
    );
    expect(after?.taken).toBe(0);
  });

  it('tells the head who put a delegate on the waiting list when the delegate is offered a place', async () => {
    const title = `Booker told ${Math.random().toString(36).slice(2, 8)}`;
    const made = await ws.caller.courses.create({
      ...ownCourse,
      title,
      capacity: 1,
      sessions: [{ title: 'Day', on: `${nextYear}-03-17`, startTime: '09:30', endTime: '15:30' }],
    } as never);
    await ws.caller.courses.publish({ id: made.id });
    const tag = made.id.slice(0, 8);
    const ada = { name: 'Ada Placed', email: `ada.${tag}@school.example`, role: '' };
    const ben = { name: 'Ben Waiting', email: `ben.${tag}@school.example`, role: '' };
    const [placed] = (
      await head.courses.book({ courseId: made.id, schoolId: ws.school.id, delegates: [ada] })
    ).confirmed;
    await head.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [ben],
      joinWaitingList: true,
    });
    // A member of staff puts themselves on the list, behind Ben.
    await staff.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [],
      joinWaitingList: true,
    });

    const queued = (to: string, subjectLike: string) =>
      withMailroom(database.db, (tx) =>
        tx
          .select({ subject: outboxEmails.subject, text: outboxEmails.text, template: outboxEmails.template })
          .from(outboxEmails)
          .where(and(eq(outboxEmails.to, to), like(outboxEmails.subject, subjectLike)))
          .orderBy(desc(outboxEmails.createdAt)),
      );

    // Ada's place is cancelled: Ben is offered it, and the head who put him on the list is told, in the same
    // unit of work as the offer.
    await head.courses.cancelBooking({ bookingId: placed!.bookingId });
    expect(await queued(ben.email, `A place is free: ${title}`)).toHaveLength(1);
    const told = await queued(headEmail, `%${title}`);
    expect(told.map((e) => e.subject)).toEqual([`Place offered to Ben Waiting: ${title}`]);
    const [notice] = told;
    expect(notice?.template).toBe('notice');
    expect(notice?.text).toContain(`A place on ${title} has become free and is offered to Ben Waiting`);
    expect(notice?.text).toMatch(/It is held until .+ \(UK time\)\./);
    expect(notice?.text).toContain(
      `Only Ben Waiting can claim it, with the link in the email we have sent them at ${ben.email}.`,
    );

    // Ben is taken off: the place passes to the member of staff, who put themselves on the list. Their offer is
    // theirs alone; nobody else is told.
    const benEntry = (await head.courses.schoolWaitingPlaces({})).find((w) => w.delegateEmail === ben.email);
    await head.courses.leaveWaitingList({ entryId: benEntry!.id });
    expect(await queued(staffEmail, `A place is free: ${title}`)).toHaveLength(1);
    expect(await queued(staffEmail, `Place offered to %`)).toEqual([]);
    expect((await queued(headEmail, `Place offered to %${title}`)).map((e) => e.subject)).toEqual([
      `Place offered to Ben Waiting: ${title}`,
    ]);
  });
});
