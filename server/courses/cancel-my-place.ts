import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import type { IsoDate } from '../catalogue/academic-year';
import { cancelBooking } from './cancel-booking';
import { isDelegate, type PlaceViewer } from './my-places';
import type { Links } from './offer-next-place';

/**
 * The delegate (a governor, a member of staff, an ECT) cancels their own place, signed in as the person booked.
 * Nobody else's: another person's place is "not found", as it is to a stranger. The cancellation is the
 * school's (cancelBooking, limited to the place's school), so the course's terms apply exactly as when the
 * headteacher cancels: free until the last free day, the late share charged to the school after it, and the
 * place offered to the first person waiting.
 */
export async function cancelMyPlace(
  tx: Tx,
  viewer: PlaceViewer,
  input: { bookingId: string; reason: string; today: IsoDate; now: Date } & Links,
) {
  const [booking] = await tx
    .select({
      schoolId: courseBookings.schoolId,
      delegateUserId: courseBookings.delegateUserId,
      delegateEmail: courseBookings.delegateEmail,
    })
    .from(courseBookings)
    .where(eq(courseBookings.id, input.bookingId));
  if (!booking || !isDelegate(viewer, booking))
    throw new DomainError({ code: 'NOT_FOUND', message: 'That place was not found.' });
  return cancelBooking(tx, {
    ...input,
    schoolId: booking.schoolId,
    actorUserId: viewer.userId,
  });
}
