import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courses, courseStatus, courseWaitlistEntries } from '~/db/schema';

export const ZListCoursesInput = z.object({
  status: z.enum(courseStatus.enumValues).optional(),
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
});

/** The manager's list: every course with fill, waiting list and minimum numbers. */
export async function listCourses(tx: Tx, input: z.output<typeof ZListCoursesInput> & { today: string }) {
  const where: SQL[] = [];
  if (input.status) where.push(eq(courses.status, input.status));
  if (input.when === 'upcoming')
    where.push(sql`coalesce(${courses.endsOn}, ${input.today}) >= ${input.today}`);
  if (input.when === 'past') where.push(sql`${courses.endsOn} < ${input.today}`);
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
      waiting: sql<number>`(select count(*)::int from ${courseWaitlistEntries} w where w.course_id = ${courses.id} and w.status = 'waiting')`,
    })
    .from(courses)
    .where(and(...where))
    .orderBy(input.when === 'past' ? desc(courses.startsOn) : asc(courses.startsOn), asc(courses.title));
}
