import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courses, courseSessions } from '~/db/schema';
import { addDays, londonToUtc } from './london-time';
import { getCourse } from './get-course';

export const ZDuplicateCourseInput = z.object({
  id: z.uuid(),
  /** The new first date; every session moves by the same number of days. */
  startsOn: z.iso.date({ message: 'Enter the new first date.' }),
  title: z.string().trim().min(3).max(160).optional(),
});

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** Runs a course again: a new draft with the same details and its sessions moved to the new start. */
export async function duplicateCourse(
  tx: Tx,
  input: z.output<typeof ZDuplicateCourseInput> & { tenantId: string },
) {
  const { course, sessions } = await getCourse(tx, input.id);
  const shift = course.startsOn ? daysBetween(course.startsOn, input.startsOn) : 0;
  const move = (d: string | null) => (d ? addDays(d, shift) : null);
  const {
    id: _id,
    search: _search,
    createdAt: _c,
    updatedAt: _u,
    inviteSequence: _sequence,
    ...rest
  } = course;
  const [copy] = await tx
    .insert(courses)
    .values({
      ...rest,
      title: input.title ?? course.title,
      status: 'draft',
      placesTaken: 0,
      publishedAt: null,
      cancelledAt: null,
      cancelledReason: null,
      duplicatedFromId: course.id,
      startsOn: move(course.startsOn),
      endsOn: move(course.endsOn),
      bookingDeadline: move(course.bookingDeadline),
      goNoGoOn: move(course.goNoGoOn),
    })
    .returning({ id: courses.id });
  if (!copy) throw new Error('could not copy the course');
  if (sessions.length > 0)
    await tx.insert(courseSessions).values(
      sessions.map((s) => {
        const on = addDays(s.on, shift);
        return {
          tenantId: input.tenantId,
          courseId: copy.id,
          sequence: s.sequence,
          title: s.title,
          kind: s.kind,
          on,
          startTime: s.startTime,
          endTime: s.endTime,
          startsAt: londonToUtc(on, s.startTime),
          endsAt: londonToUtc(on, s.endTime),
          required: s.required,
        };
      }),
    );
  return { id: copy.id };
}
