import { and, eq, lte } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courses, courseWaitlistEntries } from '~/db/schema';
import { queueEmail } from '../email/send-email';
import { courseEmail } from './course-emails';
import { listSessions } from './get-course';
import { offerNextPlace, type Links } from './offer-next-place';

/**
 * The scheduled job's body: every offer whose hold has run out (its end, counted in working hours, was set
 * when it was offered: offer-next-place.ts) expires (the person is told, and the tentative events the offer's
 * invite added are cancelled) and its place passes to the next person waiting (or back to the pool).
 * Idempotent: a second run at the same moment finds nothing to do, and SKIP LOCKED lets two runs share the work
 * without waiting on each other.
 */
export async function expireHolds(tx: Tx, input: { now: Date } & Links) {
  const due = await tx
    .select()
    .from(courseWaitlistEntries)
    .where(
      and(eq(courseWaitlistEntries.status, 'offered'), lte(courseWaitlistEntries.holdExpiresAt, input.now)),
    )
    .for('update', { skipLocked: true });
  let passedOn = 0;
  for (const entry of due) {
    // The course row first, as bookings take it: the place moves under the same lock they queue on.
    const [course] = await tx.select().from(courses).where(eq(courses.id, entry.courseId)).for('update');
    await tx
      .update(courseWaitlistEntries)
      .set({ status: 'expired' })
      .where(eq(courseWaitlistEntries.id, entry.id));
    // The offer put the sessions in their calendar as tentative: the email says the hold ended and takes them out.
    if (course)
      await queueEmail(
        tx,
        courseEmail({
          kind: 'offer_expired',
          course,
          sessions: await listSessions(tx, course.id),
          booking: entry,
          offerEntryId: entry.id,
          providerName: input.providerName,
        }),
      );
    const { offered } = await offerNextPlace(tx, { ...input, courseId: entry.courseId });
    if (offered) passedOn++;
  }
  return { expired: due.length, passedOn };
}
