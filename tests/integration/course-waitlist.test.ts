import { withMailroom } from '~/server/email/outbox';
import { and, desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { chargeableItems, courseBookings, outboxEmails } from '~/db/schema';
import { addDays, londonDateOf } from '~/server/courses/london-time';
import { claimOffer } from '~/server/courses/claim-offer';
import { cancellationChargeLine } from '~/server/courses/course-emails';
import { cancellationChargeOf, findPlace } from '~/server/courses/find-place';
import { withPublicCourses } from '~/server/courses/public-tenant';
import { expireHolds } from '~/server/courses/expire-holds';
import { runInTenant } from '~/server/unit-of-work/run-in-tenant';
import {
  anonymousCaller,
  callerFor,
  openTestDatabase,
  tenantBySlug,
  testAppUrl,
  userByEmail,
} from './harness';
import { ownCourse } from './course-fixtures';

const nextYear = new Date().getUTCFullYear() + 1;
const links = { appUrl: testAppUrl, slug: 'hsip', providerName: 'HSIP' };

describe('cancellation, waiting list, holds and substitution', () => {
  let database: Database;
  let hsip: { id: string; laCodes: string[] };
  beforeAll(async () => {
    database = await openTestDatabase();
    hsip = await tenantBySlug(database.db, 'hsip');
  });

  async function claimTokenSentTo(email: string) {
    const [sent] = await withMailroom(database.db, (tx) =>
      tx
        .select({ text: outboxEmails.text })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, email), like(outboxEmails.text, '%/claim/%')))
        .orderBy(desc(outboxEmails.createdAt))
        .limit(1),
    );
    const token = sent?.text?.match(/\/claim\/([\w-]+)/)?.[1];
    if (!token) throw new Error(`no claim link sent to ${email}`);
    return token;
  }

  async function textSentTo(email: string, subjectStart: string) {
    const [sent] = await withMailroom(database.db, (tx) =>
      tx
        .select({ text: outboxEmails.text })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, email), like(outboxEmails.subject, `${subjectStart}%`)))
        .orderBy(desc(outboxEmails.createdAt))
        .limit(1),
    );
    if (!sent?.text) throw new Error(`no "${subjectStart}" email sent to ${email}`);
    return sent.text;
  }

  /** What the delegate's place page (the link in their confirmation) says cancelling the place cost. */
  async function placePageChargeLine(email: string) {
    const token = /\/place\/([\w-]+)\/calendar/.exec(await textSentTo(email, 'Place confirmed'))?.[1];
    if (!token) throw new Error(`no place link sent to ${email}`);
    return withPublicCourses(database.db, 'hsip', async (tx) => {
      const { booking } = await findPlace(tx, token);
      return {
        status: booking.status,
        line: cancellationChargeLine(await cancellationChargeOf(tx, booking)),
      };
    });
  }

  async function course(extra: Record<string, unknown>) {
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    const made = await manager.courses.create({
      ...ownCourse,
      title: `Waitlist course ${Math.random().toString(36).slice(2, 8)}`,
      memberPrice: 50,
      nonMemberPrice: 70,
      // No VAT, whatever HSIP's invoice settings are by the time this runs (other tests change them on a
      // shared PostgreSQL database): the wording checked below is a VAT-free course's.
      vatRatePercent: 0,
      sessions: [{ on: `${nextYear}-06-16`, startTime: '09:30', endTime: '15:30' }],
      ...extra,
    } as never);
    await manager.courses.publish({ id: made.id });
    return { manager, id: made.id };
  }

  it('a free cancellation voids the charge and offers the place; an unclaimed hold passes on; the next claims it', async () => {
    const { manager, id } = await course({ capacity: 2 });
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    const school = (await head.workspaces.current()).mySchools[0];
    if (!school) throw new Error('no school');
    const d = (n: string) => ({
      name: `Delegate ${n}`,
      email: `${n}.${id.slice(0, 8)}@grange.sch.example`,
      role: '',
    });
    const first = await head.courses.book({ courseId: id, schoolId: school.id, delegates: [d('a'), d('b')] });
    const later = await head.courses.book({
      courseId: id,
      schoolId: school.id,
      delegates: [d('c'), d('d')],
      joinWaitingList: true,
    });
    expect(first.confirmed).toHaveLength(2);
    expect(later.waitlisted).toHaveLength(2);
    // The confirmation says whose place it is, what it costs and the terms; the waiting list, where each is.
    const confirmation = await textSentTo(d('a').email, 'Place confirmed');
    expect(confirmation).toContain(`Booked for ${school.name}.`);
    expect(confirmation).toContain(`The place costs £50.00, charged to ${school.name}.`);
    expect(confirmation).toMatch(
      /You can cancel free of charge until \w{3}, \d+ \w+ \d{4}; after that, \d+%/,
    );
    expect(await textSentTo(d('c').email, 'On the waiting list')).toContain(
      'You are number 1 on the waiting list.',
    );
    expect(await textSentTo(d('d').email, 'On the waiting list')).toContain(
      'You are number 2 on the waiting list.',
    );

    const a = first.confirmed[0];
    const cancelled = await head.courses.cancelBooking({ bookingId: a?.bookingId ?? '', reason: 'Illness' });
    expect(cancelled).toMatchObject({ outcome: 'free', penaltyPence: 0 });
    const [voided] = await withTenant(database.db, hsip.id, (tx) =>
      tx
        .select()
        .from(chargeableItems)
        .where(eq(chargeableItems.sourceId, a?.bookingId ?? '')),
    );
    expect(voided?.status).toBe('cancelled');
    // A's place link now says the place was cancelled at no cost.
    expect(await placePageChargeLine(d('a').email)).toEqual({
      status: 'cancelled',
      line: 'There was no charge for cancelling this place.',
    });
    const cToken = await claimTokenSentTo(d('c').email);
    // The claim page says what claiming commits the school to, as the confirmation will.
    const claimPage = (token: string) =>
      anonymousCaller(database.db).courseCatalogue.claimableOffer({ tenant: 'hsip', token });
    const offered = await claimPage(cToken);
    expect(offered).toMatchObject({ delegateName: d('c').name, state: 'held' });
    expect(offered.course.title).toMatch(/^Waitlist course /);
    expect(offered.holdExpiresAt?.getTime()).toBeGreaterThan(Date.now());
    expect(offered.cost[0]).toBe(`The place costs £50.00, charged to ${school.name}.`);
    // A link that is no offer's, or another workspace's address for this one, opens nothing.
    await expect(claimPage(`${cToken}x`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      anonymousCaller(database.db).courseCatalogue.claimableOffer({ tenant: 'bep', token: cToken }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    let byCourse = await manager.courses.delegates({ courseId: id });
    expect(byCourse.waiting.map((w) => [w.delegateEmail, w.status])).toEqual([
      [d('c').email, 'offered'],
      [d('d').email, 'waiting'],
    ]);

    // C has not claimed by the end of the hold (48 working hours): it expires and D is offered. A second run
    // does nothing.
    const cHoldEnds = byCourse.waiting[0]?.holdExpiresAt;
    if (!cHoldEnds) throw new Error('no hold for C');
    const afterHold = new Date(cHoldEnds.getTime() + 60_000);
    const system = await userByEmail(database.db, 'manager@hsip.example');
    const expireAs = () =>
      runInTenant(
        database.db,
        { tenantId: hsip.id, action: 'courses.expireHolds', actor: { userId: system.id } },
        (tx) => expireHolds(tx, { ...links, now: afterHold }),
      );
    // On a shared database earlier runs may have holds of their own falling due at the same moment.
    const firstRun = await expireAs();
    expect(firstRun.expired).toBeGreaterThanOrEqual(1);
    expect(firstRun.passedOn).toBeGreaterThanOrEqual(1);
    expect(
      (await manager.courses.delegates({ courseId: id })).waiting.map((w) => [w.delegateEmail, w.status]),
    ).toEqual([[d('d').email, 'offered']]);
    expect(await expireAs()).toEqual({ expired: 0, passedOn: 0 });

    const claim = (token: string) =>
      withTenant(database.db, hsip.id, (tx) =>
        claimOffer(tx, { ...links, token, now: afterHold, tenantId: hsip.id, laCodes: hsip.laCodes }),
      );
    await expect(claim(cToken)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await claimPage(cToken)).state).toBe('passed');
    const dToken = await claimTokenSentTo(d('d').email);
    const claimed = await claim(dToken);
    expect(claimed.funding).toBe('charge');
    expect((await claimPage(dToken)).state).toBe('claimed');
    // The head, who pays, hears of a charge a delegate took on alone.
    // (Queued in the claim's transaction; not yet rendered, so its props are read.)
    const [notice] = await withMailroom(database.db, (tx) =>
      tx
        .select({ props: outboxEmails.props })
        .from(outboxEmails)
        .where(
          and(eq(outboxEmails.to, 'head@grange.sch.example'), like(outboxEmails.subject, 'Place claimed:%')),
        )
        .orderBy(desc(outboxEmails.createdAt))
        .limit(1),
    );
    const told = JSON.stringify(notice?.props ?? {});
    expect(told).toContain('Delegate d has claimed a place');
    expect(told).toContain(`The place costs £50.00, charged to ${school.name}.`);

    byCourse = await manager.courses.delegates({ courseId: id });
    expect(
      byCourse.bookings
        .filter((b) => b.status === 'confirmed')
        .map((b) => b.delegateEmail)
        .sort(),
    ).toEqual([d('b').email, d('d').email].sort());
    expect(byCourse.waiting).toEqual([]);
    expect((await manager.courses.byId({ id })).course.placesTaken).toBe(2);

    // B sends a colleague instead: same booking, new delegate, B kept in its history.
    const b = first.confirmed[1];
    await head.courses.substitute({ bookingId: b?.bookingId ?? '', delegate: d('e') });
    const [swapped] = await withTenant(database.db, hsip.id, (tx) =>
      tx
        .select()
        .from(courseBookings)
        .where(eq(courseBookings.id, b?.bookingId ?? '')),
    );
    expect(swapped).toMatchObject({ status: 'confirmed', delegateEmail: d('e').email });
    expect(swapped?.previousDelegates.map((p) => p.email)).toEqual([d('b').email]);
    // Another school's headteacher cannot touch Grange's bookings.
    const other = await callerFor(database.db, 'head@priestmead.sch.example', 'hsip');
    await expect(
      other.courses.cancelBooking({ bookingId: b?.bookingId ?? '', reason: '' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a late cancellation charges the late share and offers the place on; a manager cannot promote into a full course', async () => {
    const soon = addDays(londonDateOf(new Date()), 5);
    const { manager, id } = await course({
      capacity: 1,
      sessions: [{ on: soon, startTime: '09:30', endTime: '15:30' }],
    });
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    const school = (await head.workspaces.current()).mySchools[0];
    if (!school) throw new Error('no school');
    const x = { name: 'Xavier Late', email: `x.${id.slice(0, 8)}@grange.sch.example`, role: '' };
    const y = { name: 'Yasmin Wait', email: `y.${id.slice(0, 8)}@grange.sch.example`, role: '' };
    const booked = await head.courses.book({ courseId: id, schoolId: school.id, delegates: [x] });
    await head.courses.book({ courseId: id, schoolId: school.id, delegates: [y], joinWaitingList: true });
    const waiting = (await manager.courses.delegates({ courseId: id })).waiting[0];
    await expect(manager.courses.promote({ entryId: waiting?.id ?? '' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const price = booked.confirmed[0]?.pricePence ?? 0;
    const cancelled = await head.courses.cancelBooking({
      bookingId: booked.confirmed[0]?.bookingId ?? '',
      reason: '',
    });
    expect(cancelled.outcome).toBe('late');
    expect(cancelled.penaltyPence).toBe(Math.round(price / 2));
    expect(cancelled.offeredTo).toBe(waiting?.id);
    const costs = await head.courses.schoolBookings({});
    expect(costs.find((c) => c.delegateEmail === x.email)?.costPence).toBe(Math.round(price / 2));
    // Xavier's place link says what the late cancellation cost: the charge as made (£50 place, 50%).
    expect(price).toBe(5_000);
    expect(await placePageChargeLine(x.email)).toEqual({
      status: 'cancelled',
      line: 'A late-cancellation charge of £25.00 was made to your school.',
    });
    // The course is then called off: the charge, not yet invoiced, is voided, and the page says so.
    await manager.courses.cancel({ id, reason: 'The facilitator is ill' });
    expect((await placePageChargeLine(x.email)).line).toBe('There was no charge for cancelling this place.');
  });
});
