import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courses, courseWaitlistEntries, schools } from '~/db/schema';
import { queueEmail } from '../email/send-email';
import { untilMoment } from '../format/dates';
import { closedSchoolRefusal } from '../schools/closed-school';
import { courseEmail } from './course-emails';
import { listSessions } from './get-course';
import { newPlaceToken } from './place-token';
import { addWorkingHours } from './working-days';

export type Links = { appUrl: string; slug: string; providerName: string };

/**
 * Ends a waiting-list entry (waiting, or offered and not yet claimed) whose school has closed since the
 * person joined: the place passes over them. The reason, the closed-school refusal a booking would get, stays
 * on the entry for the manager. No email: the offer is never made.
 */
export async function passOverClosedSchool(tx: Tx, entryId: string, reason: string) {
  const [ended] = await tx
    .update(courseWaitlistEntries)
    .set({ status: 'withdrawn', endedReason: reason })
    .where(
      and(
        eq(courseWaitlistEntries.id, entryId),
        inArray(courseWaitlistEntries.status, ['waiting', 'offered']),
      ),
    )
    .returning({ id: courseWaitlistEntries.id });
  return ended !== undefined;
}

/**
 * The first person waiting whose school is still open, locked; those ahead of them whose school closed after
 * they joined are passed over (passOverClosedSchool), as a booking for that school would now be refused.
 */
async function nextOpenWaiting(tx: Tx, courseId: string) {
  const passedOver: string[] = [];
  for (;;) {
    const [next] = await tx
      .select({
        entry: courseWaitlistEntries,
        school: { name: schools.name, status: schools.status, closedOn: schools.closedOn },
      })
      .from(courseWaitlistEntries)
      .innerJoin(schools, eq(schools.id, courseWaitlistEntries.schoolId))
      .where(and(eq(courseWaitlistEntries.courseId, courseId), eq(courseWaitlistEntries.status, 'waiting')))
      .orderBy(asc(courseWaitlistEntries.queuedOrder))
      .limit(1)
      .for('update', { of: courseWaitlistEntries, skipLocked: true });
    const closed = next && closedSchoolRefusal(next.school, 'booking');
    if (!next || !closed) return { next: next?.entry, passedOver };
    await passOverClosedSchool(tx, next.entry.id, closed);
    passedOver.push(next.entry.id);
  }
}

/**
 * A place has come free (a cancellation, an expired hold). The first person waiting whose school is still open
 * is offered it, by email, with a hold of the course's `holdHours` in working hours (addWorkingHours): the
 * place stays counted as taken, so no one else can book it meanwhile. With no one waiting the place goes back
 * into the pool. Call with the course row locked FOR UPDATE (the caller holds it): that mode waits for
 * bookings joining the waiting list under a key-share lock, so the first person waiting is never one still
 * being added (see book-places.ts, CourseLock). `passedOver`: the entries ended on the way, their school
 * having closed.
 */
export async function offerNextPlace(tx: Tx, input: { courseId: string; now: Date } & Links) {
  const [course] = await tx.select().from(courses).where(eq(courses.id, input.courseId));
  if (!course) return { offered: null, passedOver: [] };
  const { next, passedOver } =
    course.status === 'published'
      ? await nextOpenWaiting(tx, input.courseId)
      : { next: undefined, passedOver: [] };
  if (!next) {
    await tx
      .update(courses)
      .set({ placesTaken: sql`${courses.placesTaken} - 1`, updatedAt: sql`now()` })
      .where(eq(courses.id, input.courseId));
    return { offered: null, passedOver };
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
      holdUntil: untilMoment(holdExpiresAt),
    }),
  );
  return { offered: { entryId: next.id, holdExpiresAt, token }, passedOver };
}
