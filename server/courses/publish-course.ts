import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courses } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';

export const ZPublishCourseInput = z.object({ id: z.uuid() });

/** A draft goes into the public catalogue and can be booked. */
export async function publishCourse(tx: Tx, input: { id: string }) {
  const [published] = await tx
    .update(courses)
    .set({ status: 'published', publishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(courses.id, input.id), eq(courses.status, 'draft')))
    .returning({ id: courses.id });
  if (published) return published;
  const [course] = await tx.select({ status: courses.status }).from(courses).where(eq(courses.id, input.id));
  if (!course) throw new DomainError({ code: 'NOT_FOUND', message: 'That course was not found.' });
  throw new DomainError({
    code: 'CONFLICT',
    message:
      course.status === 'published'
        ? 'This course is already published.'
        : 'A cancelled course cannot be published.',
  });
}
