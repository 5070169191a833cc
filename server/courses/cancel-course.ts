import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { chargeableItems, courseBookings, courses, courseWaitlistEntries } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { queueEmail } from '../email/send-email';
import { undoFunding } from './cancel-booking';
import { courseEmail } from './course-emails';
import { getCourseForUpdate } from './get-course';
import { invoicesHolding } from './invoiced-charges';
import type { Links } from './offer-next-place';

export const ZCancelCourseInput = z.object({
  id: z.uuid(),
  reason: z.string().trim().min(3, 'Say why the course is cancelled (delegates are told).').max(500),
});

export type InvoicedCharge = {
  bookingId: string;
  delegateName: string;
  invoiceId: string;
  invoiceNumber: string | null;
  invoiceStatus: string;
};

/**
 * The manager cancels a whole course. Every place is cancelled at no cost to the school: entitlement drawn is
 * given back, uninvoiced charges (places and any late-cancellation charge) are cancelled, waiting-list
 * entries withdrawn, and every delegate and everyone waiting is emailed. A charge already on an invoice is
 * not touched (an issued invoice is corrected by a credit note, which is finance's job): it is returned with
 * its invoice so the manager can tell finance.
 */
export async function cancelCourse(
  tx: Tx,
  input: { id: string; reason: string; actorUserId: string | null; now: Date } & Links,
) {
  const { course, sessions } = await getCourseForUpdate(tx, input.id);
  if (course.status === 'cancelled')
    throw new DomainError({ code: 'CONFLICT', message: 'This course is already cancelled.' });
  await tx
    .update(courses)
    .set({
      status: 'cancelled',
      cancelledAt: input.now,
      cancelledReason: input.reason,
      placesTaken: 0,
      updatedAt: sql`now()`,
      inviteSequence: sql`${courses.inviteSequence} + 1`,
    })
    .where(eq(courses.id, course.id));
  const places = await tx
    .update(courseBookings)
    .set({
      status: 'cancelled',
      cancelledAt: input.now,
      cancelledReason: `Course cancelled: ${input.reason}`,
      updatedAt: sql`now()`,
      inviteSequence: sql`${courseBookings.inviteSequence} + 1`,
    })
    .where(and(eq(courseBookings.courseId, course.id), ne(courseBookings.status, 'cancelled')))
    .returning();
  const waiting = await tx
    .update(courseWaitlistEntries)
    .set({ status: 'withdrawn' })
    .where(
      and(
        eq(courseWaitlistEntries.courseId, course.id),
        inArray(courseWaitlistEntries.status, ['waiting', 'offered']),
      ),
    )
    .returning();

  // Charges already invoiced, for the manager to pass to finance (place charges and late-cancellation charges).
  const allBookings = await tx.select().from(courseBookings).where(eq(courseBookings.courseId, course.id));
  const chargeIds = allBookings.flatMap((b) =>
    [b.chargeableItemId, b.penaltyChargeItemId].filter((id): id is string => Boolean(id)),
  );
  const invoiced: InvoicedCharge[] = (await invoicesHolding(tx, chargeIds)).map((row) => {
    const booking = allBookings.find(
      (b) => b.chargeableItemId === row.itemId || b.penaltyChargeItemId === row.itemId,
    );
    return {
      bookingId: booking?.id ?? '',
      delegateName: booking?.delegateName ?? '',
      invoiceId: row.invoiceId,
      invoiceNumber: row.invoiceNumber,
      invoiceStatus: row.invoiceStatus,
    };
  });

  let reversed = 0;
  for (const booking of places) {
    if (!booking.entitlementEntryId) continue;
    reversed++;
    await undoFunding(
      tx,
      { ...booking, chargeableItemId: null },
      `Course cancelled: ${course.title} (${booking.delegateName})`,
      input.actorUserId,
    );
  }
  // Uninvoiced charges are cancelled: the places' own, and late-cancellation charges of places cancelled
  // earlier (the course did not run).
  const voidable = [
    ...places.map((b) => b.chargeableItemId),
    ...allBookings.map((b) => b.penaltyChargeItemId),
  ].filter((id): id is string => Boolean(id));
  const voidedCharges =
    voidable.length === 0
      ? []
      : await tx
          .update(chargeableItems)
          .set({ status: 'cancelled' })
          .where(and(inArray(chargeableItems.id, voidable), eq(chargeableItems.status, 'uninvoiced')))
          .returning({ id: chargeableItems.id });

  // A place's email takes its sessions out of the delegate's calendar; the waiting list had none to remove.
  const recipients = [
    ...places.map((b) => ({ recipient: b, bookingId: b.id })),
    ...waiting.map((w) => ({ recipient: w, bookingId: undefined })),
  ];
  for (const { recipient, bookingId } of recipients) {
    await queueEmail(
      tx,
      courseEmail({
        kind: 'course_cancelled',
        course,
        sessions,
        booking: recipient,
        bookingId,
        providerName: input.providerName,
        reason: input.reason,
      }),
    );
  }
  return {
    id: course.id,
    placesCancelled: places.length,
    waitlistWithdrawn: waiting.length,
    entitlementsReversed: reversed,
    chargesCancelled: voidedCharges.length,
    invoiced,
  };
}
