import { and, desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { courseBookings, moduleKeys, outboxEmails } from '~/db/schema';
import { withMailroom } from '~/server/email/outbox';
import {
  addMembership,
  callerAs,
  makeUser,
  makeWorkspaceWithEveryRole,
  type MadeUser,
} from '../fixtures/factories';
import { ownCourse, ranUntilYesterday } from './course-fixtures';
import { openTestDatabase } from './harness';

const nextYear = new Date().getUTCFullYear() + 1;
const answers = { content: 5, facilitation: 4, impact: 4, overall: 5, comments: 'Useful.' };

describe('a delegate’s own places: sending a colleague instead, and the evaluation signed in', () => {
  let database: Database;
  let ws: Awaited<ReturnType<typeof makeWorkspaceWithEveryRole>>;
  let head: ReturnType<typeof callerAs>;
  const staffUsers: MadeUser[] = [];
  const as = (u: MadeUser) => callerAs(database.db, u, ws.tenant.slug);
  beforeAll(async () => {
    database = await openTestDatabase();
    ws = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    const h = await makeUser(database.db);
    await addMembership(database.db, ws.tenant.id, h.id, 'school_admin', ws.school.id);
    head = callerAs(database.db, h, ws.tenant.slug);
    for (let i = 0; i < 3; i++) {
      const u = await makeUser(database.db);
      await addMembership(database.db, ws.tenant.id, u.id, 'school_staff', ws.school.id);
      staffUsers.push(u);
    }
  });

  const sent = (to: string, subject: string) =>
    withMailroom(database.db, (tx) =>
      tx
        .select({ subject: outboxEmails.subject, text: outboxEmails.text })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, to), like(outboxEmails.subject, subject)))
        .orderBy(desc(outboxEmails.createdAt)),
    );

  async function course(on = `${nextYear}-03-10`) {
    const made = await ws.caller.courses.create({
      ...ownCourse,
      title: `Places course ${Math.random().toString(36).slice(2, 8)}`,
      capacity: 5,
      sessions: [
        { title: 'Morning', on, startTime: '09:30', endTime: '12:00' },
        { title: 'Afternoon', on, startTime: '13:00', endTime: '15:30' },
      ],
    } as never);
    await ws.caller.courses.publish({ id: made.id });
    return made.id;
  }

  it('the delegate (or the head) sends a colleague instead, keeping the place; both are told', async () => {
    const [a, b, c] = staffUsers as [MadeUser, MadeUser, MadeUser];
    const id = await course();
    const booked = await as(a).courses.book({ courseId: id, schoolId: ws.school.id, delegates: [] });
    const bookingId = booked.confirmed[0]!.bookingId;
    const mine = await as(a).courses.myPlaces({});
    expect(mine.find((p) => p.id === bookingId)).toMatchObject({ mayPassOn: true, evaluationDue: false });

    // A colleague who is not the delegate (nor the head) cannot pass someone else's place on.
    await expect(
      as(b).courses.substitute({ bookingId, delegate: { name: c.name, email: c.email, role: '' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      as(a).courses.substitute({ bookingId, delegate: { name: a.name, email: a.email, role: '' } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    await as(a).courses.substitute({
      bookingId,
      delegate: { name: b.name, email: b.email, role: 'Teacher' },
    });
    const [after] = await withTenant(database.db, ws.tenant.id, (tx) =>
      tx.select().from(courseBookings).where(eq(courseBookings.id, bookingId)),
    );
    expect(after).toMatchObject({
      status: 'confirmed',
      delegateEmail: b.email,
      funding: booked.confirmed[0]!.funding,
    });
    expect(after?.previousDelegates.map((p) => p.email)).toEqual([a.email]);
    expect((await ws.caller.courses.byId({ id })).course.placesTaken).toBe(1);
    const [confirmation] = await sent(b.email, 'Place confirmed:%');
    expect(confirmation?.text).toMatch(/\/place\/[^/\s]+\/calendar/);
    const [note] = await sent(a.email, 'Place passed on:%');
    expect(note?.text).toContain(b.name);

    // The place is now B's: it is in B's list, no longer in A's, and A cannot act on it any more.
    expect((await as(b).courses.myPlaces({})).map((p) => p.id)).toContain(bookingId);
    expect((await as(a).courses.myPlaces({})).map((p) => p.id)).not.toContain(bookingId);
    await expect(as(a).courses.place({ bookingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // The school's head passes it on again, from the school's list.
    await head.courses.substitute({ bookingId, delegate: { name: c.name, email: c.email, role: '' } });
    expect((await head.courses.place({ bookingId })).delegateEmail).toBe(c.email);

    // Once the course has started, a place can no longer be passed on.
    await ranUntilYesterday(database.db, id);
    await expect(
      head.courses.substitute({ bookingId, delegate: { name: a.name, email: a.email, role: '' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a signed-in delegate sees the finished course awaiting evaluation and answers it once, without the link', async () => {
    const [a, b] = staffUsers as [MadeUser, MadeUser, MadeUser];
    const id = await course(`${nextYear}-03-11`);
    const booked = await head.courses.book({
      courseId: id,
      schoolId: ws.school.id,
      delegates: [
        { name: a.name, email: a.email, role: '' },
        { name: b.name, email: b.email, role: '' },
      ],
    });
    const placeOf = (email: string) => booked.confirmed.find((p) => p.delegateEmail === email)!.bookingId;
    // Not finished yet: nothing to evaluate.
    await expect(
      as(a).courses.evaluateMyPlace({ bookingId: placeOf(a.email), answers }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    await ranUntilYesterday(database.db, id);
    // B was marked absent at both sessions: not asked, as the emailed request would not ask them.
    const register = await ws.caller.courses.register({ courseId: id });
    for (const session of register.sessions)
      await ws.caller.courses.markAttendance({
        sessionId: session.id,
        bookingId: placeOf(b.email),
        status: 'absent',
      });
    expect((await as(b).courses.myPlaces({})).find((p) => p.courseId === id)?.evaluationDue).toBe(false);

    const due = (await as(a).courses.myPlaces({})).find((p) => p.courseId === id);
    expect(due).toMatchObject({ evaluationDue: true, mayPassOn: false, evaluatedAt: null });
    // Only the delegate answers: not the head, not a colleague.
    await expect(
      head.courses.evaluateMyPlace({ bookingId: placeOf(a.email), answers }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      as(b).courses.evaluateMyPlace({ bookingId: placeOf(a.email), answers }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      as(a).courses.evaluateMyPlace({ bookingId: placeOf(a.email), answers: { ...answers, overall: 9 } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    await as(a).courses.evaluateMyPlace({ bookingId: placeOf(a.email), answers });
    await expect(
      as(a).courses.evaluateMyPlace({ bookingId: placeOf(a.email), answers }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const answered = (await as(a).courses.myPlaces({})).find((p) => p.courseId === id);
    expect(answered?.evaluationDue).toBe(false);
    expect(answered?.evaluatedAt).toBeInstanceOf(Date);
    const results = await ws.caller.courses.evaluations({ courseId: id });
    expect(results).toMatchObject({ responses: 1 });
    expect(results.comments.map((c) => c.text)).toContain('Useful.');
  });
});
