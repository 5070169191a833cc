import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import {
  attendanceStatus,
  chargeableItems,
  courseAttendance,
  courseBookings,
  courses,
  courseSessions,
} from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { longDate } from '~/server/format/dates';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { recordCharge } from '../entitlements/draw-down-entitlement';
import { shareOf } from './cancellation-terms';
import { draftHasNoRegister } from './get-register';

export const ZMarkAttendanceInput = z.object({
  sessionId: z.uuid(),
  bookingId: z.uuid(),
  status: z.enum(attendanceStatus.enumValues, { message: 'Choose attended, late or absent.' }),
});
export type TMarkAttendanceInput = z.output<typeof ZMarkAttendanceInput>;

/**
 * The facilitator marks one delegate at one session: attended, late or absent. Marking again replaces the mark
 * (one per delegate per session). Only a confirmed place on the session's own course can be marked, a draft
 * course has no register (no one can book it until it is published), and a mark is made only from the session's
 * day: a mark made ahead would say someone was there before anyone could be, and an
 * "absent" made ahead could raise a no-show charge.
 */
export async function markAttendance(
  tx: Tx,
  input: TMarkAttendanceInput & { tenantId: string; markedByUserId: string | null },
  today: IsoDate = todayInLondon(),
) {
  const [session] = await tx
    .select({
      id: courseSessions.id,
      courseId: courseSessions.courseId,
      on: courseSessions.on,
      courseStatus: courses.status,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(eq(courseSessions.id, input.sessionId));
  if (!session) throw new DomainError({ code: 'NOT_FOUND', message: 'That session was not found.' });
  if (session.courseStatus === 'draft')
    throw new DomainError({ code: 'CONFLICT', message: draftHasNoRegister });
  if (session.on > today)
    throw new DomainError({
      code: 'CONFLICT',
      message: `This session is on ${longDate(session.on)}: its register can be marked from that day.`,
    });
  const [booking] = await tx
    .select({ id: courseBookings.id, status: courseBookings.status })
    .from(courseBookings)
    .where(and(eq(courseBookings.id, input.bookingId), eq(courseBookings.courseId, session.courseId)));
  if (!booking)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That delegate is not booked on this course.' });
  if (booking.status !== 'confirmed')
    throw new DomainError({
      code: 'CONFLICT',
      message: 'Only delegates with a confirmed place can be marked on the register.',
    });
  const [mark] = await tx
    .insert(courseAttendance)
    .values({
      tenantId: input.tenantId,
      bookingId: input.bookingId,
      sessionId: input.sessionId,
      status: input.status,
      markedByUserId: input.markedByUserId,
    })
    .onConflictDoUpdate({
      target: [courseAttendance.tenantId, courseAttendance.bookingId, courseAttendance.sessionId],
      set: { status: input.status, markedByUserId: input.markedByUserId, markedAt: sql`now()` },
    })
    .returning({ id: courseAttendance.id, status: courseAttendance.status });
  const noShow = await applyNoShowTerms(tx, { bookingId: input.bookingId, courseId: session.courseId });
  return { ...mark!, noShow };
}

/**
 * The course's no-show terms, applied as the register is kept: a delegate marked absent at every session of
 * the course is charged the no-show share of the school's price, once (the charge is the booking's penalty
 * charge). Only a place drawn from an entitlement is charged: a charged place is already paid for, and a free
 * course costs nothing. Marking any session attended or late again removes the charge while it is uninvoiced;
 * an invoiced one is left for finance (a credit note) and reported.
 */
export async function applyNoShowTerms(tx: Tx, input: { bookingId: string; courseId: string }) {
  const [[booking], [course], sessions, marks] = await Promise.all([
    tx.select().from(courseBookings).where(eq(courseBookings.id, input.bookingId)),
    tx.select().from(courses).where(eq(courses.id, input.courseId)),
    tx
      .select({ id: courseSessions.id })
      .from(courseSessions)
      .where(eq(courseSessions.courseId, input.courseId)),
    tx
      .select({ status: courseAttendance.status })
      .from(courseAttendance)
      .where(eq(courseAttendance.bookingId, input.bookingId)),
  ]);
  if (!booking || !course) return null;
  const absentThroughout =
    sessions.length > 0 && marks.length >= sessions.length && marks.every((m) => m.status === 'absent');
  const percent = course.cancellationTerms.noShowPercent;
  if (absentThroughout) {
    if (booking.penaltyChargeItemId || booking.funding !== 'entitlement' || percent <= 0) return null;
    const pence = shareOf(booking.pricePence, percent);
    if (pence <= 0) return null;
    const charge = await recordCharge(tx, {
      tenantId: booking.tenantId,
      schoolId: booking.schoolId,
      description: `${course.title}: did not attend (${percent}%) — ${booking.delegateName}`,
      unitPricePence: pence,
      quantityHundredths: 100,
      vatRateBasisPoints: course.vatRateBasisPoints,
      pricedAsMember: false,
      sourceType: 'course_booking',
      sourceId: booking.id,
    });
    await tx
      .update(courseBookings)
      .set({ penaltyChargeItemId: charge.id, updatedAt: sql`now()` })
      .where(eq(courseBookings.id, booking.id));
    return { charged: pence } as const;
  }
  if (!booking.penaltyChargeItemId) return null;
  const [removed] = await tx
    .update(chargeableItems)
    .set({ status: 'cancelled' })
    .where(and(eq(chargeableItems.id, booking.penaltyChargeItemId), eq(chargeableItems.status, 'uninvoiced')))
    .returning({ id: chargeableItems.id });
  if (!removed) return { invoiced: true } as const;
  await tx
    .update(courseBookings)
    .set({ penaltyChargeItemId: null, updatedAt: sql`now()` })
    .where(eq(courseBookings.id, booking.id));
  return { removed: true } as const;
}
