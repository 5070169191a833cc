import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings, courseWaitlistEntries } from '~/db/schema';
import { queueEmail } from '../email/send-email';
import { untilMoment } from '../format/dates';
import { getCourse } from './get-course';
import { courseEmail } from './course-emails';
import { newPlaceToken } from './place-token';

/**
 * Every confirmed delegate is told the course's dates changed, with the new sessions and a link to the updated
 * calendar invite (the same event UIDs with a higher SEQUENCE, so calendars move the events rather than add
 * them). We keep only the hash of a delegate's link, so the email carries a new one; it replaces the earlier
 * link, which stops working. Everyone on the waiting list (waiting, or offered a place on hold) is told the new
 * dates too, with where they stand, but gets no invite: they hold no place.
 */
export async function notifyCourseChanged(
  tx: Tx,
  input: { courseId: string; appUrl: string; slug?: string; providerName?: string; changes?: string[] },
) {
  const { course, sessions } = await getCourse(tx, input.courseId);
  const delegates = await tx
    .select()
    .from(courseBookings)
    .where(and(eq(courseBookings.courseId, input.courseId), eq(courseBookings.status, 'confirmed')));
  for (const booking of delegates) {
    let url: string | undefined;
    if (input.slug) {
      const { token, tokenHash } = newPlaceToken();
      await tx
        .update(courseBookings)
        .set({ accessTokenHash: tokenHash })
        .where(eq(courseBookings.id, booking.id));
      url = `${input.appUrl}/courses/${input.slug}/place/${token}`;
    }
    await queueEmail(
      tx,
      courseEmail({
        kind: 'changed',
        course,
        sessions,
        booking,
        bookingId: booking.id,
        url,
        providerName: input.providerName,
        changes: input.changes,
      }),
    );
  }
  const waiting = await tx
    .select()
    .from(courseWaitlistEntries)
    .where(
      and(
        eq(courseWaitlistEntries.courseId, input.courseId),
        inArray(courseWaitlistEntries.status, ['waiting', 'offered']),
      ),
    )
    .orderBy(asc(courseWaitlistEntries.queuedOrder));
  let position = 0;
  for (const entry of waiting) {
    const offered = entry.status === 'offered' && entry.holdExpiresAt;
    if (!offered) position++;
    await queueEmail(
      tx,
      courseEmail({
        kind: 'waiting_list_changed',
        course,
        sessions,
        booking: entry,
        providerName: input.providerName,
        changes: input.changes,
        ...(offered ? { holdUntil: untilMoment(offered) } : { position }),
      }),
    );
  }
  return { notified: delegates.length, waitingNotified: waiting.length };
}
