import { and, desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { chargeableItems, invoiceLines, invoices, outboxEmails } from '~/db/schema';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { withMailroom } from '~/server/email/outbox';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeUser,
  outboxTo,
  type makeWorkspaceWithEveryRole,
} from '../fixtures/factories';
import { ownCourse, schoolWithStaffAndHeads } from './course-fixtures';
import { openTestDatabase } from './harness';

const nextYear = new Date().getUTCFullYear() + 1;

describe('a school’s bookings: staff approval, CSV, and the manager’s fill and go/no-go view', () => {
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

  const sent = (to: string, subject: string) =>
    withMailroom(database.db, (tx) =>
      tx
        .select({ subject: outboxEmails.subject })
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, to), like(outboxEmails.subject, subject)))
        .orderBy(desc(outboxEmails.createdAt)),
    );

  async function course(extra: Record<string, unknown>) {
    const made = await ws.caller.courses.create({
      ...ownCourse,
      title: `School course ${Math.random().toString(36).slice(2, 8)}`,
      memberPrice: 75,
      nonMemberPrice: 75,
      outOfAreaPrice: 75,
      sessions: [{ title: 'Day', on: `${nextYear}-02-10`, startTime: '09:30', endTime: '15:30' }],
      ...extra,
    } as never);
    await ws.caller.courses.publish({ id: made.id });
    return made.id;
  }

  it('a staff booking on a course that asks for approval holds the place until the head approves or declines', async () => {
    const id = await course({ capacity: 1, staffBookingNeedsApproval: true });
    const booked = await staff.courses.book({ courseId: id, schoolId: ws.school.id, delegates: [] });
    expect(booked.confirmed).toEqual([]);
    expect(booked.pendingApproval).toHaveLength(1);
    // It holds the place: the course is now full.
    expect((await ws.caller.courses.byId({ id })).placesLeft).toBe(0);
    expect(await sent(staffEmail, 'Booking waiting for approval:%')).toHaveLength(1);
    expect(await sent(headEmail, 'Booking to approve:%')).toHaveLength(1);
    const pending = (await head.courses.schoolBookings({})).find((b) => b.courseId === id);
    expect(pending).toMatchObject({ status: 'pending_approval', costPence: 0 });

    // Another school's head cannot decide it.
    await expect(
      otherHead.courses.decideBooking({ bookingId: pending!.id, decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const approved = await head.courses.decideBooking({ bookingId: pending!.id, decision: 'approve' });
    expect(approved).toMatchObject({ status: 'confirmed', funding: 'charge' });
    expect(await sent(staffEmail, 'Place confirmed:%')).toHaveLength(1);
    expect((await head.courses.schoolBookings({})).find((b) => b.courseId === id)).toMatchObject({
      status: 'confirmed',
      costPence: 7500,
    });
    await expect(
      head.courses.decideBooking({ bookingId: pending!.id, decision: 'decline' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a declined booking frees the place; without the switch a staff booking is confirmed at once', async () => {
    const id = await course({ capacity: 2, staffBookingNeedsApproval: true });
    const booked = await staff.courses.book({ courseId: id, schoolId: ws.school.id, delegates: [] });
    const bookingId = booked.pendingApproval[0]?.bookingId ?? '';
    expect(await head.courses.decideBooking({ bookingId, decision: 'decline' })).toMatchObject({
      status: 'cancelled',
    });
    expect(await sent(staffEmail, 'Booking not approved:%')).toHaveLength(1);
    expect((await ws.caller.courses.byId({ id })).placesLeft).toBe(2);

    const open = await course({ capacity: 2 });
    const direct = await staff.courses.book({ courseId: open, schoolId: ws.school.id, delegates: [] });
    expect(direct.confirmed).toHaveLength(1);
    expect(direct.pendingApproval).toEqual([]);
  });

  it('the head approving a charged place is told its cost and gives a purchase order: on the charge and the invoice', async () => {
    const id = await course({ capacity: 2, staffBookingNeedsApproval: true });
    const held = await staff.courses.book({ courseId: id, schoolId: ws.school.id, delegates: [] });
    const bookingId = held.pendingApproval[0]?.bookingId ?? '';

    // Before approving: what it will cost the school, as the approval will fund it.
    const cost = await head.courses.approvalCost({ bookingId });
    expect(cost).toMatchObject({ funding: 'charge', pricePence: 7500 });
    expect(cost.summary).toBe(`The place costs £75.00, charged to ${ws.school.name}.`);
    await expect(otherHead.courses.approvalCost({ bookingId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // A purchase order number too long for the invoice is refused with a readable message; nothing is decided.
    const tooLong = head.courses.decideBooking({
      bookingId,
      decision: 'approve',
      purchaseOrderNumber: 'x'.repeat(41),
    });
    await expect(tooLong).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(tooLong).rejects.toThrow('Keep the purchase order number to 40 characters.');
    expect((await head.courses.schoolBookings({})).find((b) => b.id === bookingId)?.status).toBe(
      'pending_approval',
    );

    const approved = await head.courses.decideBooking({
      bookingId,
      decision: 'approve',
      purchaseOrderNumber: ' PO-APPROVE-17 ',
    });
    expect(approved).toMatchObject({ status: 'confirmed', funding: 'charge' });
    await expect(head.courses.approvalCost({ bookingId })).rejects.toMatchObject({ code: 'CONFLICT' });
    const chargeOf = (sourceId: string) =>
      database.db
        .select({ id: chargeableItems.id, po: chargeableItems.purchaseOrderNumber })
        .from(chargeableItems)
        .where(and(eq(chargeableItems.sourceType, 'course_booking'), eq(chargeableItems.sourceId, sourceId)));
    const [charge, ...moreCharges] = await chargeOf(bookingId);
    expect(moreCharges).toEqual([]);
    expect(charge?.po).toBe('PO-APPROVE-17');

    // Declining ignores a purchase order number given with it: nothing is charged.
    const other = await course({ capacity: 2, staffBookingNeedsApproval: true });
    const declinedId =
      (await staff.courses.book({ courseId: other, schoolId: ws.school.id, delegates: [] }))
        .pendingApproval[0]?.bookingId ?? '';
    expect(
      await head.courses.decideBooking({
        bookingId: declinedId,
        decision: 'decline',
        purchaseOrderNumber: 'PO-NOT-USED',
      }),
    ).toMatchObject({ status: 'cancelled' });
    expect(await chargeOf(declinedId)).toEqual([]);

    // The charges billing run invoices the approved place on an invoice of its own carrying the number.
    const run = await ws.caller.invoices.run({ kind: 'charges', upTo: todayInLondon() });
    const lines = await database.db
      .select({ invoiceId: invoiceLines.invoiceId, po: invoices.purchaseOrderNumber })
      .from(invoiceLines)
      .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
      .where(and(eq(invoices.billingRunId, run.id), eq(invoiceLines.chargeableItemId, charge?.id ?? '')));
    expect(lines).toEqual([{ invoiceId: expect.any(String), po: 'PO-APPROVE-17' }]);
    const onInvoice = await database.db
      .select({ chargeableItemId: invoiceLines.chargeableItemId })
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, lines[0]?.invoiceId ?? ''));
    expect(onInvoice).toEqual([{ chargeableItemId: charge?.id }]);
  });

  it('the school’s own switch holds every staff booking for the head’s approval, on any course', async () => {
    expect(await head.courses.schoolBookingApproval({})).toMatchObject({
      id: ws.school.id,
      staffBookingsNeedApproval: false,
    });
    // Only the school's own headteacher/SBM (or the manager) may turn it on; staff may not.
    await expect(
      staff.courses.setSchoolBookingApproval({ staffBookingsNeedApproval: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      otherHead.courses.setSchoolBookingApproval({ schoolId: ws.school.id, staffBookingsNeedApproval: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await head.courses.setSchoolBookingApproval({ staffBookingsNeedApproval: true });
    expect((await head.courses.schoolBookingApproval({})).staffBookingsNeedApproval).toBe(true);
    try {
      // A course that does not ask for approval: the school's switch holds the place all the same.
      const id = await course({ capacity: 2 });
      const held = await staff.courses.book({ courseId: id, schoolId: ws.school.id, delegates: [] });
      expect(held.confirmed).toEqual([]);
      expect(held.pendingApproval).toHaveLength(1);
      expect(await sent(headEmail, 'Booking to approve:%')).not.toHaveLength(0);
      const approved = await head.courses.decideBooking({
        bookingId: held.pendingApproval[0]!.bookingId,
        decision: 'approve',
      });
      expect(approved).toMatchObject({ status: 'confirmed' });
      // The head naming delegates is not held: the switch is about staff booking themselves.
      const named = await head.courses.book({
        courseId: id,
        schoolId: ws.school.id,
        delegates: [{ name: 'Named One', email: `named.${id.slice(0, 8)}@school.example`, role: '' }],
      });
      expect(named.confirmed).toHaveLength(1);
      // Another school's staff are not affected by this school's switch.
      const elsewhere = await makeSchool(database.db, ws.tenant.id);
      const u = await makeUser(database.db);
      await addMembership(database.db, ws.tenant.id, u.id, 'school_staff', elsewhere.id);
      const other = await course({ capacity: 2 });
      const direct = await callerAs(database.db, u, ws.tenant.slug).courses.book({
        courseId: other,
        schoolId: elsewhere.id,
        delegates: [],
      });
      expect(direct.confirmed).toHaveLength(1);
    } finally {
      await head.courses.setSchoolBookingApproval({ staffBookingsNeedApproval: false });
    }
    // Switched off: a staff booking on a course without approval is confirmed at once again.
    const open = await course({ capacity: 2 });
    const after = await staff.courses.book({ courseId: open, schoolId: ws.school.id, delegates: [] });
    expect(after.confirmed).toHaveLength(1);
  });

  it('a governor’s charged place booked on the courses page is told to the head (HTML and text); staff places are not', async () => {
    const gwen = await makeUser(database.db, { name: 'Gwen Governor' });
    await addMembership(database.db, ws.tenant.id, gwen.id, 'governor', ws.school.id);
    const governor = callerAs(database.db, gwen, ws.tenant.slug);
    const id = await course({ capacity: 5 });
    const title = (await ws.caller.courses.byId({ id })).course.title;
    const booked = await governor.courses.book({ courseId: id, schoolId: ws.school.id, delegates: [] });
    expect(booked.confirmed).toEqual([expect.objectContaining({ funding: 'charge', pricePence: 7500 })]);
    // Both of the school's headteachers / business managers (the head and the workspace's every-role user).
    expect(booked.schoolTold).toBe(2);
    const [told, ...more] = await outboxTo(database.db, headEmail, title);
    expect(more).toEqual([]);
    expect(told).toMatchObject({
      template: 'governor-booking-charged',
      subject: `A governor’s course place charged to ${ws.school.name}: ${title}`,
    });
    // Queued in the booking's transaction and delivered after commit with an HTML and a plain-text part.
    const rendered = told;
    expect(rendered?.html).toContain('Gwen Governor');
    expect(rendered?.html).toContain('<html');
    expect(rendered?.text).toContain(`Gwen Governor booked a place on ${title}`);
    expect(rendered?.text).toContain('Total: £75.00');
    // The governor's own confirmation went too.
    expect(await outboxTo(database.db, gwen.email, title)).toHaveLength(1);

    // A governor training course booked on the courses page is worded as governor training, as it is when
    // booked from the governance pages.
    const training = await course({ capacity: 5, programme: 'governor_training' });
    const trainingTitle = (await ws.caller.courses.byId({ id: training })).course.title;
    const trained = await governor.courses.book({
      courseId: training,
      schoolId: ws.school.id,
      delegates: [],
    });
    expect(trained.confirmed).toEqual([expect.objectContaining({ funding: 'charge', pricePence: 7500 })]);
    expect(trained.schoolTold).toBe(2);
    const [trainingTold, ...moreTraining] = await outboxTo(database.db, headEmail, trainingTitle);
    expect(moreTraining).toEqual([]);
    expect(trainingTold).toMatchObject({
      template: 'governor-booking-charged',
      subject: `Governor training charged to ${ws.school.name}: ${trainingTitle}`,
    });
    expect(trainingTold?.html).toContain(`Governor training charged to ${ws.school.name}`);
    expect(trainingTold?.text).toContain(`Gwen Governor booked a place on ${trainingTitle}`);

    // A member of staff booking the same kind of place: no email to the head.
    const other = await course({ capacity: 5 });
    const otherTitle = (await ws.caller.courses.byId({ id: other })).course.title;
    const staffPlace = await staff.courses.book({ courseId: other, schoolId: ws.school.id, delegates: [] });
    expect(staffPlace.confirmed).toEqual([expect.objectContaining({ funding: 'charge' })]);
    expect(staffPlace.schoolTold).toBe(0);
    expect(await outboxTo(database.db, headEmail, otherTitle)).toEqual([]);

    // When the school approves staff bookings, the governor's place is held for the head instead: no notice.
    await head.courses.setSchoolBookingApproval({ staffBookingsNeedApproval: true });
    try {
      const held = await governor.courses.book({ courseId: other, schoolId: ws.school.id, delegates: [] });
      expect(held.pendingApproval).toHaveLength(1);
      expect(held.schoolTold).toBe(0);
      expect(
        await outboxTo(
          database.db,
          headEmail,
          `A governor’s course place charged to ${ws.school.name}: ${otherTitle}`,
        ),
      ).toEqual([]);
    } finally {
      await head.courses.setSchoolBookingApproval({ staffBookingsNeedApproval: false });
    }
  });

  it('a manager promotes a chosen person from the waiting list ahead of the queue', async () => {
    const input = {
      ...ownCourse,
      title: `Promote course ${Math.random().toString(36).slice(2, 8)}`,
      capacity: 1,
      sessions: [{ title: 'Day', on: `${nextYear}-02-11`, startTime: '09:30', endTime: '15:30' }],
    };
    const made = await ws.caller.courses.create(input as never);
    await ws.caller.courses.publish({ id: made.id });
    const d = (n: string) => ({
      name: `P ${n}`,
      email: `${n}.${made.id.slice(0, 8)}@school.example`,
      role: '',
    });
    const booked = await head.courses.book({
      courseId: made.id,
      schoolId: ws.school.id,
      delegates: [d('a'), d('b'), d('c')],
      joinWaitingList: true,
    });
    expect(booked.waitlisted).toHaveLength(2);
    await expect(ws.caller.courses.promote({ entryId: booked.waitlisted[1]!.entryId })).rejects.toMatchObject(
      { code: 'CONFLICT' },
    );
    await ws.caller.courses.update({ id: made.id, course: { ...input, capacity: 2 } } as never);
    // C, second in the queue, is offered the new place; B keeps waiting.
    await ws.caller.courses.promote({ entryId: booked.waitlisted[1]!.entryId });
    const waiting = (await ws.caller.courses.delegates({ courseId: made.id })).waiting;
    expect(waiting.map((w) => [w.delegateEmail, w.status]).sort()).toEqual(
      [
        [d('b').email, 'waiting'],
        [d('c').email, 'offered'],
      ].sort(),
    );
  });

  it('the head downloads the school’s bookings as CSV; the manager sees fill, income and go/no-go due', async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const id = await course({ capacity: 10, minimumNumbers: 6, goNoGoOn: soon });
    // A full course with one waiting.
    const full = await course({ capacity: 1 });
    await head.courses.book({
      courseId: full,
      schoolId: ws.school.id,
      delegates: [{ name: 'Bo Full', email: `bo.${full.slice(0, 8)}@school.example`, role: '' }],
    });
    await head.courses.book({
      courseId: id,
      schoolId: ws.school.id,
      delegates: [{ name: 'Ann Csv', email: `ann.${id.slice(0, 8)}@school.example`, role: 'Teacher' }],
    });
    const { csv, filename } = await head.courses.schoolBookingsCsv({});
    expect(filename).toMatch(/^course-bookings-/);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Delegate');
    const ann = lines.find((l) => l.includes('Ann Csv'));
    expect(ann).toContain('75.00');
    expect(ann).toContain('Confirmed');
    // Its first and last session, written as the governance CSVs write dates.
    expect(ann).toContain(`,10 Feb ${nextYear},10 Feb ${nextYear},Confirmed,`);
    // Another school's head sees none of these.
    expect((await otherHead.courses.schoolBookingsCsv({})).csv).not.toContain('Ann Csv');
    await expect(staff.courses.schoolBookingsCsv({})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await staff.courses
      .book({ courseId: full, schoolId: ws.school.id, delegates: [], joinWaitingList: true })
      .catch(() => null);
    const listed = await ws.caller.courses.list({});
    expect(listed.find((c) => c.id === id)).toMatchObject({
      placesTaken: 1,
      capacity: 10,
      incomePence: 7500,
      decisionDue: true,
    });
    expect(listed.find((c) => c.id === full)).toMatchObject({
      placesTaken: 1,
      waiting: 1,
      decisionDue: false,
    });
  });
});
