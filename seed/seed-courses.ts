import { sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { ZCourseInput } from '~/server/courses/course-inputs';
import { createCourse } from '~/server/courses/create-course';
import { publishCourse } from '~/server/courses/publish-course';
import { demoCourses } from './course-data';

/** Each course workspace's upcoming programme, created and published through the domain functions. */
export async function seedCourses(
  tx: Tx,
  input: {
    tenantIdBySlug: Map<string, string>;
    userIdByEmail: Map<string, string>;
    userNameByEmail: Map<string, string>;
  },
) {
  for (const [slug, list] of Object.entries(demoCourses(todayInLondon()))) {
    const tenantId = input.tenantIdBySlug.get(slug);
    if (!tenantId) continue;
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    for (const seed of list) {
      const facilitators = seed.facilitatorEmails.map((email) => ({
        name: input.userNameByEmail.get(email) ?? email,
        userId: input.userIdByEmail.get(email) ?? null,
      }));
      const course = await createCourse(tx, {
        ...ZCourseInput.parse({ ...seed.input, facilitators }),
        tenantId,
      });
      if (seed.publish) await publishCourse(tx, course);
    }
  }
}
