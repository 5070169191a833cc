import type { Tx } from '~/db/client';
import { courses } from '~/db/schema';
import type { TCourseInput } from './course-inputs';
import { courseValues, writeSessions } from './course-rows';

/** A manager creates a course as a draft, with its sessions; it is bookable once published. */
export async function createCourse(tx: Tx, input: TCourseInput & { tenantId: string }) {
  const [course] = await tx
    .insert(courses)
    .values({ tenantId: input.tenantId, ...courseValues(input) })
    .returning({ id: courses.id });
  if (!course) throw new Error('could not create the course');
  await writeSessions(tx, input.tenantId, course.id, input.sessions);
  return { id: course.id };
}
