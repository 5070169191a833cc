import { priceNamesOf } from '../catalogue/price-names';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courses, governors } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { previewBooking } from '../courses/preview-booking';
import { DomainError } from '../errors/domain-error';
import { mayManageBoard } from './board-access';
import { statutoryFreeEmails } from './statutory-free-places';

/** Governor training needs the courses module: the courses run on its engine. */
export function assertCoursesOn(actor: Actor) {
  if (!actor.modules.includes('courses'))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: `Courses are not switched on for ${actor.name}, so governor training cannot be booked here.`,
    });
}

/**
 * Governor courses open for booking, with what a place costs this governor: free by statute (a governor of
 * a maintained school on a course so marked), covered by the school's governing-body package, or the price.
 */
export async function listGovernorTrainingCourses(
  tx: Tx,
  actor: Actor,
  input: { schoolId: string; governorId?: string; today: IsoDate },
) {
  assertCoursesOn(actor);
  const [own] = await tx
    .select()
    .from(governors)
    .where(
      and(
        eq(governors.schoolId, input.schoolId),
        input.governorId ? eq(governors.id, input.governorId) : eq(governors.userId, actor.userId),
        isNull(governors.steppedDownOn),
      ),
    );
  if (!own || (own.userId !== actor.userId && !(await mayManageBoard(tx, actor, input.schoolId))))
    throw new DomainError({ code: 'NOT_FOUND', message: 'That governor was not found.' });
  const open = await tx
    .select()
    .from(courses)
    .where(
      and(
        eq(courses.programme, 'governor_training'),
        eq(courses.status, 'published'),
        gt(courses.startsOn, input.today),
      ),
    )
    .orderBy(asc(courses.startsOn));
  const statutory = open.filter((c) => c.statutoryFreeForGovernors);
  const freeOn = new Set<string>();
  if (own.email && statutory.length > 0) {
    const free = await statutoryFreeEmails(tx, {
      course: { statutoryFreeForGovernors: true },
      schoolId: input.schoolId,
      emails: [own.email],
    });
    if (free.size > 0) for (const c of statutory) freeOn.add(c.id);
  }
  const rows = [];
  for (const c of open.filter((c) => !c.bookingDeadline || c.bookingDeadline >= input.today)) {
    const preview = await previewBooking(tx, {
      courseId: c.id,
      schoolId: input.schoolId,
      places: 1,
      laCodes: actor.laCodes,
      today: input.today,
      priceNames: priceNamesOf(actor.settings),
    });
    const cost: 'statutory_free' | 'free' | 'package' | 'charged' = freeOn.has(c.id)
      ? 'statutory_free'
      : preview.free > 0
        ? 'free'
        : preview.covered > 0
          ? 'package'
          : 'charged';
    rows.push({
      id: c.id,
      title: c.title,
      startsOn: c.startsOn,
      format: c.format,
      venue: c.venue,
      statutoryFreeForGovernors: c.statutoryFreeForGovernors,
      placesLeft: preview.placesLeft,
      cost,
      pricePence: cost === 'charged' ? preview.unitPricePence : 0,
    });
  }
  return { governor: { id: own.id, name: own.name }, courses: rows };
}
