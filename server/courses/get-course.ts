import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings, courseSessions, courses, courseWaitlistEntries } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';

const notFound = () => new DomainError({ code: 'NOT_FOUND', message: 'That course was not found.' });

export function listSessions(tx: Tx, courseId: string) {
  return tx
    .select()
    .from(courseSessions)
    .where(eq(courseSessions.courseId, courseId))
    .orderBy(asc(courseSessions.sequence));
}

/** A course with its sessions and how full it is. */
export async function getCourse(tx: Tx, courseId: string) {
  const [course] = await tx.select().from(courses).where(eq(courses.id, courseId));
  if (!course) throw notFound();
  const [sessions, [counts]] = await Promise.all([
    listSessions(tx, courseId),
    tx
      .select({
        confirmed: sql<number>`(select count(*)::int from ${courseBookings} where ${courseBookings.courseId} = ${courseId} and ${courseBookings.status} = 'confirmed')`,
        pending: sql<number>`(select count(*)::int from ${courseBookings} where ${courseBookings.courseId} = ${courseId} and ${courseBookings.status} = 'pending_approval')`,
        waiting: sql<number>`(select count(*)::int from ${courseWaitlistEntries} where ${courseWaitlistEntries.courseId} = ${courseId} and ${courseWaitlistEntries.status} = 'waiting')`,
        onHold: sql<number>`(select count(*)::int from ${courseWaitlistEntries} where ${courseWaitlistEntries.courseId} = ${courseId} and ${courseWaitlistEntries.status} = 'offered')`,
      })
      .from(sql`(select 1) as one`),
  ]);
  return {
    course,
    sessions,
    counts: counts ?? { confirmed: 0, pending: 0, waiting: 0, onHold: 0 },
    placesLeft: course.capacity - course.placesTaken,
  };
}

/** The course row locked for a change that must not interleave with bookings (edit, cancel). */
export async function getCourseForUpdate(tx: Tx, courseId: string) {
  const [course] = await tx.select().from(courses).where(eq(courses.id, courseId)).for('update');
  if (!course) throw notFound();
  return { course, sessions: await listSessions(tx, courseId) };
}
