import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { auditLog, courseBookings, courses, courseWaitlistEntries, outboxEmails } from '~/db/schema';
import { callerFor, onPostgres, openTestDatabase, tenantBySlug } from './harness';
import { makeDemoWorkspace } from '../fixtures/factories';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { workingDaysAfter } from '~/server/courses/working-days';
import { ownCourse } from './course-fixtures';

const nextYear = new Date().getUTCFullYear() + 1;

describe('booking places on a course', () => {
  let database: Database;
  beforeAll(async () => {
    // Enough connections for the race: each concurrent booking holds its own.
    database = await openTestDatabase({ maxConnections: 25 });
  });

  async function publishedCourse(slug: string, managerEmail: string, extra: Record<string, unknown> = {}) {
    const manager = await callerFor(database.db, managerEmail, slug);
    const title = `Test course ${Math.random().toString(36).slice(2, 8)}`;
    const made = await manager.courses.create({
      ...ownCourse,
      title,
      sessions: [{ on: `${nextYear}-05-12`, startTime: '09:30', endTime: '15:30' }],
      ...extra,
    } as never);
    await manager.courses.publish({ id: made.id });
    return { manager, id: made.id, title };
  }

  it('a headteacher sees covered or charged and the price, then books two named delegates', async () => {
    // A fresh copy of Barnet: the places draw its network entitlement, which a reused database would use up.
    const barnet = await makeDemoWorkspace(database.db, 'barnet');
    const manager = barnet.caller('head.si@barnet.example');
    const title = `Test course ${Math.random().toString(36).slice(2, 8)}`;
    const { id } = await manager.courses.create({
      ...ownCourse,
      title,
      sessions: [{ on: `${nextYear}-05-12`, startTime: '09:30', endTime: '15:30' }],
      capacity: 10,
      memberPrice: 60,
      nonMemberPrice: 80,
      entitlement: { unit: 'network_place', category: 'BPSI networks' },
    } as never);
    await manager.courses.publish({ id });
    const head = barnet.caller('head@coppettswood.sch.example');
    const school = (await head.workspaces.current()).mySchools[0];
    if (!school) throw new Error('no school');
    const preview = await head.courses.bookingPreview({ courseId: id, schoolId: school.id, places: 2 });
    expect(preview).toMatchObject({ covered: 2, charged: 0, confirmed: 2, waitlisted: 0 });
    expect(['member', 'non_member']).toContain(preview.priceBasis);

    const booked = await head.courses.book({
      courseId: id,
      schoolId: school.id,
      delegates: [
        { name: 'Priya Patel', email: 'priya.patel@coppettswood.sch.example', role: 'Science lead' },
        { name: 'Tom Briggs', email: 'tom.briggs@coppettswood.sch.example', role: 'Year 5 teacher' },
      ],
    });
    expect(booked.confirmed.map((c) => c.funding)).toEqual(['entitlement', 'entitlement']);
    // The school's list of places says where each came from and that nothing is charged for it (the page words
    // it "From entitlement", not "£0.00").
    const listed = (await head.courses.schoolBookings({})).filter((b) => b.courseId === id);
    expect(listed.map((b) => [b.delegateName, b.status, b.funding, b.costPence])).toEqual([
      ['Priya Patel', 'confirmed', 'entitlement', 0],
      ['Tom Briggs', 'confirmed', 'entitlement', 0],
    ]);
    const statement = await head.entitlements.statement({ schoolId: school.id });
    const networks = statement.find((b) => b.unit === 'network_place' && b.category === 'BPSI networks');
    expect(
      networks?.entries.filter((e) => e.kind === 'drawdown' && e.description.startsWith(title)),
    ).toHaveLength(2);
    await expect(
      head.courses.book({
        courseId: id,
        schoolId: school.id,
        delegates: [{ name: 'Priya Patel', email: 'Priya.Patel@coppettswood.sch.example', role: '' }],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('school staff book themselves only; a place without entitlement is charged at the school’s price', async () => {
    const { id } = await publishedCourse('barnet', 'head.si@barnet.example', {
      memberPrice: 180,
      nonMemberPrice: 240,
    });
    const deputy = await callerFor(database.db, 'deputy@coppettswood.sch.example', 'barnet');
    const school = (await deputy.workspaces.current()).mySchools[0];
    if (!school) throw new Error('no school');
    await expect(
      deputy.courses.book({
        courseId: id,
        schoolId: school.id,
        delegates: [{ name: 'Someone Else', email: 'someone@coppettswood.sch.example', role: '' }],
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const ask = () => deputy.courses.bookingPreview({ courseId: id, schoolId: school.id, places: 1 });
    expect((await ask()).alreadyHasPlace).toBe(false);
    const mine = await deputy.courses.book({ courseId: id, schoolId: school.id, delegates: [] });
    expect(mine.confirmed).toHaveLength(1);
    // Back on the booking page, they are told they have a place rather than offered another; booking again
    // is refused (the context read sent with the workspace lookup is keyed to their own email).
    expect((await ask()).alreadyHasPlace).toBe(true);
    await expect(
      deputy.courses.book({ courseId: id, schoolId: school.id, delegates: [] }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already has a place/) });
    expect(mine.confirmed[0]).toMatchObject({
      delegateEmail: 'deputy@coppettswood.sch.example',
      funding: 'charge',
    });
    expect([18_000, 24_000]).toContain(mine.confirmed[0]?.pricePence);
    // Another school's id: not found, as if it did not exist.
    const head = await callerFor(database.db, 'head@stcatherines.sch.example', 'barnet');
    const other = (await head.workspaces.current()).mySchools[0];
    await expect(
      deputy.courses.book({ courseId: id, schoolId: other?.id ?? '', delegates: [] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a course starting later today can still be booked until its first session starts', async () => {
    const today = todayInLondon();
    // Late in the day (not yet started unless the suite runs in the last minute before midnight)…
    const evening = await publishedCourse('hsip', 'manager@hsip.example', {
      sessions: [{ on: today, startTime: '23:58', endTime: '23:59' }],
    });
    const schools = await evening.manager.schools.list({ status: 'open' });
    const schoolId = schools[0]?.id ?? '';
    const delegate = (n: string) => [
      {
        name: `Same Day ${n}`,
        email: `same.day.${n}.${evening.id.slice(0, 8)}@grange.sch.example`,
        role: '',
      },
    ];
    const booked = await evening.manager.courses.book({
      courseId: evening.id,
      schoolId,
      delegates: delegate('a'),
    });
    expect(booked.confirmed).toHaveLength(1);
    // …and one whose first session began at midnight has started.
    const midnight = await publishedCourse('hsip', 'manager@hsip.example', {
      sessions: [{ on: today, startTime: '00:00', endTime: '23:59' }],
    });
    await expect(
      midnight.manager.courses.book({ courseId: midnight.id, schoolId, delegates: delegate('b') }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'This course has already started.' });
  });

  it('the preview names the price as the workspace does and states the terms, saying when free cancellation has passed', async () => {
    const soon = workingDaysAfter(todayInLondon(), 3);
    const prices = { memberPrice: 50, nonMemberPrice: 70 };
    const late = await publishedCourse('hsip', 'manager@hsip.example', {
      ...prices,
      sessions: [{ on: soon, startTime: '09:30', endTime: '15:30' }],
    });
    const schools = await late.manager.schools.list({ status: 'open' });
    const schoolId = schools[0]?.id ?? '';
    const preview = await late.manager.courses.bookingPreview({ courseId: late.id, schoolId, places: 1 });
    // HSIP calls its prices "Partnership agreement" and "Outside partnership".
    expect(['partnership agreement', 'outside partnership']).toContain(preview.priceName);
    expect(preview.cancellation).toMatch(
      /^The last day to cancel free of charge was \w{3}, \d+ \w+ \d{4}, so cancelling now costs 50% of the price\./,
    );
    // Booked now, the school's list says what cancelling would cost, and cancelling charges exactly that.
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    const grange = (await head.workspaces.current()).mySchools[0]?.id ?? '';
    const price = (await head.courses.bookingPreview({ courseId: late.id, schoolId: grange, places: 1 }))
      .unitPricePence;
    const [place] = (
      await head.courses.book({
        courseId: late.id,
        schoolId: grange,
        delegates: [
          { name: 'Late Booker', email: `late.${late.id.slice(0, 8)}@grange.sch.example`, role: '' },
        ],
      })
    ).confirmed;
    const listed = (await head.courses.schoolBookings({})).find((b) => b.id === place?.bookingId);
    expect(listed?.cancelNowPence).toBe(price / 2);
    const cancelled = await head.courses.cancelBooking({ bookingId: place?.bookingId ?? '', reason: '' });
    expect(cancelled).toMatchObject({ outcome: 'late', penaltyPence: price / 2 });
    const early = await publishedCourse('hsip', 'manager@hsip.example', prices);
    expect(
      (await early.manager.courses.bookingPreview({ courseId: early.id, schoolId, places: 1 })).cancellation,
    ).toMatch(/^You can cancel free of charge until \w{3}, \d+ \w+ \d{4}; after that, 50%/);
  });

  it(`never overbooks: 120 attempts for 20 places ${onPostgres ? 'racing over separate connections' : '(sequential on PGlite)'} give exactly 20 confirmed; the rest are offered the waiting list and join it when they ask`, async () => {
    const { manager, id, title } = await publishedCourse('hsip', 'manager@hsip.example', {
      capacity: 20,
      memberPrice: 50,
      nonMemberPrice: 70,
    });
    const hsip = await tenantBySlug(database.db, 'hsip');
    const schools = await manager.schools.list({ status: 'open' });
    const attempt = (i: number, joinWaitingList = false) =>
      manager.courses.book({
        courseId: id,
        schoolId: schools[i % schools.length]?.id ?? '',
        delegates: [{ name: `Delegate ${i}`, email: `delegate.${i}@race.example`, role: 'Teacher' }],
        joinWaitingList,
      });
    type Outcome = Awaited<ReturnType<typeof attempt>>;
    const race = async (attempts: (() => Promise<Outcome>)[]) => {
      if (onPostgres) return Promise.all(attempts.map((a) => a()));
      const outcomes: Outcome[] = [];
      for (const a of attempts) outcomes.push(await a());
      return outcomes;
    };
    const outcomes = await race(Array.from({ length: 120 }, (_, i) => () => attempt(i)));
    expect(outcomes.filter((o) => o.confirmed.length === 1)).toHaveLength(20);
    const offered = outcomes.filter((o) => o.offeredWaitingList.length === 1);
    expect(offered).toHaveLength(100);
    expect(outcomes.every((o) => o.waitlisted.length === 0)).toBe(true);
    const counts = async () =>
      withTenant(database.db, hsip.id, async (tx) => ({
        taken: (await tx.select({ n: courses.placesTaken }).from(courses).where(eq(courses.id, id)))[0]?.n,
        confirmed: (
          await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(courseBookings)
            .where(sql`${courseBookings.courseId} = ${id} and ${courseBookings.status} = 'confirmed'`)
        )[0]?.n,
        waiting: (
          await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(courseWaitlistEntries)
            .where(eq(courseWaitlistEntries.courseId, id))
        )[0]?.n,
        audited: (
          await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(auditLog)
            .where(sql`${auditLog.action} = 'courses.book' and ${auditLog.targetIds}->>'courseId' = ${id}`)
        )[0]?.n,
      }));
    // Offered, not queued: nothing written for them, so no audit row either.
    expect(await counts()).toEqual({ taken: 20, confirmed: 20, waiting: 0, audited: 20 });
    // Booking a full course now says so first, with nothing to pay.
    expect(
      await manager.courses.bookingPreview({ courseId: id, schoolId: schools[0]?.id ?? '', places: 2 }),
    ).toMatchObject({ placesLeft: 0, confirmed: 0, waitlisted: 2, covered: 0, charged: 0, chargePence: 0 });
    // Those offered the waiting list take it up, all at once.
    const joined = await race(
      offered.map(
        (o) => () =>
          attempt(Number(/delegate\.(\d+)@/.exec(o.offeredWaitingList[0]!.delegateEmail)?.[1]), true),
      ),
    );
    expect(joined.filter((o) => o.waitlisted.length === 1)).toHaveLength(100);
    expect(await counts()).toEqual({ taken: 20, confirmed: 20, waiting: 100, audited: 120 });
    // Each was told a different number, 1 to 100, however close together they joined.
    const told = await withTenant(database.db, hsip.id, (tx) =>
      tx
        .select({ props: outboxEmails.props })
        .from(outboxEmails)
        .where(eq(outboxEmails.subject, `On the waiting list: ${title}`)),
    );
    const numbers = told.map((t) =>
      Number(/You are number (\d+) on the waiting list/.exec(JSON.stringify(t.props))?.[1]),
    );
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  }, 120_000);

  it(`a cancellation racing waiting-list joins ${onPostgres ? 'over separate connections' : '(sequential on PGlite)'} never leaves a place free while someone waits`, async () => {
    const { manager, id } = await publishedCourse('hsip', 'manager@hsip.example', {
      capacity: 3,
      memberPrice: 50,
      nonMemberPrice: 70,
    });
    const hsip = await tenantBySlug(database.db, 'hsip');
    const schools = await manager.schools.list({ status: 'open' });
    const tag = Math.random().toString(36).slice(2, 8);
    const book = (i: number) =>
      manager.courses.book({
        courseId: id,
        schoolId: schools[i % schools.length]?.id ?? '',
        delegates: [
          { name: `Joiner ${i}`, email: `joiner.${i}.${tag}@cancel-race.example`, role: 'Teacher' },
        ],
        joinWaitingList: true,
      });
    const placed = await Promise.all([0, 1, 2].map((i) => book(i)));
    const bookingIds = placed.map((p) => p.confirmed[0]?.bookingId ?? '');
    // The course is full: 12 join its waiting list (key-share locking the course row, so queuing only behind
    // each other) while all 3 places are cancelled (each locking the row FOR UPDATE, so waiting for the joiners).
    const attempts = [
      ...Array.from({ length: 12 }, (_, i) => () => book(i + 3)),
      ...bookingIds.map((bookingId) => () => manager.courses.cancelBooking({ bookingId, reason: 'race' })),
    ];
    if (onPostgres) await Promise.all(attempts.map((a) => a()));
    else for (const a of attempts) await a();
    const state = await withTenant(database.db, hsip.id, async (tx) => {
      const [course] = await tx.select().from(courses).where(eq(courses.id, id));
      const entries = await tx
        .select({ status: courseWaitlistEntries.status })
        .from(courseWaitlistEntries)
        .where(eq(courseWaitlistEntries.courseId, id));
      const [confirmed] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(courseBookings)
        .where(sql`${courseBookings.courseId} = ${id} and ${courseBookings.status} = 'confirmed'`);
      const [audited] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(sql`${auditLog.action} = 'courses.book' and ${auditLog.targetIds}->>'courseId' = ${id}`);
      return { course, entries, confirmed: confirmed?.n ?? 0, audited: audited?.n ?? 0 };
    });
    const waiting = state.entries.filter((e) => e.status === 'waiting').length;
    const offered = state.entries.filter((e) => e.status === 'offered').length;
    const taken = state.course?.placesTaken ?? -1;
    // Every place is a confirmed booking or an offer on hold; never more than the capacity.
    expect(taken).toBe(state.confirmed + offered);
    expect(taken).toBeLessThanOrEqual(3);
    // A place left free with someone still waiting would mean a cancellation missed a joiner's entry.
    if (waiting > 0) expect(taken).toBe(3);
    expect(waiting + offered + state.confirmed).toBe(12);
    // One audit row per booking request, written in the booking's own statement.
    expect(state.audited).toBe(15);
  }, 120_000);
});
