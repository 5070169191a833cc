import { and, eq, isNull, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import {
  catalogueItems,
  outboxEmails,
  renewalInvitations,
  schoolMonitoring,
  schools,
  type School,
} from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { longDate } from '~/server/format/dates';
import { withMailroom } from '~/server/email/outbox';
import { callerAs, makeDemoWorkspace, makeSchool, type DemoWorkspace } from '../fixtures/factories';
import { ownCourse, schoolWithStaffAndHeads } from './course-fixtures';
import { claimByLink } from '~/server/courses/claim-by-link';
import { expireHolds } from '~/server/courses/expire-holds';
import { runInTenant } from '~/server/unit-of-work/run-in-tenant';
import { anonymousCaller, openTestDatabase, testAppUrl } from './harness';

const thisYear = academicYearOf(todayInLondon());
const nextYear = new Date().getUTCFullYear() + 1;
const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const daysFromToday = (days: number) =>
  new Date(Date.parse(`${todayInLondon()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A school GIAS has closed gets nothing new — no course places, subscriptions, renewal offers, adviser time or
 * logged visits — and keeps what it has. Barnet's Coppetts Wood subscribes to BPSI in the demo data.
 */
describe('a closed school', () => {
  let database: Database;
  let barnet: DemoWorkspace;

  beforeAll(async () => {
    database = await openTestDatabase();
    // A copy of Barnet of this file's own: the test closes its schools.
    barnet = await makeDemoWorkspace(database.db, 'barnet');
  });

  const setStatus = (schoolId: string, status: School['status'], closedOn: string | null = null) =>
    withTenant(database.db, barnet.id, (tx) =>
      tx.update(schools).set({ status, closedOn }).where(eq(schools.id, schoolId)),
    );
  const schoolOf = async (email: string) => {
    const school = (await barnet.caller(email).workspaces.current()).mySchools[0];
    if (!school) throw new Error(`no school for ${email}`);
    return school;
  };
  const itemId = async (code: string) => {
    const [item] = await withTenant(database.db, barnet.id, (tx) =>
      tx.select({ id: catalogueItems.id }).from(catalogueItems).where(eq(catalogueItems.code, code)),
    );
    if (!item) throw new Error(`no ${code}`);
    return item.id;
  };
  const renewalEmails = (email: string) =>
    withMailroom(database.db, (tx) =>
      tx
        .select({ text: outboxEmails.text })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, barnet.email(email)), like(outboxEmails.subject, '%Renew%'))),
    );

  it('is refused new places, subscriptions, adviser time and visits, and keeps what it has', async () => {
    const manager = barnet.caller('head.si@barnet.example');
    const head = barnet.caller('head@coppettswood.sch.example');
    const school = await schoolOf('head@coppettswood.sch.example');
    const course = await manager.courses.create({
      ...ownCourse,
      title: 'Phonics for a closed school',
      sessions: [{ on: `${nextYear}-05-12`, startTime: '09:30', endTime: '15:30' }],
      memberPrice: 60,
      nonMemberPrice: 80,
    } as never);
    await manager.courses.publish({ id: course.id });
    // Asked for and assigned while the school was open; the visit is logged after it closed.
    const request = await head.adviserTime.request({
      schoolId: school.id,
      serviceId: await itemId('BPSI-REVIEW'),
      preferredDates: 'Any',
      details: 'Reading',
    });
    await manager.adviserTime.assign({
      requestId: request.id,
      adviserUserId: barnet.user('adviser@barnet.example').id,
    });
    const subscribedBefore = await head.subscriptions.list({ schoolId: school.id, academicYear: thisYear });
    expect(subscribedBefore.length).toBeGreaterThan(0);

    await setStatus(school.id, 'closed');

    const closed = (what: string) => ({
      code: 'PRECONDITION_FAILED',
      message: `Coppetts Wood Primary School is closed, so it cannot ${what}.`,
    });
    const booking = { courseId: course.id, schoolId: school.id };
    await expect(head.courses.bookingPreview({ ...booking, places: 1 })).rejects.toMatchObject(
      closed('be booked onto courses'),
    );
    await expect(
      head.courses.book({
        ...booking,
        delegates: [{ name: 'Ann Lee', email: 'ann.lee@example.com', role: '' }],
      }),
    ).rejects.toMatchObject(closed('be booked onto courses'));
    // Taken by phone by the manager, or ordered by the head: refused alike.
    const network = await itemId('BPSI-GOV');
    await expect(
      manager.subscriptions.subscribe({ schoolId: school.id, itemId: network }),
    ).rejects.toMatchObject(closed('subscribe to packages'));
    await expect(
      head.subscriptions.subscribe({ schoolId: school.id, itemId: network }),
    ).rejects.toMatchObject(closed('subscribe to packages'));
    await expect(
      head.adviserTime.request({
        schoolId: school.id,
        serviceId: await itemId('BPSI-REVIEW'),
        preferredDates: 'Any',
        details: 'Maths',
      }),
    ).rejects.toMatchObject(closed('ask for adviser time'));
    // GIAS gave no close date: a visit on a later day than today cannot have happened before it closed.
    await expect(
      barnet.caller('adviser@barnet.example').adviserTime.logVisit({
        requestId: request.id,
        visitDate: daysFromToday(1),
        duration: { amount: 1, unit: 'day' },
        summary: 'Review of reading.',
      }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message:
        'Coppetts Wood Primary School is closed, so a visit or use of a service can be recorded up to today but not planned for a later day.',
    });

    // What it already has is still there to see (and to pay).
    expect(await head.subscriptions.list({ schoolId: school.id, academicYear: thisYear })).toEqual(
      subscribedBefore,
    );
    expect((await head.entitlements.statement({ schoolId: school.id })).length).toBeGreaterThan(0);
  });

  it('is not offered renewal, nor reminded, nor able to renew once closed; one proposed to close is', async () => {
    const manager = barnet.caller('head.si@barnet.example');
    const whitchurch = await schoolOf('sbm@whitchurch.sch.example');
    const coppettsWood = await schoolOf('head@coppettswood.sch.example');
    const subscribers = new Set(
      (await manager.subscriptions.list({ academicYear: thisYear }))
        .filter((s) => s.status === 'active')
        .map((s) => s.schoolId),
    );
    expect(subscribers.has(whitchurch.id) && subscribers.has(coppettsWood.id)).toBe(true);
    // Another subscriber GIAS says is proposed to close: it still teaches and buys, so it is invited.
    const proposedToClose = [...subscribers].find((id) => id !== whitchurch.id && id !== coppettsWood.id);
    if (!proposedToClose) throw new Error('no third subscriber');
    await setStatus(proposedToClose, 'proposed_to_close');

    await manager.catalogue.copyForward({ fromYear: thisYear, upliftPercent: 3 });
    const opened = await manager.renewals.open({ fromYear: thisYear, closesOn: inAMonth });
    const invited = await withTenant(database.db, barnet.id, (tx) =>
      tx
        .select({ schoolId: renewalInvitations.schoolId })
        .from(renewalInvitations)
        .where(eq(renewalInvitations.roundId, opened.id)),
    );
    const invitedIds = invited.map((i) => i.schoolId);
    // Coppetts Wood closed in the test above: it subscribes this year but is not invited.
    expect(invitedIds).not.toContain(coppettsWood.id);
    expect(invitedIds).toContain(proposedToClose);
    expect(invitedIds).toContain(whitchurch.id);

    // Whitchurch closes after it was invited: it is not reminded, and its link renews nothing.
    await setStatus(whitchurch.id, 'closed');
    const [email] = await renewalEmails('sbm@whitchurch.sch.example');
    const token = email?.text?.match(new RegExp(`${testAppUrl}/renew/${barnet.slug}/([A-Za-z0-9_-]+)`))?.[1];
    if (!token) throw new Error('no renewal link for Whitchurch');
    const reminded = await manager.renewals.remind({ roundId: opened.id });
    expect(reminded.reminded).toBe(invited.length - 1);
    expect(await renewalEmails('sbm@whitchurch.sch.example')).toHaveLength(1);

    const visitor = anonymousCaller(database.db, barnet.slug);
    const refusal = `${whitchurch.name} is closed, so it cannot renew its packages.`;
    await expect(
      visitor.renewals.respond({ token, answer: { decision: 'renew', purchaseOrderNumber: 'PO-1' } }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: refusal });
    // Saying it is not renewing is still recorded.
    expect(
      await visitor.renewals.respond({
        token,
        answer: { decision: 'decline', reason: 'The school has closed' },
      }),
    ).toMatchObject({ decision: 'declined', subscribed: 0 });
  });

  it('says the day GIAS gives for its closing, and still records a visit made on or before that day', async () => {
    const manager = barnet.caller('head.si@barnet.example');
    const head = barnet.caller('head@coppettswood.sch.example');
    const adviser = barnet.caller('adviser@barnet.example');
    const school = await schoolOf('head@coppettswood.sch.example');
    const review = await itemId('BPSI-REVIEW');
    // Its last visits were asked for and assigned while it was open; they are logged once it has closed.
    await setStatus(school.id, 'open');
    const assignedRequest = async (details: string) => {
      const request = await head.adviserTime.request({
        schoolId: school.id,
        serviceId: review,
        preferredDates: 'Any',
        details,
      });
      await manager.adviserTime.assign({
        requestId: request.id,
        adviserUserId: barnet.user('adviser@barnet.example').id,
      });
      return request.id;
    };
    const july = await assignedRequest('Reading, July');
    const lastDay = await assignedRequest('Handover, last day');
    const september = await assignedRequest('Reading, September');
    await setStatus(school.id, 'closed', '2025-08-31');

    const course = await manager.courses.create({
      ...ownCourse,
      title: 'Phonics after closing',
      sessions: [{ on: `${nextYear}-06-09`, startTime: '09:30', endTime: '15:30' }],
      memberPrice: 60,
      nonMemberPrice: 80,
    } as never);
    await manager.courses.publish({ id: course.id });
    await expect(
      head.courses.bookingPreview({ courseId: course.id, schoolId: school.id, places: 1 }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Coppetts Wood Primary School closed on 31 August 2025, so it cannot be booked onto courses.',
    });
    await expect(
      manager.subscriptions.subscribe({ schoolId: school.id, itemId: await itemId('BPSI-GOV') }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Coppetts Wood Primary School closed on 31 August 2025, so it cannot subscribe to packages.',
    });
    await expect(
      head.adviserTime.request({
        schoolId: school.id,
        serviceId: review,
        preferredDates: 'Any',
        details: '',
      }),
    ).rejects.toMatchObject({
      message: 'Coppetts Wood Primary School closed on 31 August 2025, so it cannot ask for adviser time.',
    });

    const logVisit = (requestId: string, visitDate: string) =>
      adviser.adviserTime.logVisit({
        requestId,
        visitDate,
        duration: { amount: 1, unit: 'day' },
        summary: 'Review of reading and handover.',
      });
    // July's visit, logged in September, and one on the day it closed: work done while it was open.
    await expect(logVisit(july, '2025-07-15')).resolves.toMatchObject({ requestId: july });
    await expect(logVisit(lastDay, '2025-08-31')).resolves.toMatchObject({ requestId: lastDay });
    await expect(logVisit(september, '2025-09-01')).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message:
        'Coppetts Wood Primary School closed on 31 August 2025, so a visit or use of a service after that day cannot be recorded.',
    });
  });

  it('with no close date, records visits made up to today but plans none for a later day', async () => {
    const manager = barnet.caller('head.si@barnet.example');
    const head = barnet.caller('head@coppettswood.sch.example');
    const adviser = barnet.caller('adviser@barnet.example');
    const officer = barnet.caller('la.officer@barnet.example');
    const school = await schoolOf('head@coppettswood.sch.example');
    const review = await itemId('BPSI-REVIEW');
    await setStatus(school.id, 'open');
    const assignedRequest = async (details: string) => {
      const request = await head.adviserTime.request({
        schoolId: school.id,
        serviceId: review,
        preferredDates: 'Any',
        details,
      });
      await manager.adviserTime.assign({
        requestId: request.id,
        adviserUserId: barnet.user('adviser@barnet.example').id,
      });
      return request.id;
    };
    const lastWeek = await assignedRequest('Reading, last week');
    const today = await assignedRequest('Handover, today');
    const later = await assignedRequest('Reading, next week');
    // GIAS lists it as closed but gives no date: it closed by today, nobody knows when.
    await setStatus(school.id, 'closed');
    const noLaterDay =
      'Coppetts Wood Primary School is closed, so a visit or use of a service can be recorded up to today but not planned for a later day.';
    const logVisit = (requestId: string, visitDate: string) =>
      adviser.adviserTime.logVisit({
        requestId,
        visitDate,
        duration: { amount: 1, unit: 'day' },
        summary: 'Review of reading and handover.',
      });
    await expect(logVisit(lastWeek, daysFromToday(-7))).resolves.toMatchObject({ requestId: lastWeek });
    await expect(logVisit(today, todayInLondon())).resolves.toMatchObject({ requestId: today });
    await expect(logVisit(later, daysFromToday(7))).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: noLaterDay,
    });

    // The visits planner keeps the same rule for the school, if it is still on the register.
    const [onRegister] = await withTenant(database.db, barnet.id, (tx) =>
      tx
        .select({ id: schoolMonitoring.schoolId, name: schools.name })
        .from(schoolMonitoring)
        .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
        .where(and(isNull(schoolMonitoring.leftOn), eq(schools.status, 'open')))
        .limit(1),
    );
    if (!onRegister) throw new Error('no school on the register');
    await setStatus(onRegister.id, 'closed');
    const tomasz = barnet.user('tomasz.nowicki@barnet.example').id;
    const addVisit = (dueBy: string) =>
      officer.visits.addAdditional({
        schoolId: onRegister.id,
        reason: 'Ofsted inspection expected',
        dueBy,
        adviserUserId: tomasz,
      });
    await expect(addVisit(daysFromToday(14))).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${onRegister.name} is closed, so a visit or use of a service can be recorded up to today but not planned for a later day.`,
    });
    const made = await addVisit(daysFromToday(-3));
    await expect(
      officer.visits.markDone({ visitIds: [made.id ?? ''], completedOn: daysFromToday(1) }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(
      officer.visits.markDone({ visitIds: [made.id ?? ''], completedOn: daysFromToday(-2) }),
    ).resolves.toMatchObject({ updated: 1, status: 'done' });

    // Once GIAS gives the close date, that day is the limit, as for a logged visit.
    await setStatus(onRegister.id, 'closed', '2025-08-31');
    await expect(addVisit('2025-09-01')).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${onRegister.name} closed on 31 August 2025, so a visit or use of a service after that day cannot be recorded.`,
    });
    await expect(addVisit('2025-08-30')).resolves.toMatchObject({ academicYear: 2024 });

    // A school that has left the register gets no planned visit on any day: the planner reads the active
    // register only, so the visit would be seen by nobody.
    await officer.register.removeSchool({ schoolId: onRegister.id, reason: 'Closed in GIAS' });
    const leftOn = longDate(todayInLondon());
    await expect(addVisit('2025-08-30')).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${onRegister.name} has closed and left the register on ${leftOn}, so no visit can be planned for it.`,
    });
    await setStatus(onRegister.id, 'open');
    await expect(addVisit(daysFromToday(14))).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `${onRegister.name} left the register on ${leftOn}, so no visit can be planned for it. Add it to the register again first.`,
    });
    await officer.register.addSchool({ schoolId: onRegister.id, reason: 'Back under the LA' });
    await expect(addVisit(daysFromToday(14))).resolves.toMatchObject({ sequence: expect.any(Number) });
  });
});

/**
 * A school that closes while its staff wait for a course place is passed over: the place goes to the next person
 * waiting from an open school, whether it comes free by a cancellation, an expired hold (the job) or an offer
 * the closed school's delegate tries to claim; the manager cannot promote them, and sees why they were passed.
 */
describe('a school closed while its staff are on a waiting list', () => {
  let database: Database;
  let barnet: DemoWorkspace;
  const closedMessage =
    'Coppetts Wood Primary School closed on 31 August 2025, so it cannot be booked onto courses.';

  beforeAll(async () => {
    database = await openTestDatabase();
    barnet = await makeDemoWorkspace(database.db, 'barnet');
  });

  const links = () => ({ appUrl: testAppUrl, slug: barnet.slug, providerName: 'Barnet' });
  const closeCoppettsWood = (schoolId: string, status: 'open' | 'closed' = 'closed') =>
    withTenant(database.db, barnet.id, (tx) =>
      tx
        .update(schools)
        .set({ status, closedOn: status === 'closed' ? '2025-08-31' : null })
        .where(eq(schools.id, schoolId)),
    );
  const claimLinksSentTo = async (email: string) =>
    (
      await withMailroom(database.db, (tx) =>
        tx
          .select({ text: outboxEmails.text })
          .from(outboxEmails)
          .where(and(eq(outboxEmails.to, email), like(outboxEmails.text, '%/claim/%'))),
      )
    ).map((e) => e.text?.match(/\/claim\/([\w-]+)/)?.[1] ?? '');

  /** A one-place course taken by Whitchurch, with Coppetts Wood's and Whitchurch's delegates waiting in `queue` order. */
  async function fullCourse(queue: ('coppetts' | 'whitchurch')[]) {
    const manager = barnet.caller('head.si@barnet.example');
    const schoolOf = async (email: string) => {
      const school = (await barnet.caller(email).workspaces.current()).mySchools[0];
      if (!school) throw new Error(`no school for ${email}`);
      return school;
    };
    const coppetts = await schoolOf('head@coppettswood.sch.example');
    const whitchurch = await schoolOf('sbm@whitchurch.sch.example');
    // Open while its staff join the list (an earlier case closed it).
    await closeCoppettsWood(coppetts.id, 'open');
    const made = await manager.courses.create({
      ...ownCourse,
      title: `Waiting while closing ${Math.random().toString(36).slice(2, 8)}`,
      capacity: 1,
      sessions: [{ on: `${nextYear}-06-09`, startTime: '09:30', endTime: '15:30' }],
      memberPrice: 60,
      nonMemberPrice: 80,
    } as never);
    await manager.courses.publish({ id: made.id });
    const tag = made.id.slice(0, 8);
    const delegate = (n: string) => ({ name: `Delegate ${n}`, email: `${n}.${tag}@example.com`, role: '' });
    const booked = await manager.courses.book({
      courseId: made.id,
      schoolId: whitchurch.id,
      delegates: [delegate('first')],
    });
    const waiting = [];
    for (const [i, school] of queue.entries()) {
      const d = delegate(`${school}${i}`);
      await manager.courses.book({
        courseId: made.id,
        schoolId: (school === 'coppetts' ? coppetts : whitchurch).id,
        delegates: [d],
        joinWaitingList: true,
      });
      waiting.push(d);
    }
    const state = async () => {
      const { course, counts } = await manager.courses.byId({ id: made.id });
      const delegates = await manager.courses.delegates({ courseId: made.id });
      return {
        placesTaken: course.placesTaken,
        counts: { confirmed: counts.confirmed, onHold: counts.onHold, waiting: counts.waiting },
        waiting: delegates.waiting.map((w) => [w.delegateName, w.status]),
        passedOver: delegates.passedOver.map((p) => [p.delegateName, p.schoolName, p.reason]),
      };
    };
    return {
      manager,
      id: made.id,
      coppetts,
      bookingId: booked.confirmed[0]?.bookingId ?? '',
      waiting,
      state,
    };
  }

  it('passes a cancelled place to the next open school’s delegate; the manager cannot promote the closed one', async () => {
    const { manager, id, coppetts, bookingId, waiting, state } = await fullCourse(['coppetts', 'whitchurch']);
    const [closing, next] = waiting;
    if (!closing || !next) throw new Error('no queue');
    await closeCoppettsWood(coppetts.id);

    // Full course or not, the manager is told why this person cannot be offered a place; they stay waiting.
    const closingEntry = (await manager.courses.delegates({ courseId: id })).waiting[0];
    expect(closingEntry?.delegateName).toBe(closing.name);
    await expect(manager.courses.promote({ entryId: closingEntry?.id ?? '' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: closedMessage,
    });
    expect((await state()).waiting).toEqual([
      [closing.name, 'waiting'],
      [next.name, 'waiting'],
    ]);
    // The school's own list of its waiting places says why, as the manager's does.
    const ownList = await barnet.caller('head@coppettswood.sch.example').courses.schoolWaitingPlaces({});
    expect(ownList.find((w) => w.delegateName === closing.name)?.schoolClosed).toBe(closedMessage);
    expect(
      (await manager.courses.schoolWaitingPlaces({})).find((w) => w.delegateName === next.name)?.schoolClosed,
    ).toBeNull();

    const cancelled = await manager.courses.cancelBooking({ bookingId, reason: 'Ill' });
    expect(cancelled.offeredTo).not.toBeNull();
    expect(await state()).toEqual({
      placesTaken: 1,
      counts: { confirmed: 0, onHold: 1, waiting: 0 },
      waiting: [[next.name, 'offered']],
      passedOver: [[closing.name, 'Coppetts Wood Primary School', closedMessage]],
    });
    // No offer to the closed school's delegate; the next person has theirs.
    expect(await claimLinksSentTo(closing.email)).toEqual([]);
    expect(await claimLinksSentTo(next.email)).toHaveLength(1);
  });

  it('passes an expired hold (the job) over the closed school to the next open one', async () => {
    const { manager, id, coppetts, bookingId, waiting, state } = await fullCourse([
      'whitchurch',
      'coppetts',
      'whitchurch',
    ]);
    const [first, closing, next] = waiting;
    if (!first || !closing || !next) throw new Error('no queue');
    await manager.courses.cancelBooking({ bookingId, reason: 'Ill' });
    await closeCoppettsWood(coppetts.id);
    const held = (await manager.courses.delegates({ courseId: id })).waiting[0]?.holdExpiresAt;
    if (!held) throw new Error('no hold');
    const run = await runInTenant(
      database.db,
      {
        tenantId: barnet.id,
        action: 'courses.expireHolds',
        actor: { userId: barnet.user('head.si@barnet.example').id },
      },
      (tx) => expireHolds(tx, { ...links(), now: new Date(held.getTime() + 60_000) }),
    );
    expect(run.passedOn).toBeGreaterThanOrEqual(1);
    expect(await state()).toEqual({
      placesTaken: 1,
      counts: { confirmed: 0, onHold: 1, waiting: 0 },
      waiting: [[next.name, 'offered']],
      passedOver: [[closing.name, 'Coppetts Wood Primary School', closedMessage]],
    });
    expect(await claimLinksSentTo(closing.email)).toEqual([]);
  });

  it('says on the claim page at once that a closed school’s place cannot be claimed; opening it changes nothing', async () => {
    const { manager, id, coppetts, bookingId, waiting, state } = await fullCourse(['coppetts', 'whitchurch']);
    const [closing, next] = waiting;
    if (!closing || !next) throw new Error('no queue');
    await manager.courses.cancelBooking({ bookingId, reason: 'Ill' });
    const [token] = await claimLinksSentTo(closing.email);
    if (!token) throw new Error('no offer');
    const claimPage = () =>
      anonymousCaller(database.db).courseCatalogue.claimableOffer({ tenant: barnet.slug, token });
    expect(await claimPage()).toMatchObject({ state: 'held', closed: null });
    await closeCoppettsWood(coppetts.id);
    const before = await state();

    expect(await claimPage()).toMatchObject({ state: 'schoolClosed', closed: closedMessage });
    expect(await claimPage()).toMatchObject({ state: 'schoolClosed' });
    // Opening the link (a mail scanner may, before the person does) leaves the offer as it was.
    expect(await state()).toEqual(before);
    expect(before.waiting).toEqual([
      [closing.name, 'offered'],
      [next.name, 'waiting'],
    ]);
    // The hold runs out as any other does, and the place passes on.
    const held = (await manager.courses.delegates({ courseId: id })).waiting[0]?.holdExpiresAt;
    if (!held) throw new Error('no hold');
    await runInTenant(
      database.db,
      {
        tenantId: barnet.id,
        action: 'courses.expireHolds',
        actor: { userId: barnet.user('head.si@barnet.example').id },
      },
      (tx) => expireHolds(tx, { ...links(), now: new Date(held.getTime() + 60_000) }),
    );
    expect((await state()).waiting).toEqual([[next.name, 'offered']]);
    expect(await claimPage()).toMatchObject({ state: 'passed', closed: null });
  });

  it('refuses a claim once the school has closed, and the held place passes to the next person, who claims it', async () => {
    const { manager, coppetts, bookingId, waiting, state } = await fullCourse(['coppetts', 'whitchurch']);
    const [closing, next] = waiting;
    if (!closing || !next) throw new Error('no queue');
    await manager.courses.cancelBooking({ bookingId, reason: 'Ill' });
    const [closingToken] = await claimLinksSentTo(closing.email);
    if (!closingToken) throw new Error('no offer');
    await closeCoppettsWood(coppetts.id);

    const claim = (token: string) =>
      claimByLink(database.db, { slug: barnet.slug, token, appUrl: testAppUrl });
    await expect(claim(closingToken)).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: closedMessage,
    });
    // The refusal kept its work: the offer ended and the next person holds the place.
    expect(await state()).toEqual({
      placesTaken: 1,
      counts: { confirmed: 0, onHold: 1, waiting: 0 },
      waiting: [[next.name, 'offered']],
      passedOver: [[closing.name, 'Coppetts Wood Primary School', closedMessage]],
    });
    const claimPage = await anonymousCaller(database.db).courseCatalogue.claimableOffer({
      tenant: barnet.slug,
      token: closingToken,
    });
    expect(claimPage.state).toBe('passed');
    await expect(claim(closingToken)).rejects.toMatchObject({ code: 'CONFLICT' });

    const [nextToken] = await claimLinksSentTo(next.email);
    await expect(claim(nextToken ?? '')).resolves.toMatchObject({ refused: null });
    expect(await state()).toEqual({
      placesTaken: 1,
      counts: { confirmed: 1, onHold: 0, waiting: 0 },
      waiting: [],
      passedOver: [[closing.name, 'Coppetts Wood Primary School', closedMessage]],
    });
  });
});

/**
 * A staff booking held for the school's approval, when the school closes before anyone approves it: approving is
 * refused (the approver is told before confirming); declining still frees the place for the waiting list.
 */
describe('a school closed while a staff booking waits for its approval', () => {
  let database: Database;
  let ws: Awaited<ReturnType<typeof schoolWithStaffAndHeads>>['ws'];
  let staff: ReturnType<typeof callerAs>;
  let head: ReturnType<typeof callerAs>;

  beforeAll(async () => {
    database = await openTestDatabase();
    ({ ws, staff, head } = await schoolWithStaffAndHeads(database.db));
  });

  it('refuses the approval with a clear message, and a decline passes the place to the next person waiting', async () => {
    const manager = ws.caller;
    const other = await makeSchool(database.db, ws.tenant.id);
    const made = await manager.courses.create({
      ...ownCourse,
      title: `Approval while closing ${Math.random().toString(36).slice(2, 8)}`,
      capacity: 1,
      staffBookingNeedsApproval: true,
      memberPrice: 75,
      nonMemberPrice: 75,
      outOfAreaPrice: 75,
      sessions: [{ title: 'Day', on: `${nextYear}-03-10`, startTime: '09:30', endTime: '15:30' }],
    } as never);
    await manager.courses.publish({ id: made.id });
    const held = await staff.courses.book({ courseId: made.id, schoolId: ws.school.id, delegates: [] });
    const bookingId = held.pendingApproval[0]?.bookingId ?? '';
    expect(bookingId).not.toBe('');
    // Someone from another school waits for the place the booking holds.
    await manager.courses.book({
      courseId: made.id,
      schoolId: other.id,
      delegates: [{ name: 'Wendy Waiting', email: `wendy.${made.id.slice(0, 8)}@example.com`, role: '' }],
      joinWaitingList: true,
    });
    expect(await head.courses.approvalCost({ bookingId })).toMatchObject({ refused: null });

    await withTenant(database.db, ws.tenant.id, (tx) =>
      tx
        .update(schools)
        .set({ status: 'closed', closedOn: '2025-08-31' })
        .where(eq(schools.id, ws.school.id)),
    );
    const refusal = `${ws.school.name} closed on 31 August 2025, so it cannot be booked onto courses. Decline the booking to free the place.`;
    // Told before confirming, and refused if confirmed all the same: by the head and by the manager alike.
    expect(await head.courses.approvalCost({ bookingId })).toMatchObject({ refused: refusal });
    for (const approver of [head, manager])
      await expect(approver.courses.decideBooking({ bookingId, decision: 'approve' })).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        message: refusal,
      });
    expect((await head.courses.schoolBookings({})).find((b) => b.id === bookingId)).toMatchObject({
      status: 'pending_approval',
    });

    const declined = await head.courses.decideBooking({ bookingId, decision: 'decline' });
    expect(declined).toMatchObject({ status: 'cancelled' });
    if (declined.status !== 'cancelled') throw new Error('not declined');
    expect(declined.offeredTo).not.toBeNull();
    const delegates = await manager.courses.delegates({ courseId: made.id });
    expect(delegates.waiting.map((w) => [w.delegateName, w.status])).toEqual([['Wendy Waiting', 'offered']]);
  });
});
