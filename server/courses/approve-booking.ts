import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courseBookings, schools, type Course, type CourseSession } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { queueEmail } from '../email/send-email';
import type { IsoDate } from '../catalogue/academic-year';
import { closedSchoolRefusal } from '../schools/closed-school';
import { ZPurchaseOrderNumber } from './booking-inputs';
import { courseEmail, placeDetailLines, placeDetailsOf } from './course-emails';
import { schoolLeaders } from './tell-school-leaders';
import { londonDateOf } from './london-time';
import { fundGivenPlace, givenPlaceCost } from './fund-given-place';
import { getCourse, getCourseForUpdate } from './get-course';
import { offerNextPlace, type Links } from './offer-next-place';
import { newPlaceToken } from './place-token';

export const ZDecideBookingInput = z.object({
  bookingId: z.uuid(),
  decision: z.enum(['approve', 'decline'], { message: 'Approve or decline the booking.' }),
  /** Approving a place charged to the school: its purchase order number, on the invoice. Declining ignores it. */
  purchaseOrderNumber: ZPurchaseOrderNumber,
});

export const ZApprovalCostInput = z.object({ bookingId: z.uuid() });

/** A booking of the approver's school (any school's, for the manager). */
async function schoolBooking(tx: Tx, input: { bookingId: string; schoolId?: string }) {
  const [booking] = await tx.select().from(courseBookings).where(eq(courseBookings.id, input.bookingId));
  if (!booking || (input.schoolId && booking.schoolId !== input.schoolId))
    throw new DomainError({ code: 'NOT_FOUND', message: 'That booking was not found.' });
  return booking;
}

/**
 * Why the booking cannot be approved, if its school has closed since it was made: "Elm Primary closed on 31
 * August 2025, so it cannot be booked onto courses. Decline the booking to free the place."; else null.
 */
async function closedSinceBooking(tx: Tx, schoolId: string) {
  const [school] = await tx
    .select({ name: schools.name, status: schools.status, closedOn: schools.closedOn })
    .from(schools)
    .where(eq(schools.id, schoolId));
  const closed = school ? closedSchoolRefusal(school, 'booking') : null;
  return closed && `${closed} Decline the booking to free the place.`;
}

const notWaiting = () =>
  new DomainError({ code: 'CONFLICT', message: 'This booking is not waiting for approval.' });

/**
 * What approving a held booking would cost the school, funded as decideBooking will fund it (free to a governor
 * on statutory training, from the school's package while it has places left, or charged): the approver is told
 * before confirming, and asked for a purchase order only for a charged place. A read: nothing is taken. If the
 * school has closed since the booking, `refused` says why it cannot be approved (decideBooking refuses it too),
 * so the approver is told before confirming; declining it still frees the place.
 */
export async function approvalCost(
  tx: Tx,
  input: z.output<typeof ZApprovalCostInput> & {
    schoolId?: string;
    laCodes: readonly string[];
    today: IsoDate;
  },
) {
  const booking = await schoolBooking(tx, input);
  if (booking.status !== 'pending_approval') throw notWaiting();
  const [{ course, sessions }, refused] = await Promise.all([
    getCourse(tx, booking.courseId),
    closedSinceBooking(tx, booking.schoolId),
  ]);
  const place = await givenPlaceCost(tx, {
    course,
    sessions,
    schoolId: booking.schoolId,
    laCodes: input.laCodes,
    delegateEmail: booking.delegateEmail,
    today: input.today,
  });
  return {
    funding: place.funding,
    pricePence: place.pricePence,
    vatRateBasisPoints: place.vatRateBasisPoints,
    /** "The place costs £75.00 plus VAT, charged to Elm Primary.", as the confirmation will say it. */
    summary: placeDetailLines(place)[1] ?? '',
    /** Why it cannot be approved: its school has closed since (decline it instead); null when it can. */
    refused,
  };
}

/** Tells the school's headteacher / business manager that staff bookings wait for their approval. */
export async function requestApproval(
  tx: Tx,
  input: {
    course: Pick<Course, 'title' | 'venue' | 'joiningLink' | 'format'>;
    sessions: Pick<CourseSession, 'title' | 'on' | 'startTime' | 'endTime'>[];
    schoolId: string;
    delegates: { name: string }[];
    providerName: string;
    url: string;
  },
) {
  const approvers = await schoolLeaders(tx, input.schoolId);
  for (const approver of approvers)
    await queueEmail(
      tx,
      courseEmail({
        kind: 'approval_requested',
        course: input.course,
        sessions: input.sessions,
        booking: { delegateName: approver.name, delegateEmail: approver.email },
        providerName: input.providerName,
        url: input.url,
        reason: input.delegates.map((d) => d.name).join(', '),
      }),
    );
  return approvers.length;
}

/**
 * The school's headteacher / business manager (or the manager) approves or declines a staff booking held for
 * approval. Approved: the place is funded like every other booking (entitlement or charge) and confirmed, and the
 * delegate gets the confirmation with their own link; a charged place carries the purchase order number the
 * approver gave. Declined: the place is freed (offered to the first person waiting) and the delegate is told.
 * A school closed since the booking cannot have it approved (fundGivenPlace refuses, as for every place given
 * after booking); it can still be declined, which frees the place as every declined approval does.
 */
export async function decideBooking(
  tx: Tx,
  input: z.output<typeof ZDecideBookingInput> & {
    tenantId: string;
    schoolId?: string;
    actorUserId: string;
    laCodes: readonly string[];
    now: Date;
  } & Links,
) {
  const booking = await schoolBooking(tx, input);
  const { course, sessions } = await getCourseForUpdate(tx, booking.courseId);
  const [current] = await tx
    .select({ status: courseBookings.status })
    .from(courseBookings)
    .where(eq(courseBookings.id, booking.id))
    .for('update');
  if (current?.status !== 'pending_approval') throw notWaiting();
  if (input.decision === 'decline') {
    await tx
      .update(courseBookings)
      .set({
        status: 'cancelled',
        cancelledAt: input.now,
        cancelledReason: 'Declined by the school',
        updatedAt: sql`now()`,
      })
      .where(eq(courseBookings.id, booking.id));
    await queueEmail(
      tx,
      courseEmail({
        kind: 'declined',
        course,
        sessions,
        booking,
        providerName: input.providerName,
      }),
    );
    const next = await offerNextPlace(tx, { ...input, courseId: course.id });
    return { status: 'cancelled' as const, offeredTo: next.offered?.entryId ?? null };
  }
  const closed = await closedSinceBooking(tx, booking.schoolId);
  if (closed) throw new DomainError({ code: 'PRECONDITION_FAILED', message: closed });
  const { schoolName, vatRateBasisPoints, ...funded } = await fundGivenPlace(tx, {
    tenantId: input.tenantId,
    course,
    schoolId: booking.schoolId,
    laCodes: input.laCodes,
    bookingId: booking.id,
    delegateName: booking.delegateName,
    delegateEmail: booking.delegateEmail,
    actorUserId: input.actorUserId,
    now: input.now,
    // On the charge (and so the school's invoice) when the place is charged; unused when it is covered or free.
    purchaseOrderNumber: input.purchaseOrderNumber,
  });
  const { token, tokenHash } = newPlaceToken();
  await tx
    .update(courseBookings)
    .set({ status: 'confirmed', ...funded, accessTokenHash: tokenHash, updatedAt: sql`now()` })
    .where(eq(courseBookings.id, booking.id));
  await queueEmail(
    tx,
    courseEmail({
      kind: 'confirmed',
      course,
      sessions,
      place: placeDetailsOf(course, sessions, {
        schoolName,
        funding: funded.funding,
        pricePence: funded.pricePence,
        vatRateBasisPoints,
        bookedOn: londonDateOf(input.now),
      }),
      booking,
      bookingId: booking.id,
      providerName: input.providerName,
      url: `${input.appUrl}/courses/${input.slug}/place/${token}`,
    }),
  );
  return { status: 'confirmed' as const, funding: funded.funding };
}
