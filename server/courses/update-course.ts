import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courses, courseWaitlistEntries, type ModuleKey } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { longDate } from '../format/dates';
import { ZCourseInput, type TCourseInput } from './course-inputs';
import { assertCourseModules } from './course-modules';
import { courseValues, writeSessions } from './course-rows';
import { getCourseForUpdate } from './get-course';
import { sessionChangeLines, sessionsChanged } from './session-changes';
import { notifyCourseChanged } from './notify-course-changed';
import { offerNextPlace } from './offer-next-place';

export const ZUpdateCourseInput = z.object({
  id: z.uuid(),
  course: ZCourseInput,
  /**
   * Places added by a higher capacity go to the people waiting, in turn, as freed places do. Left off, the
   * manager may offer them to whom they choose ("Offer a place now"), or leave them on sale.
   */
  offerAddedPlaces: z.boolean().default(false),
});

/**
 * A manager edits a course. Capacity may not drop below the places already taken; a published course's
 * sessions may not move into the past (assertNotRedatedIntoPast); when the dates or times change, every booked
 * delegate is told, with updated calendar invites. With `offerAddedPlaces`, places a higher capacity adds to a
 * published course are offered to the people waiting, in turn (offerAddedPlaces).
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
    now?: Date;
    offerAddedPlaces?: boolean;
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
  const waitingListOffered = input.offerAddedPlaces
    ? await offerAddedPlaces(tx, {
        ...input,
        added: course.status === 'published' ? input.course.capacity - course.capacity : 0,
      })
    : 0;
  return { id: input.id, datesChanged: changed, waitingListOffered };
}

/**
 * Offers places added to a published course to the people waiting, one each in turn (as many as were added
 * and are waiting): each is taken as a booking would take it, then handed to offerNextPlace, which holds it
 * for the next person and emails them. The course row is locked already (getCourseForUpdate).
 */
async function offerAddedPlaces(
  tx: Tx,
  input: { id: string; added: number; appUrl: string; slug?: string; providerName: string; now?: Date },
) {
  if (input.added <= 0 || !input.slug) return 0;
  const [waiting] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(courseWaitlistEntries)
    .where(and(eq(courseWaitlistEntries.courseId, input.id), eq(courseWaitlistEntries.status, 'waiting')));
  let offered = 0;
  for (let i = 0; i < Math.min(input.added, waiting?.n ?? 0); i++) {
    const [taken] = await tx
      .update(courses)
      .set({ placesTaken: sql`${courses.placesTaken} + 1`, updatedAt: sql`now()` })
      .where(and(eq(courses.id, input.id), sql`${courses.placesTaken} < ${courses.capacity}`))
      .returning({ id: courses.id });
    if (!taken) break;
    const next = await offerNextPlace(tx, {
      courseId: input.id,
      now: input.now ?? new Date(),
      appUrl: input.appUrl,
      slug: input.slug,
      providerName: input.providerName,
    });
    if (next.offered) offered++;
  }
  return offered;
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
