import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courses, courseWaitlistEntries, schools } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { refuseIfClosed } from '../schools/closed-school';
import { offerNextPlace, type Links } from './offer-next-place';

export const ZPromoteInput = z.object({ entryId: z.uuid() });

/**
 * A manager offers a waiting person a place now, ahead of the queue: a free place is taken for them (the
 * same conditional UPDATE as a booking) and they get the offer email with its hold. A full course refuses, and
 * so does a school that has closed since they joined (as a booking for it would be refused).
 */
export async function promoteFromWaitlist(tx: Tx, input: { entryId: string; now: Date } & Links) {
  const [entry] = await tx
    .select()
    .from(courseWaitlistEntries)
    .where(eq(courseWaitlistEntries.id, input.entryId));
  if (!entry) throw new DomainError({ code: 'NOT_FOUND', message: 'That waiting-list entry was not found.' });
  if (entry.status !== 'waiting')
    throw new DomainError({ code: 'CONFLICT', message: 'This person is no longer waiting.' });
  const [school] = await tx
    .select({ name: schools.name, status: schools.status, closedOn: schools.closedOn })
    .from(schools)
    .where(eq(schools.id, entry.schoolId));
  if (school) refuseIfClosed(school, 'booking');
  const [taken] = await tx
    .update(courses)
    .set({ placesTaken: sql`${courses.placesTaken} + 1`, updatedAt: sql`now()` })
    .where(
      sql`${courses.id} = ${entry.courseId} and ${courses.placesTaken} < ${courses.capacity} and ${courses.status} = 'published'`,
    )
    .returning({ id: courses.id });
  if (!taken)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'The course is full. Raise its capacity first, or wait for a cancellation.',
    });
  // Put this person at the head of the queue, then offer as for any freed place.
  await tx
    .update(courseWaitlistEntries)
    .set({
      queuedOrder: sql`(select coalesce(min(w.queued_order), 1) - 1 from ${courseWaitlistEntries} w where w.course_id = ${entry.courseId})`,
    })
    .where(eq(courseWaitlistEntries.id, entry.id));
  return offerNextPlace(tx, { ...input, courseId: entry.courseId });
}
