import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courses, governors } from '~/db/schema';
import type { Actor } from '../access/actor';
import { courseManagers, governanceOfficers, hasRole } from '../access/role-groups';
import type { IsoDate } from '../catalogue/academic-year';
import { priceNamesOf } from '../catalogue/price-names';
import { bookPlaces } from '../courses/book-places';
import { previewBooking } from '../courses/preview-booking';
import { DomainError } from '../errors/domain-error';
import { mayManageBoard } from './board-access';
import { assertCoursesOn } from './governor-training-courses';
import { categoryLabels } from './labels';

/**
 * Whether the school oversees this booking: a governor (or the chair or clerk for the board) spends the
 * school's money, so its headteacher / business manager hears of a charged place, or approves it first when the
 * school has every staff booking approved. The school's own head and the workspace's officers booking for a
 * board need neither.
 */
const schoolOversees = (actor: Actor, schoolId: string) =>
  !hasRole(actor.roles, governanceOfficers) &&
  !hasRole(actor.roles, courseManagers) &&
  !actor.memberships.some((m) => m.role === 'school_admin' && m.schoolId === schoolId);

/**
 * Books governor training on the course engine: a governor books for themself; the board's chair or clerk
 * (or the headteacher, or the LA) books for governors of the board. Places are priced like every other booking, except
 * that statutory training is free to governors of maintained schools (see statutory-free-places.ts). A place
 * a governor books that is charged to the school is told to the school's head (bookPlaces' tellSchoolOfCharges), or
 * held for the school's approval like a staff booking when the school (or the course) asks for that; places free
 * by statute or covered by the school's package need neither.
 */
export async function bookGovernorTraining(
  tx: Tx,
  actor: Actor,
  input: { courseId: string; schoolId: string; governorIds: string[]; today: IsoDate },
) {
  assertCoursesOn(actor);
  const [course] = await tx
    .select({ programme: courses.programme })
    .from(courses)
    .where(eq(courses.id, input.courseId));
  if (!course) throw new DomainError({ code: 'NOT_FOUND', message: 'That course was not found.' });
  if (course.programme !== 'governor_training')
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'That course is not governor training; book it from the courses page.',
    });
  const onBoard = and(eq(governors.schoolId, input.schoolId), isNull(governors.steppedDownOn));
  const chosen =
    input.governorIds.length === 0
      ? await tx
          .select()
          .from(governors)
          .where(and(onBoard, eq(governors.userId, actor.userId)))
          .limit(1)
      : await tx
          .select()
          .from(governors)
          .where(and(onBoard, inArray(governors.id, input.governorIds)));
  if (chosen.length === 0 || chosen.length < input.governorIds.length)
    throw new DomainError({
      code: 'NOT_FOUND',
      message:
        input.governorIds.length === 0
          ? 'You are not on this school’s governing board in the register, so you cannot book governor training for it.'
          : 'One of those governors is not on this board.',
    });
  const forOthers = chosen.some((g) => g.userId !== actor.userId);
  if (forOthers && !(await mayManageBoard(tx, actor, input.schoolId)))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: 'Only the chair or the clerk can book training for other governors.',
    });
  const noEmail = chosen.filter((g) => !g.email && g.userId !== actor.userId);
  if (noEmail.length > 0)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'governorIds',
      message: `${noEmail.map((g) => g.name).join(', ')} ${noEmail.length === 1 ? 'has' : 'have'} no email address in the register; add one to book a place.`,
    });
  const delegates = chosen.map((g) => ({
    name: g.name,
    email: g.email || actor.user.email,
    role: categoryLabels[g.category],
    userId: g.userId,
  }));
  // Only a booking that charges the school is the school's to approve: the same preview the form shows.
  const overseen = schoolOversees(actor, input.schoolId);
  const charges =
    overseen &&
    (
      await previewBooking(tx, {
        courseId: input.courseId,
        schoolId: input.schoolId,
        places: delegates.length,
        delegateEmails: delegates.map((d) => d.email),
        laCodes: actor.laCodes,
        today: input.today,
        priceNames: priceNamesOf(actor.settings),
      })
    ).charged > 0;
  return bookPlaces(tx, {
    tenantId: actor.tenantId,
    slug: actor.slug,
    appUrl: actor.appUrl,
    providerName: actor.name,
    courseId: input.courseId,
    schoolId: input.schoolId,
    delegates,
    actorUserId: actor.userId,
    laCodes: actor.laCodes,
    today: input.today,
    // Governors who get no place wait for one (the form reports how many are on the waiting list).
    joinWaitingList: true,
    // Held for the school's approval when it (or the course) asks that staff bookings be approved.
    staffBooking: charges,
    // Otherwise the school's head is told of the charge.
    tellSchoolOfCharges: charges ? { bookedBy: actor.user.name || actor.user.email } : undefined,
  });
}
