import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { attendanceStatus, courseAttendance, courseBookings, courseSessions } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';

export const ZMarkAttendanceInput = z.object({
  sessionId: z.uuid(),
  bookingId: z.uuid(),
  status: z.enum(attendanceStatus.enumValues, { message: 'Choose attended, late or absent.' }),
});
export type TMarkAttendanceInput = z.output<typeof ZMarkAttendanceInput>;

/**
 * The facilitator marks one delegate at one session: attended, late or absent. Marking again replaces the mark
 * (one per delegate per session). Only a confirmed place on the session's own course can be marked.
 */
export async function markAttendance(
  tx: Tx,
  input: TMarkAttendanceInput & { tenantId: string; markedByUserId: string | null },
) {
  const [session] = await tx
    .select({ id: courseSessions.id, courseId: courseSessions.courseId })
    .from(courseSessions)
    .where(eq(courseSessions.id, input.sessionId));
  if (!session) throw new DomainError({ code: 'NOT_FOUND', message: 'That session was not found.' });
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
  return mark!;
}
