import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import {
  chargeableItems,
  courseBookings,
  courses,
  courseSessions,
  courseStatus,
  courseWaitlistEntries,
} from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { addDays } from './london-time';

export const ZListCoursesInput = z.object({
  status: z.enum(courseStatus.enumValues).optional(),
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
});

/**
 * A course has run once its last session has ended: a last day before today (London), or today with every
 * session of the day over by `now` (a session's ends_at is its London end time as an instant). One still
 * running today, or with a session later today, is upcoming. A course with no dates yet is upcoming.
 */
const hasRun = (at: { today: IsoDate; now: Date }) =>
  sql`(${courses.endsOn} is not null and (${courses.endsOn} < ${at.today} or (${courses.endsOn} = ${at.today} and not exists (select 1 from ${courseSessions} s where s.course_id = courses.id and s.ends_at > ${at.now.toISOString()}::timestamptz))))`;

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
      /** What schools are charged for the course's places (and cancellation / no-show charges), net. */
      incomePence: sql<number>`coalesce((select sum(ci.net_pence) from ${chargeableItems} ci join ${courseBookings} b on b.tenant_id = ci.tenant_id and b.id = ci.source_id where ci.source_type = 'course_booking' and ci.status <> 'cancelled' and b.course_id = courses.id), 0)::int`,
      /** Below its minimum numbers with the go/no-go date within a fortnight (or passed): decide now. */
      decisionDue: sql<boolean>`(${courses.status} = 'published' and ${courses.placesTaken} < ${courses.minimumNumbers} and ${courses.goNoGoOn} is not null and ${courses.goNoGoOn} <= ${addDays(input.today, 14)})`,
    })
    .from(courses)
    .where(and(...where))
    .orderBy(input.when === 'past' ? desc(courses.startsOn) : asc(courses.startsOn), asc(courses.title));
}
