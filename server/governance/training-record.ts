import { and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseAttendance, courseBookings, courses, governorTrainingRecords } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { lateCancellationCharge } from '../courses/cancellation-terms';
import { DomainError } from '../errors/domain-error';
import { mayManageBoard } from './board-access';
import { committeesOfGovernor } from './keep-committees';
import { findGovernor } from './load-board';

/** A governor's training record is theirs, their board's chair and clerk's (and the head's), and the LA's. */
async function assertMaySeeTraining(
  tx: Tx,
  actor: Actor,
  governor: { userId: string | null; schoolId: string },
) {
  if (governor.userId === actor.userId) return;
  if (await mayManageBoard(tx, actor, governor.schoolId)) return;
  throw new DomainError({ code: 'NOT_FOUND', message: 'That governor was not found.' });
}

/**
 * Courses booked for the governor (by their email or account) with sessions attended, and training elsewhere.
 * The governor's own record says which places they may still cancel and what cancelling today costs the school.
 */
export async function getTrainingRecord(tx: Tx, actor: Actor, input: { governorId: string; today: IsoDate }) {
  const governor = await findGovernor(tx, input.governorId);
  await assertMaySeeTraining(tx, actor, governor);
  const whose = or(
    governor.email ? sql`lower(${courseBookings.delegateEmail}) = ${governor.email}` : sql`false`,
    governor.userId ? eq(courseBookings.delegateUserId, governor.userId) : sql`false`,
  );
  const [booked, external, committees] = await Promise.all([
    tx
      .select({
        bookingId: courseBookings.id,
        courseId: courses.id,
        title: courses.title,
        programme: courses.programme,
        startsOn: courses.startsOn,
        status: courseBookings.status,
        funding: courseBookings.funding,
        courseStatus: courses.status,
        pricePence: courseBookings.pricePence,
        vatRateBasisPoints: courses.vatRateBasisPoints,
        cancellationTerms: courses.cancellationTerms,
      })
      .from(courseBookings)
      .innerJoin(courses, eq(courses.id, courseBookings.courseId))
      .where(and(whose, ne(courseBookings.status, 'cancelled')))
      .orderBy(desc(courses.startsOn)),
    tx
      .select()
      .from(governorTrainingRecords)
      .where(eq(governorTrainingRecords.governorId, governor.id))
      .orderBy(desc(governorTrainingRecords.on)),
    committeesOfGovernor(tx, governor, input.today),
  ]);
  const attended = booked.length
    ? await tx
        .select({ bookingId: courseAttendance.bookingId, n: sql<number>`count(*)::int` })
        .from(courseAttendance)
        .where(
          and(
            inArray(
              courseAttendance.bookingId,
              booked.map((b) => b.bookingId),
            ),
            inArray(courseAttendance.status, ['attended', 'late']),
          ),
        )
        .groupBy(courseAttendance.bookingId)
    : [];
  return {
    governor: {
      id: governor.id,
      name: governor.name,
      schoolId: governor.schoolId,
      category: governor.category,
    },
    /** The signed-in person's own record: they may cancel their own places (courses.cancelMyPlace). */
    isOwn: governor.userId === actor.userId,
    courses: booked.map(({ cancellationTerms, ...b }) => ({
      ...b,
      sessionsAttended: attended.find((a) => a.bookingId === b.bookingId)?.n ?? 0,
      mayCancel: b.courseStatus === 'published' && (b.startsOn ?? '') > input.today,
      cancelNowPence:
        b.status === 'confirmed' && b.startsOn && b.pricePence > 0
          ? lateCancellationCharge(
              cancellationTerms,
              { cancelledOn: input.today, firstSessionOn: b.startsOn },
              b.pricePence,
            )
          : 0,
    })),
    external: external.map((e) => ({ id: e.id, title: e.title, on: e.on, provider: e.provider })),
    /** The board's committees they sit on, and those they sat on (ended, with the dates). */
    committees,
  };
}

/** Training done elsewhere, recorded by the governor or their board's chair or clerk. */
export async function addExternalTraining(
  tx: Tx,
  actor: Actor,
  input: { governorId: string; title: string; on: string; provider: string },
) {
  const governor = await findGovernor(tx, input.governorId);
  await assertMaySeeTraining(tx, actor, governor);
  const [row] = await tx
    .insert(governorTrainingRecords)
    .values({
      tenantId: actor.tenantId,
      governorId: governor.id,
      title: input.title,
      on: input.on,
      provider: input.provider,
      recordedByUserId: actor.userId,
    })
    .returning({ id: governorTrainingRecords.id });
  if (!row) throw new Error('training not recorded');
  return { id: row.id };
}
