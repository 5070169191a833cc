import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courses, governors } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { bookPlaces } from '../courses/book-places';
import { DomainError } from '../errors/domain-error';
import { mayManageBoard } from './board-access';
import { assertCoursesOn } from './governor-training-courses';
import { categoryLabels } from './labels';

/**
 * Books governor training on the course engine: a governor books for themself; the board's chair or clerk
 * (or the headteacher, or the LA) books for governors of the board. Places are priced like every other booking, except
 * that statutory training is free to governors of maintained schools (see statutory-free-places.ts).
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
  return bookPlaces(tx, {
    tenantId: actor.tenantId,
    slug: actor.slug,
    appUrl: actor.appUrl,
    providerName: actor.name,
    courseId: input.courseId,
    schoolId: input.schoolId,
    delegates: chosen.map((g) => ({
      name: g.name,
      email: g.email || actor.user.email,
      role: categoryLabels[g.category],
      userId: g.userId,
    })),
    actorUserId: actor.userId,
    laCodes: actor.laCodes,
    today: input.today,
    // Governors who get no place wait for one (the form reports how many are on the waiting list).
    joinWaitingList: true,
  });
}
