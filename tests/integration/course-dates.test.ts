import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database, type Tx } from '~/db/client';
import { moduleKeys } from '~/db/schema';
import { publishCourse } from '~/server/courses/publish-course';
import { updateCourse } from '~/server/courses/update-course';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { listCourses } from '~/server/courses/list-courses';
import { addDays, londonToUtc } from '~/server/courses/london-time';
import { makeWorkspaceWithEveryRole } from '../fixtures/factories';
import { ownCourse, ranUntilYesterday } from './course-fixtures';
import { onPostgres, openTestDatabase, testAppUrl } from './harness';

/** The field errors a refusal carries to the form (see server/trpc.ts). */
async function fieldErrorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error('expected a refusal');
  const cause = error.cause as { field?: string; message?: string } | undefined;
  return { code: error.code, field: cause?.field, message: error.message };
}

describe('a course’s dates', () => {
  let database: Database;
  let ws: Awaited<ReturnType<typeof makeWorkspaceWithEveryRole>>;

  beforeAll(async () => {
    // Two connections at least: the races below hold a course row on one while the caller waits on another.
    database = await openTestDatabase({ maxConnections: 4 });
    ws = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
  });

  /**
   * Runs `change` in a transaction of its own (another connection) and keeps it open, holding whatever row
   * locks it took, until `release` is called; `taken` resolves once the change has run.
   */
  function holdOpen(change: (tx: Tx) => Promise<unknown>) {
    let release = () => {};
    const released = new Promise<void>((r) => (release = r));
    let markTaken = () => {};
    const taken = new Promise<void>((r) => (markTaken = r));
    const done = withTenant(database.db, ws.tenant.id, async (tx) => {
      await change(tx);
      markTaken();
      await released;
    });
    return { taken, release, done };
  }

  /** Whether a promise is still pending after a moment (it is waiting for a lock). */
  async function stillWaiting(promise: Promise<unknown>) {
    let settled = false;
    void promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    await new Promise((r) => setTimeout(r, 400));
    return !settled;
  }

  /** The course with one session, on `on`. */
  const redated = (id: string, title: string, on: string) => ({
    id,
    course: { ...ownCourse, title, sessions: [{ on, startTime: '09:00', endTime: '12:00' }] } as never,
  });
  /** What the router adds to an edit (updateCourse called directly, inside a transaction of the test's own). */
  const links = () => ({
    tenantId: ws.tenant.id,
    appUrl: testAppUrl,
    slug: ws.tenant.slug,
    providerName: ws.tenant.name,
    modules: moduleKeys,
  });

  // Separate connections racing on one course row: PostgreSQL only (PGlite has one connection).
  it.runIf(onPostgres)(
    'publishing waits for an edit holding the course row, then checks the sessions the edit left',
    async () => {
      const yesterday = addDays(todayInLondon(), -1);
      const made = await ws.caller.courses.create({ ...ownCourse, title: 'Raced publish' } as never);
      // The manager's other tab moves the draft's session to yesterday (a draft may hold past dates) and has
      // not yet committed.
      const edit = holdOpen((tx) =>
        updateCourse(tx, { ...redated(made.id, 'Raced publish', yesterday), ...links() }),
      );
      await edit.taken;
      const publishing = ws.caller.courses.publish({ id: made.id });
      expect(await stillWaiting(publishing)).toBe(true);
      edit.release();
      await edit.done;
      // Checked before the lock, publishing would have seen today's session and published a course dated
      // yesterday.
      await expect(publishing).rejects.toThrow(/which is in the past/);
      expect((await ws.caller.courses.byId({ id: made.id })).course.status).toBe('draft');
    },
  );

  it.runIf(onPostgres)(
    'an edit waits for a publish holding the course row, then may not move the published course into the past',
    async () => {
      const yesterday = addDays(todayInLondon(), -1);
      const made = await ws.caller.courses.create({ ...ownCourse, title: 'Raced edit' } as never);
      const publish = holdOpen((tx) => publishCourse(tx, { id: made.id }));
      await publish.taken;
      const editing = ws.caller.courses.update(redated(made.id, 'Raced edit', yesterday));
      expect(await stillWaiting(editing)).toBe(true);
      publish.release();
      await publish.done;
      await expect(editing).rejects.toThrow(/is in the past: a published course’s sessions/);
      expect((await ws.caller.courses.byId({ id: made.id })).sessions.map((s) => s.on)).toEqual([
        ownCourse.sessions[0]?.on,
      ]);
    },
  );

  it('a published course cannot be moved into the past; a draft can, and a past session keeps its day', async () => {
    const today = todayInLondon();
    const yesterday = addDays(today, -1);
    const made = await ws.caller.courses.create({ ...ownCourse, title: 'Re-dated' } as never);
    const course = (sessions: { on: string; startTime: string; endTime: string }[]) =>
      ({ ...ownCourse, title: 'Re-dated', sessions }) as never;
    // A draft: nobody has booked or been told, so a past date is the manager's to fix before publishing.
    await ws.caller.courses.update({
      id: made.id,
      course: course([{ on: yesterday, startTime: '09:00', endTime: '12:00' }]),
    });
    await ws.caller.courses.update({ id: made.id, course: course(ownCourse.sessions) });
    await ws.caller.courses.publish({ id: made.id });

    // Published: moving its second session to yesterday is refused on that session's date.
    const refused = await fieldErrorOf(
      ws.caller.courses.update({
        id: made.id,
        course: course([...ownCourse.sessions, { on: yesterday, startTime: '13:00', endTime: '15:00' }]),
      }),
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', field: 'course.sessions.1.on' });
    expect(refused.message).toMatch(
      /is in the past: a published course’s sessions can only be moved to today or later\.$/,
    );
    expect((await ws.caller.courses.byId({ id: made.id })).sessions.map((s) => s.on)).toEqual([
      ownCourse.sessions[0]?.on,
    ]);
    // Today and later are fine.
    await ws.caller.courses.update({
      id: made.id,
      course: course([{ on: today, startTime: '23:00', endTime: '23:30' }]),
    });

    // A course that has run keeps its past day: it can still be edited, and a session's times corrected.
    await ranUntilYesterday(database.db, made.id);
    await ws.caller.courses.update({
      id: made.id,
      course: course([{ on: yesterday, startTime: '09:30', endTime: '12:00' }]),
    });
    // But not moved to another day in the past.
    expect(
      await fieldErrorOf(
        ws.caller.courses.update({
          id: made.id,
          course: course([{ on: addDays(today, -2), startTime: '09:30', endTime: '12:00' }]),
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', field: 'course.sessions.0.on' });
  });

  it('a draft with a session before today cannot be published until that session is moved', async () => {
    const today = todayInLondon();
    const yesterday = addDays(today, -1);
    const sessions = [...ownCourse.sessions, { on: yesterday, startTime: '13:00', endTime: '15:00' }];
    const made = await ws.caller.courses.create({ ...ownCourse, title: 'Published late', sessions } as never);
    const refused = await fieldErrorOf(ws.caller.courses.publish({ id: made.id }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(
      /^This course has a session on .+, which is in the past\. Edit the course and move that session to today or later, then publish it\.$/,
    );
    expect((await ws.caller.courses.byId({ id: made.id })).course.status).toBe('draft');
    // Once the session is moved to today or later, it publishes.
    await ws.caller.courses.update({
      id: made.id,
      course: { ...ownCourse, title: 'Published late', sessions: ownCourse.sessions } as never,
    });
    await ws.caller.courses.publish({ id: made.id });
    expect((await ws.caller.courses.byId({ id: made.id })).course.status).toBe('published');
    // A published course is still told it is already published, whatever its dates by then.
    await ranUntilYesterday(database.db, made.id);
    await expect(ws.caller.courses.publish({ id: made.id })).rejects.toThrow(
      'This course is already published.',
    );
  });

  it('a course whose last session ended earlier today has run; one still running today is upcoming (London time)', async () => {
    // 10 June 2031 is in British Summer Time: a session 09:00–12:00 in London ends at 11:00Z.
    const on = '2031-06-10';
    const make = async (title: string, endTime: string) =>
      (
        await ws.caller.courses.create({
          ...ownCourse,
          title,
          sessions: [
            { on: '2031-06-09', startTime: '09:00', endTime: '16:00' },
            { on, startTime: '09:00', endTime },
          ],
        } as never)
      ).id;
    const morning = await make('Ends at noon', '12:00');
    const allDay = await make('Ends at four', '16:00');
    const titlesAt = async (when: 'past' | 'upcoming', now: Date) =>
      (await withTenant(database.db, ws.tenant.id, (tx) => listCourses(tx, { when, today: on, now }))).map(
        (c) => c.id,
      );
    // 12:30 in London (11:30Z): the morning course is over, the all-day one is still running.
    const lunchtime = londonToUtc(on, '12:30');
    expect(lunchtime.toISOString()).toBe('2031-06-10T11:30:00.000Z');
    expect(await titlesAt('past', lunchtime)).toContain(morning);
    expect(await titlesAt('past', lunchtime)).not.toContain(allDay);
    expect(await titlesAt('upcoming', lunchtime)).toContain(allDay);
    expect(await titlesAt('upcoming', lunchtime)).not.toContain(morning);
    // 11:30 in London (10:30Z): both still running.
    const before = londonToUtc(on, '11:30');
    expect(await titlesAt('upcoming', before)).toEqual(expect.arrayContaining([morning, allDay]));
    // The day after, both have run.
    const nextDay = await withTenant(database.db, ws.tenant.id, (tx) =>
      listCourses(tx, { when: 'past', today: '2031-06-11', now: londonToUtc('2031-06-11', '08:00') }),
    );
    expect(nextDay.map((c) => c.id)).toEqual(expect.arrayContaining([morning, allDay]));
    // Through the router, on today's clock: a course in 2031 is upcoming.
    expect((await ws.caller.courses.list({ when: 'upcoming' })).map((c) => c.id)).toContain(allDay);
    expect((await ws.caller.courses.list({ when: 'past' })).map((c) => c.id)).not.toContain(allDay);
  });
});
