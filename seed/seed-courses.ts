import { sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { ZCourseInput } from '~/server/courses/course-inputs';
import { createCourse } from '~/server/courses/create-course';
import { publishCourse } from '~/server/courses/publish-course';
import { demoCourses } from './course-data';
import * as demo from './demo-data';
import { seedPlaces } from './seed-course-bookings';

/**
 * Each course workspace's programme, created and published through the domain functions: its upcoming courses,
 * with the demo schools' places on some, and a course that ran a few weeks ago with its register and evaluations.
 */
export async function seedCourses(
  tx: Tx,
  input: {
    tenantIdBySlug: Map<string, string>;
    schoolIdsBySlug: Map<string, Map<number, string>>;
    userIdByEmail: Map<string, string>;
    userNameByEmail: Map<string, string>;
  },
) {
  const schoolByUrn = new Map(demo.allSchools.map((s) => [s.urn, s]));
  for (const [slug, list] of Object.entries(demoCourses(todayInLondon()))) {
    const tenantId = input.tenantIdBySlug.get(slug);
    const tenant = demo.tenants.find((t) => t.slug === slug);
    if (!tenantId || !tenant) continue;
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    const schoolIds = input.schoolIdsBySlug.get(slug) ?? new Map<number, string>();
    const schools = tenant.schoolUrns.flatMap((urn) => {
      const school = schoolByUrn.get(urn);
      const id = schoolIds.get(urn);
      return school && id ? [{ school, id }] : [];
    });
    const manager = demo.users.find((u) =>
      (u.memberships[slug] ?? []).some((m) => m.role === 'tenant_admin'),
    );
    for (const seed of list) {
      const facilitators = seed.facilitatorEmails.map((email) => ({
        name: input.userNameByEmail.get(email) ?? email,
        userId: input.userIdByEmail.get(email) ?? null,
      }));
      const parsed = ZCourseInput.parse({ ...seed.input, facilitators });
      const course = await createCourse(tx, { ...parsed, tenantId });
      if (!seed.publish) continue;
      await publishCourse(tx, { id: course.id, today: seed.places?.ran?.bookedOn });
      if (seed.places)
        await seedPlaces(tx, {
          tenant,
          tenantId,
          course: { id: course.id, title: parsed.title, phase: parsed.phase ?? '' },
          places: seed.places,
          schools,
          managerUserId: input.userIdByEmail.get(manager?.email.toLowerCase() ?? '') ?? '',
          appUrl: process.env.NEXTAUTH_URL ?? 'http://localhost:3000',
        });
    }
  }
}
