import { and, desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { courseEvaluations, outboxEmails } from '~/db/schema';
import { findPlace } from '~/server/courses/find-place';
import { markAttendance } from '~/server/courses/mark-attendance';
import { withPublicCourses } from '~/server/courses/public-tenant';
import { londonToUtc } from '~/server/courses/london-time';
import { addWorkingHours, workingDaysBefore } from '~/server/courses/working-days';
import { untilMoment } from '~/server/format/dates';
import { withMailroom } from '~/server/email/outbox';
import { runScheduledJob } from '~/server/jobs/run-scheduled-job';
import { makeWorkspaceWithEveryRole } from '../fixtures/factories';
import { moduleKeys } from '~/db/schema';
import { anonymousCaller, openTestDatabase, testAppUrl } from './harness';
import { ownCourse } from './course-fixtures';

const year = new Date().getUTCFullYear() + 1;

describe('course jobs: reminders, hold expiry, evaluation requests', () => {
  let database: Database;
  /** A workspace of this run's own: its jobs' periods are new, and no other test's holds or courses are in it. */
  let ws: Awaited<ReturnType<typeof makeWorkspaceWithEveryRole>>;
  let only: string[];
  beforeAll(async () => {
    database = await openTestDatabase();
    ws = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    only = [ws.tenant.slug];
  });

  async function sentTo(email: string, subjectLike: string) {
    return withMailroom(database.db, (tx) =>
      tx
        .select({
          subject: outboxEmails.subject,
          text: outboxEmails.text,
          html: outboxEmails.html,
          attachments: outboxEmails.attachments,
        })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, email), like(outboxEmails.subject, subjectLike)))
        .orderBy(desc(outboxEmails.createdAt)),
    );
  }

  const courseInput = (first: string, last: string) => ({
    ...ownCourse,
    title: `Jobs course ${Math.random().toString(36).slice(2, 8)}`,
    format: 'hybrid',
    venue: 'Harrow Teachers’ Centre',
    joiningLink: 'https://meet.example/hsip-jobs',
    facilitators: [{ name: 'Dana Facilitator', userId: null }],
    memberPrice: 40,
    nonMemberPrice: 60,
    sessions: [
      { title: 'Day one', on: first, startTime: '09:30', endTime: '15:30' },
      { title: 'Day two', on: last, startTime: '09:30', endTime: '15:30' },
    ],
  });

  async function bookedCourse(first: string, last: string) {
    const manager = ws.caller;
    const made = await manager.courses.create(courseInput(first, last) as never);
    await manager.courses.publish({ id: made.id });
    const head = ws.caller;
    const school = ws.school;
    const d = (n: string) => ({
      name: `Delegate ${n}`,
      email: `${n}.${made.id.slice(0, 8)}@grange.sch.example`,
      role: '',
    });
    const booked = await head.courses.book({
      courseId: made.id,
      schoolId: school.id,
      delegates: [d('a'), d('b')],
    });
    expect(booked.confirmed).toHaveLength(2);
    return { manager, head, id: made.id, d, booked };
  }

  it('reminds each delegate two working days before, with the joining link, once', async () => {
    const first = `${year}-06-15`;
    const { d } = await bookedCourse(first, `${year}-06-22`);
    const today = workingDaysBefore(first, 2);
    // The day before the reminder day nothing goes.
    const early = await runScheduledJob(database.db, 'course-reminders', {
      today: workingDaysBefore(first, 3),
      appUrl: testAppUrl,
      tenants: only,
    });
    expect(early[0]?.result).toMatchObject({ ran: true });
    expect(await sentTo(d('a').email, 'Reminder:%')).toHaveLength(0);

    const run = () =>
      runScheduledJob(database.db, 'course-reminders', { today, appUrl: testAppUrl, tenants: only });
    const firstRun = await run();
    expect(firstRun[0]?.result).toMatchObject({ ran: true });
    const reminders = await sentTo(d('a').email, 'Reminder:%');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text).toContain('https://meet.example/hsip-jobs');
    expect(reminders[0]?.text).toContain('Day two');
    expect(reminders[0]?.html).toContain('Harrow Teachers');
    expect(await sentTo(d('b').email, 'Reminder:%')).toHaveLength(1);
    // Run twice the same day: nothing more (job_runs). The next day (a new period): still nothing (per place).
    expect((await run())[0]?.result).toMatchObject({ ran: false });
    await runScheduledJob(database.db, 'course-reminders', {
      today: workingDaysBefore(first, 1),
      appUrl: testAppUrl,
      tenants: only,
    });
    expect(await sentTo(d('a').email, 'Reminder:%')).toHaveLength(1);
  });

  it('asks attendees for their evaluation after the last session, once each, not those absent throughout', async () => {
    const first = `${year}-07-06`;
    const last = `${year}-07-13`;
    const { manager, id, d, booked } = await bookedCourse(first, last);
    const register = await manager.courses.register({ courseId: id });
    const b = booked.confirmed.find((c) => c.delegateEmail === d('b').email);
    // Marked on the last day (the register opens on each session's day): absent at both.
    for (const session of (await manager.courses.byId({ id })).sessions)
      await withTenant(database.db, ws.tenant.id, (tx) =>
        markAttendance(
          tx,
          {
            sessionId: session.id,
            bookingId: b?.bookingId ?? '',
            status: 'absent',
            tenantId: ws.tenant.id,
            markedByUserId: null,
          },
          last,
        ),
      );
    expect(register.delegates.length).toBeGreaterThan(0);

    // During the last day: not yet.
    const during = await runScheduledJob(database.db, 'course-evaluations', {
      today: last,
      now: londonToUtc(last, '12:00'),
      appUrl: testAppUrl,
      tenants: only,
    });
    expect(during[0]?.result).toMatchObject({ ran: true });
    expect(await sentTo(d('a').email, 'How was%')).toHaveLength(0);

    const next = `${year}-07-14`;
    const run = (today: string) =>
      runScheduledJob(database.db, 'course-evaluations', {
        today,
        now: londonToUtc(today, '18:00'),
        appUrl: testAppUrl,
        tenants: only,
      });
    await run(next);
    const asked = await sentTo(d('a').email, 'How was%');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.text).toMatch(/\/courses\/[\w-]+\/evaluate\/[\w-]+/);
    expect(await sentTo(d('b').email, 'How was%')).toHaveLength(0);
    expect((await run(next))[0]?.result).toMatchObject({ ran: false });
    await run(`${year}-07-15`);
    expect(await sentTo(d('a').email, 'How was%')).toHaveLength(1);

    // The delegate answers through the link, once; the manager sees the averages and the comment.
    const token = asked[0]?.text?.match(/\/evaluate\/([\w-]+)/)?.[1] ?? '';
    const answers = {
      content: 5,
      facilitation: 4,
      impact: 3,
      overall: 4,
      comments: 'Practical and well paced.',
    };
    const evaluationPage = () =>
      anonymousCaller(database.db).courseCatalogue.evaluation({ tenant: ws.tenant.slug, token });
    expect(await evaluationPage()).toMatchObject({ delegateName: d('a').name, answered: false });
    const send = (link: string) =>
      anonymousCaller(database.db).courseCatalogue.sendEvaluation({
        tenant: ws.tenant.slug,
        token: link,
        answers,
      });
    await send(token);
    // The page behind the link now thanks them; the link opens nothing in another workspace, nor a made-up one.
    expect(await evaluationPage()).toMatchObject({ answered: true });
    const other = await makeWorkspaceWithEveryRole(database.db, ['courses']);
    await expect(
      anonymousCaller(database.db).courseCatalogue.evaluation({ tenant: other.tenant.slug, token }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      anonymousCaller(database.db).courseCatalogue.evaluation({ tenant: ws.tenant.slug, token: 'made-up' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(send(token)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(send('not-a-token')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const results = await manager.courses.evaluations({ courseId: id });
    expect(results).toMatchObject({
      responses: 1,
      requested: 1,
      responseRatePercent: 100,
      averages: { content: 5, facilitation: 4, impact: 3, overall: 4 },
    });
    expect(results.comments.map((c) => c.text)).toEqual(['Practical and well paced.']);
    const byFacilitator = await manager.courses.facilitatorEvaluations({});
    expect(byFacilitator.facilitators.find((f) => f.name === 'Dana Facilitator')).toMatchObject({
      courses: 1,
      responses: 1,
      averages: { overall: 4 },
    });
  });

  it('does not ask for an evaluation someone has already given (signed in, from their places)', async () => {
    const first = `${year}-07-20`;
    const last = `${year}-07-27`;
    const { id, d, booked } = await bookedCourse(first, last);
    const a = booked.confirmed.find((c) => c.delegateEmail === d('a').email);
    await withTenant(database.db, ws.tenant.id, (tx) =>
      tx.insert(courseEvaluations).values({
        tenantId: ws.tenant.id,
        bookingId: a?.bookingId ?? '',
        courseId: id,
        ratings: { content: 5, facilitation: 5, impact: 5, overall: 5 },
      }),
    );
    const after = `${year}-07-28`;
    await runScheduledJob(database.db, 'course-evaluations', {
      today: after,
      now: londonToUtc(after, '18:00'),
      appUrl: testAppUrl,
      tenants: only,
    });
    expect(await sentTo(d('a').email, 'How was%')).toHaveLength(0);
    expect(await sentTo(d('b').email, 'How was%')).toHaveLength(1);
  });

  it('a date change emails each delegate a fresh link to the updated calendar invite', async () => {
    const { id, d } = await bookedCourse(`${year}-05-04`, `${year}-05-11`);
    const input = courseInput(`${year}-05-04`, `${year}-05-18`);
    await ws.caller.courses.update({
      id,
      course: { ...input, title: (await ws.caller.courses.byId({ id })).course.title },
    } as never);
    const changed = await sentTo(d('a').email, 'Dates changed:%');
    expect(changed).toHaveLength(1);
    const token = changed[0]?.text?.match(/\/place\/([\w-]+)\/calendar/)?.[1] ?? '';
    expect(token).not.toBe('');
    const ics = await withPublicCourses(database.db, ws.tenant.slug, (tx) => findPlace(tx, token));
    expect(ics.sessions.map((s) => s.on)).toEqual([`${year}-05-04`, `${year}-05-18`]);
  });

  it('a date change tells the waiting list the new dates and where each stands, with no calendar invite', async () => {
    const manager = ws.caller;
    const input = { ...courseInput(`${year}-05-05`, `${year}-05-12`), capacity: 2 };
    const made = await manager.courses.create(input as never);
    await manager.courses.publish({ id: made.id });
    const d = (n: string) => ({
      name: `Waiting ${n}`,
      email: `${n}.${made.id.slice(0, 8)}@grange.sch.example`,
      role: '',
    });
    const booked = await ws.caller.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [d('a'), d('b'), d('c'), d('d'), d('e')],
      joinWaitingList: true,
    });
    expect(booked.waitlisted).toHaveLength(3);
    // b's place goes to c, on hold; d and e wait, first and second in line.
    await ws.caller.courses.cancelBooking({ bookingId: booked.confirmed[1]?.bookingId ?? '', reason: '' });
    const waiting = (await manager.courses.delegates({ courseId: made.id })).waiting;
    expect(waiting.map((w) => [w.delegateEmail, w.status])).toEqual([
      [d('c').email, 'offered'],
      [d('d').email, 'waiting'],
      [d('e').email, 'waiting'],
    ]);

    await manager.courses.update({
      id: made.id,
      course: courseInput(`${year}-05-05`, `${year}-05-19`),
    } as never);
    const moved =
      /Day two has moved from \w{3}, 12 May \d{4}, 09:30–15:30 to \w{3}, 19 May \d{4}, 09:30–15:30\./;
    const [toA] = await sentTo(d('a').email, 'Dates changed:%');
    expect(toA?.attachments).toMatchObject([{ kind: 'course-ics', method: 'REQUEST' }]);
    const [toC] = await sentTo(d('c').email, 'Dates changed:%');
    const [toD] = await sentTo(d('d').email, 'Dates changed:%');
    const [toE] = await sentTo(d('e').email, 'Dates changed:%');
    for (const email of [toC, toD, toE]) {
      expect(email?.attachments).toEqual([]);
      expect(email?.text).toMatch(moved);
      expect(email?.text).toContain('You are on the waiting list for');
      expect(email?.text).not.toContain('course.ics');
    }
    expect(toC?.text).toContain(
      `The place held for you is still yours to claim until ${untilMoment(waiting[0]?.holdExpiresAt ?? '')} (UK time)`,
    );
    expect(toD?.text).toContain('You are number 1 on the waiting list.');
    expect(toE?.text).toContain('You are number 2 on the waiting list.');
    // b, whose place was cancelled, is not on the list and hears nothing.
    expect(await sentTo(d('b').email, 'Dates changed:%')).toHaveLength(0);
    // No hold of this test's is left for the hold-expiry test's runs in this workspace.
    await manager.courses.cancel({ id: made.id, reason: 'The test is over' });
  });

  it('hold expiry is a scheduled job: a run passes an expired hold on, a second run in the same quarter hour does nothing', async () => {
    const manager = ws.caller;
    const made = await manager.courses.create({
      ...ownCourse,
      title: `Hold course ${Math.random().toString(36).slice(2, 8)}`,
      capacity: 1,
      memberPrice: 0,
      sessions: [{ on: `${year}-09-15`, startTime: '09:30', endTime: '12:00' }],
    } as never);
    await manager.courses.publish({ id: made.id });
    const head = ws.caller;
    const school = ws.school;
    const d = (n: string) => ({
      name: `Hold ${n}`,
      email: `${n}.${made.id.slice(0, 8)}@grange.sch.example`,
      role: '',
    });
    const booked = await head.courses.book({
      courseId: made.id,
      schoolId: school.id,
      delegates: [d('a'), d('b'), d('c')],
      joinWaitingList: true,
    });
    expect(booked.waitlisted).toHaveLength(2);
    const offeredFrom = new Date();
    await head.courses.cancelBooking({ bookingId: booked.confirmed[0]?.bookingId ?? '', reason: '' });
    const offeredBy = new Date();
    let waiting = (await manager.courses.delegates({ courseId: made.id })).waiting;
    expect(waiting.map((w) => w.status)).toEqual(['offered', 'waiting']);

    // The hold (48 h) counts working hours only: whatever day this runs, it ends 48 working hours after the
    // offer, which is later than 48 clock hours whenever a weekend or bank holiday falls in between.
    const holdEnds = waiting[0]?.holdExpiresAt ?? new Date(0);
    expect(holdEnds.getTime()).toBeGreaterThanOrEqual(addWorkingHours(offeredFrom, 48).getTime());
    expect(holdEnds.getTime()).toBeLessThanOrEqual(addWorkingHours(offeredBy, 48).getTime());
    expect(holdEnds.getTime() - offeredBy.getTime()).toBeGreaterThanOrEqual(48 * 3_600_000 - 1_000);
    const offer = await sentTo(d('b').email, 'A place is free%');
    expect(offer[0]?.text).toContain(`held for you until ${untilMoment(holdEnds)} (UK time)`);

    const run = (now: Date) =>
      runScheduledJob(database.db, 'course-hold-expiry', {
        today: now.toISOString().slice(0, 10),
        now,
        appUrl: testAppUrl,
        tenants: only,
      });
    // A quarter of an hour before it ends, the job leaves the hold alone.
    const before = await run(new Date(holdEnds.getTime() - 20 * 60_000));
    expect(before[0]?.result).toMatchObject({ ran: true });
    waiting = (await manager.courses.delegates({ courseId: made.id })).waiting;
    expect(waiting.map((w) => w.status)).toEqual(['offered', 'waiting']);

    // Once it has ended, the next run passes the place on.
    const now = new Date(holdEnds.getTime() + 60_000);
    const firstRun = await run(now);
    expect(firstRun[0]?.result).toMatchObject({ ran: true });
    waiting = (await manager.courses.delegates({ courseId: made.id })).waiting;
    expect(waiting.map((w) => [w.delegateEmail, w.status])).toEqual([[d('c').email, 'offered']]);
    expect((await run(now))[0]?.result).toMatchObject({ ran: false });
    expect(await sentTo(d('c').email, 'A place is free%')).toHaveLength(1);
  });
});

describe('go/no-go warnings', () => {
  let database: Database;
  let ws: Awaited<ReturnType<typeof makeWorkspaceWithEveryRole>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    ws = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
  });

  const warnings = () =>
    withMailroom(database.db, (tx) =>
      tx
        .select({ text: outboxEmails.text, subject: outboxEmails.subject })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, ws.user.email), like(outboxEmails.subject, 'Go/no-go:%')))
        .orderBy(desc(outboxEmails.createdAt)),
    );
  const run = (today: string) =>
    runScheduledJob(database.db, 'course-go-no-go', {
      today,
      now: londonToUtc(today, '07:30'),
      appUrl: testAppUrl,
      tenants: [ws.tenant.slug],
    });

  it('warns the managers once of a course below its minimum as its date nears, and again if the date moves', async () => {
    const decideBy = `${year}-03-10`;
    const input = (title: string, minimumNumbers: number, goNoGoOn: string) => ({
      ...ownCourse,
      title,
      capacity: 10,
      minimumNumbers,
      goNoGoOn,
      sessions: [{ on: `${year}-04-20`, startTime: '09:00', endTime: '12:00' }],
    });
    const short = `Short ${Math.random().toString(36).slice(2, 8)}`;
    const full = `Full enough ${Math.random().toString(36).slice(2, 8)}`;
    const shortCourse = await ws.caller.courses.create(input(short, 5, decideBy) as never);
    const fullCourse = await ws.caller.courses.create(input(full, 1, decideBy) as never);
    for (const [i, id] of [shortCourse.id, fullCourse.id].entries()) {
      await ws.caller.courses.publish({ id });
      await ws.caller.courses.book({
        courseId: id,
        schoolId: ws.school.id,
        delegates: [{ name: `Delegate ${i}`, email: `d${i}.${id.slice(0, 8)}@school.example`, role: '' }],
      });
    }

    await run(workingDaysBefore(decideBy, 6));
    expect(await warnings()).toHaveLength(0);
    const warned = await run(workingDaysBefore(decideBy, 5));
    expect(warned[0]?.result).toMatchObject({ ran: true });
    const [email, ...more] = await warnings();
    expect(more).toHaveLength(0);
    expect(email?.subject).toBe('Go/no-go: 1 course below minimum numbers');
    expect(email?.text).toContain(`${short}: 1 of a minimum 5 places taken; decide by`);
    expect(email?.text).not.toContain(full);
    // The next days say nothing more of it.
    await run(workingDaysBefore(decideBy, 4));
    await run(decideBy);
    expect(await warnings()).toHaveLength(1);

    // The date moved a week later: warned again as the new date nears.
    const later = `${year}-03-17`;
    await ws.caller.courses.update({ id: shortCourse.id, course: input(short, 5, later) as never });
    await run(workingDaysBefore(later, 2));
    expect(await warnings()).toHaveLength(2);
  });
});
