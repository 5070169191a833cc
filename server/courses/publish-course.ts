import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courses } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { longDate } from '../format/dates';
import { listSessions } from './get-course';

export const ZPublishCourseInput = z.object({ id: z.uuid() });

/**
 * A draft goes into the public catalogue and can be booked. Its sessions must all be today or later: a course
 * published with a day that has gone would be booked and invited for that day, as a published course moved into
 * the past would (update-course refuses that too), so the manager is told which session to re-date first.
 */
export async function publishCourse(
  tx: Tx,
  input: {
    id: string;
    /** Today in London (the router's clock; tests pass their own). */
    today?: IsoDate;
  },
) {
  const [draft] = await tx
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.id, input.id), eq(courses.status, 'draft')));
  if (draft) await assertNoPastSessions(tx, input.id, input.today ?? todayInLondon());
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

async function assertNoPastSessions(tx: Tx, courseId: string, today: IsoDate) {
  const sessions = await listSessions(tx, courseId);
  const past = sessions.filter((s) => s.on < today);
  if (past.length === 0) return;
  const days = [...new Set(past.map((s) => longDate(s.on)))];
  throw new DomainError({
    code: 'BAD_REQUEST',
    message:
      days.length === 1
        ? `This course has a session on ${days[0]}, which is in the past. Edit the course and move that session to today or later, then publish it.`
        : `This course has sessions in the past (${days.join(', ')}). Edit the course and move them to today or later, then publish it.`,
  });
}
