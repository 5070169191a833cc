import { and, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseBookings } from '~/db/schema';
import { queueEmail } from '../email/send-email';
import { getCourse } from './get-course';
import { renderCourseEmail } from './course-emails';

/** Every confirmed delegate is told the course's dates changed, with the new calendar invites. */
export async function notifyCourseChanged(tx: Tx, input: { courseId: string; appUrl: string }) {
  const { course, sessions } = await getCourse(tx, input.courseId);
  const delegates = await tx
    .select()
    .from(courseBookings)
    .where(and(eq(courseBookings.courseId, input.courseId), eq(courseBookings.status, 'confirmed')));
  for (const booking of delegates) {
    await queueEmail(tx, await renderCourseEmail({ kind: 'changed', course, sessions, booking }));
  }
  return { notified: delegates.length };
}
