import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courseBookings } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { queueEmail } from '../email/send-email';
import { ZDelegate } from './booking-inputs';
import { courseEmail } from './course-emails';
import { getCourse } from './get-course';
import { mayActOnPlace, type PlaceViewer } from './my-places';
import type { Links } from './offer-next-place';
import { newPlaceToken } from './place-token';

export const ZSubstituteInput = z.object({ bookingId: z.uuid(), delegate: ZDelegate });

/**
 * Sends a colleague instead: the place, its funding and its history stay. The school's headteacher/SBM, the
 * manager or the delegate themselves may pass it on, before the course starts. The new delegate gets the
 * confirmation with their own place link (and calendar invite); the one they replace is told.
 */
export async function substituteDelegate(
  tx: Tx,
  input: z.output<typeof ZSubstituteInput> & { viewer: PlaceViewer; now: Date; today: string } & Links,
) {
  const [booking] = await tx.select().from(courseBookings).where(eq(courseBookings.id, input.bookingId));
  if (!booking || !mayActOnPlace(input.viewer, booking))
    throw new DomainError({ code: 'NOT_FOUND', message: 'That booking was not found.' });
  if (booking.status !== 'confirmed')
    throw new DomainError({
      code: 'CONFLICT',
      message: 'Only a confirmed place can be passed to a colleague.',
    });
  if (booking.delegateEmail.toLowerCase() === input.delegate.email.toLowerCase())
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'delegate.email',
      message: 'Enter the colleague’s own email address: this place is already theirs.',
    });
  const { course, sessions } = await getCourse(tx, booking.courseId);
  if (!course.startsOn || course.startsOn <= input.today)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'This course has started: its places can no longer be passed on.',
    });
  const { token, tokenHash } = newPlaceToken();
  const previous = [
    ...booking.previousDelegates,
    {
      name: booking.delegateName,
      email: booking.delegateEmail,
      role: booking.delegateRole,
      until: input.now.toISOString(),
    },
  ];
  try {
    await tx
      .update(courseBookings)
      .set({
        delegateName: input.delegate.name,
        delegateEmail: input.delegate.email,
        delegateRole: input.delegate.role,
        delegateUserId: null,
        previousDelegates: previous,
        accessTokenHash: tokenHash,
        updatedAt: sql`now()`,
        inviteSequence: sql`${courseBookings.inviteSequence} + 1`,
      })
      .where(eq(courseBookings.id, booking.id));
  } catch (error) {
    throw new DomainError({
      code: 'CONFLICT',
      field: 'delegate.email',
      message: `${input.delegate.email} already has a place on this course.`,
      cause: error,
    });
  }
  await queueEmail(
    tx,
    courseEmail({
      kind: 'substituted',
      course,
      sessions,
      booking: { delegateName: input.delegate.name, delegateEmail: input.delegate.email },
      bookingId: booking.id,
      providerName: input.providerName,
      url: `${input.appUrl}/courses/${input.slug}/place/${token}`,
    }),
  );
  await queueEmail(
    tx,
    courseEmail({
      kind: 'passed_on',
      course,
      sessions,
      booking: { delegateName: booking.delegateName, delegateEmail: booking.delegateEmail },
      bookingId: booking.id,
      providerName: input.providerName,
      reason: input.delegate.name,
    }),
  );
  return { bookingId: booking.id };
}
