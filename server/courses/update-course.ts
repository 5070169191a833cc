import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courses, type ModuleKey } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { longDate } from '../format/dates';
import { ZCourseInput, type TCourseInput } from './course-inputs';
import { assertCourseModules } from './course-modules';
import { courseValues, writeSessions } from './course-rows';
import { getCourseForUpdate } from './get-course';
import { sessionChangeLines, sessionsChanged } from './session-changes';
import { notifyCourseChanged } from './notify-course-changed';

export const ZUpdateCourseInput = z.object({ id: z.uuid(), course: ZCourseInput });

/**
 * A manager edits a course. Capacity may not drop below the places already taken; a published course's
 * sessions may not move into the past (assertNotRedatedIntoPast); when the dates or times change, every booked
 * delegate is told, with updated calendar invites.
 */
export async function updateCourse(
  tx: Tx,
  input: {
    id: string;
    course: TCourseInput;
    tenantId: string;
    appUrl: string;
    slug?: string;
    providerName: string;
    /** The workspace's modules: a course becomes an induction or governor course only where they are on. */
    modules: readonly ModuleKey[];
    /** Today in London (the router's clock; tests pass their own). */
    today?: IsoDate;
  },
) {
  const { course, sessions } = await getCourseForUpdate(tx, input.id);
  if (course.status === 'cancelled')
    throw new DomainError({
      code: 'CONFLICT',
      message: 'This course has been cancelled and cannot be edited.',
    });
  assertCourseModules(
    { name: input.providerName, modules: input.modules },
    input.course,
    course,
    (name) => `course.${name}`,
  );
  if (course.status === 'published')
    assertNotRedatedIntoPast(sessions, input.course.sessions, input.today ?? todayInLondon());
  if (input.course.capacity < course.placesTaken)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'course.capacity',
      message: `${course.placesTaken} places are already taken: the capacity cannot be lower than that.`,
    });
  await tx
    .update(courses)
    .set({
      ...courseValues(input.course, course.vatRateBasisPoints),
      updatedAt: sql`now()`,
      inviteSequence: sql`${courses.inviteSequence} + 1`,
    })
    .where(eq(courses.id, input.id));
  await writeSessions(tx, input.tenantId, input.id, input.course.sessions);
  const changed = sessionsChanged(sessions, input.course.sessions);
  if (changed && course.status === 'published')
    await notifyCourseChanged(tx, {
      courseId: input.id,
      appUrl: input.appUrl,
      slug: input.slug,
      providerName: input.providerName,
      changes: sessionChangeLines(sessions, input.course.sessions),
    });
  return { id: input.id, datesChanged: changed };
}

/**
 * A published course may not be moved into the past: its delegates would be sent an invitation for a day that
 * has gone, and "courses that have run" would gain a course nobody ran. So a session put on a date before today
 * (moved there, or added) is refused, on that session's date field. A session already on a past date keeps it,
 * so a course that has started or run can still be edited, and a past session's times corrected (same day).
 * A draft may hold past dates: nobody has booked or been told, and a copy of an old course is re-dated as a draft.
 */
function assertNotRedatedIntoPast(
  before: readonly { on: IsoDate }[],
  after: TCourseInput['sessions'],
  today: IsoDate,
) {
  const pastDays = new Set(before.map((s) => s.on).filter((on) => on < today));
  after.forEach((s, i) => {
    if (s.on < today && !pastDays.has(s.on))
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: `course.sessions.${i}.on`,
        message: `${longDate(s.on)} is in the past: a published course’s sessions can only be moved to today or later.`,
      });
  });
}
