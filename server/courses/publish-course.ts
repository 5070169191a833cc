import { eq, sql } from 'drizzle-orm';
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
 *
 * The course row is locked (FOR UPDATE) before the sessions are checked, as every writer of a course locks it
 * (updateCourse through getCourseForUpdate): an edit at the same moment either commits first, and its sessions
 * are the ones checked here, or waits for this publish and then sees a published course, whose sessions it may
 * not move into the past. Checked without the lock, an edit moving a draft's session to yesterday could commit
 * between the check and the publish.
 */
export async function publishCourse(
  tx: Tx,
  input: {
    id: string;
    /** Today in London (the router's clock; tests pass their own). */
    today?: IsoDate;
  },
) {
  const [course] = await tx
    .select({ status: courses.status })
    .from(courses)
    .where(eq(courses.id, input.id))
    .for('update');
  if (!course) throw new DomainError({ code: 'NOT_FOUND', message: 'That course was not found.' });
  if (course.status !== 'draft')
    throw new DomainError({
      code: 'CONFLICT',
      message:
        course.status === 'published'
          ? 'This course is already published.'
          : 'A cancelled course cannot be published.',
    });
  await assertNoPastSessions(tx, input.id, input.today ?? todayInLondon());
  const [published] = await tx
    .update(courses)
    .set({ status: 'published', publishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(courses.id, input.id))
    .returning({ id: courses.id });
  if (!published) throw new DomainError({ code: 'NOT_FOUND', message: 'That course was not found.' });
  return published;
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
