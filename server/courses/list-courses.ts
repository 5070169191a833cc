import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { chargeableItems, courseBookings, courses, courseStatus, courseWaitlistEntries } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { goNoGoDecisionDue, hasRun } from './course-conditions';

export const ZListCoursesInput = z.object({
  status: z.enum(courseStatus.enumValues).optional(),
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
});

/**
 * The manager's list: every course with fill, waiting list, income and minimum numbers. (The subqueries name
 * the outer row as courses.id: drizzle writes a lone table's columns unqualified, and a bare "id" inside a
 * subquery would be the subquery's own.)
 */
export async function listCourses(
  tx: Tx,
  input: z.output<typeof ZListCoursesInput> & { today: IsoDate; now: Date },
) {
  const where: SQL[] = [];
  if (input.status) where.push(eq(courses.status, input.status));
  if (input.when === 'upcoming') where.push(sql`not ${hasRun(input)}`);
  if (input.when === 'past') where.push(hasRun(input));
  return tx
    .select({
      id: courses.id,
      title: courses.title,
      programme: courses.programme,
      format: courses.format,
      status: courses.status,
      startsOn: courses.startsOn,
      endsOn: courses.endsOn,
      capacity: courses.capacity,
      placesTaken: courses.placesTaken,
      minimumNumbers: courses.minimumNumbers,
      goNoGoOn: courses.goNoGoOn,
      waiting: sql<number>`(select count(*)::int from ${courseWaitlistEntries} w where w.course_id = courses.id and w.status = 'waiting')`,
      /** Places a school's staff booked that wait for their headteacher's approval (they hold a place). */
      awaitingApproval: sql<number>`(select count(*)::int from ${courseBookings} b where b.course_id = courses.id and b.status = 'pending_approval')`,
      /** What schools are charged for the course's places (and cancellation / no-show charges), net. */
      incomePence: sql<number>`coalesce((select sum(ci.net_pence) from ${chargeableItems} ci join ${courseBookings} b on b.tenant_id = ci.tenant_id and b.id = ci.source_id where ci.source_type = 'course_booking' and ci.status <> 'cancelled' and b.course_id = courses.id), 0)::int`,
      /** Below its minimum numbers with the go/no-go date within a fortnight (or passed): decide now. */
      decisionDue: sql<boolean>`${goNoGoDecisionDue(input.today)}`,
    })
    .from(courses)
    .where(and(...where))
    .orderBy(input.when === 'past' ? desc(courses.startsOn) : asc(courses.startsOn), asc(courses.title));
}
