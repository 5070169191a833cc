import type { Tx } from '~/db/client';
import { courses } from '~/db/schema';
import type { TCourseInput } from './course-inputs';
import { courseValues, writeSessions } from './course-rows';
import { courseVatDefault } from './course-vat';

/**
 * A manager creates a course as a draft, with its sessions; it is bookable once published. Unless the input names a
 * VAT rate, the course takes the rate the workspace's invoice settings give services.
 */
export async function createCourse(tx: Tx, input: TCourseInput & { tenantId: string }) {
  const vatRate =
    input.vatRatePercent === undefined ? (await courseVatDefault(tx, input.tenantId)).rateBasisPoints : 0;
  const [course] = await tx
    .insert(courses)
    .values({ tenantId: input.tenantId, ...courseValues(input, vatRate) })
    .returning({ id: courses.id });
  if (!course) throw new Error('could not create the course');
  await writeSessions(tx, input.tenantId, course.id, input.sessions);
  return { id: course.id };
}
