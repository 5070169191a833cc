import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courses, courseWaitlistEntries } from '~/db/schema';
import { queueEmail } from '../email/send-email';
import { dateAndTime } from '../format/dates';
import { courseEmail } from './course-emails';
import { listSessions } from './get-course';
import { newPlaceToken } from './place-token';
import { addWorkingHours } from './working-days';

export type Links = { appUrl: string; slug: string; providerName: string };

/**
 * A place has come free (a cancellation, an expired hold). The first person waiting is offered it, by email,
 * with a hold of the course's `holdHours` in working hours (addWorkingHours): the place stays counted as taken,
 * so no one else can book it meanwhile. With no one waiting the place goes back into the pool. Call with the
 * course row locked FOR UPDATE (the caller holds it): that mode waits for bookings joining the waiting list
 * under a key-share lock, so the first person waiting is never one still being added (see book-places.ts,
 * CourseLock).
 */
export async function offerNextPlace(tx: Tx, input: { courseId: string; now: Date } & Links) {
  const [course] = await tx.select().from(courses).where(eq(courses.id, input.courseId));
  if (!course) return { offered: null };
  const [next] =
    course.status === 'published'
      ? await tx
          .select()
          .from(courseWaitlistEntries)
          .where(
            and(
              eq(courseWaitlistEntries.courseId, input.courseId),
              eq(courseWaitlistEntries.status, 'waiting'),
            ),
          )
          .orderBy(asc(courseWaitlistEntries.queuedOrder))
          .limit(1)
          .for('update', { skipLocked: true })
      : [];
  if (!next) {
    await tx
      .update(courses)
      .set({ placesTaken: sql`${courses.placesTaken} - 1`, updatedAt: sql`now()` })
      .where(eq(courses.id, input.courseId));
    return { offered: null };
  }
  // Working hours: an offer made on a Friday afternoon is not lost over the weekend or a bank holiday. The
  // expiry job compares this moment with its clock, so it follows the same rule.
  const holdExpiresAt = addWorkingHours(input.now, course.holdHours);
  const { token, tokenHash } = newPlaceToken();
  await tx
    .update(courseWaitlistEntries)
    .set({ status: 'offered', offeredAt: input.now, holdExpiresAt, claimTokenHash: tokenHash })
    .where(eq(courseWaitlistEntries.id, next.id));
  await queueEmail(
    tx,
    courseEmail({
      kind: 'offer',
      course,
      sessions: await listSessions(tx, course.id),
      booking: next,
      offerEntryId: next.id,
      providerName: input.providerName,
      url: `${input.appUrl}/courses/${input.slug}/claim/${token}`,
      holdUntil: dateAndTime(holdExpiresAt),
    }),
  );
  return { offered: { entryId: next.id, holdExpiresAt, token } };
}
