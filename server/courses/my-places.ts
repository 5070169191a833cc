import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import {
  courseAttendance,
  courseBookings,
  courseEvaluations,
  courses,
  courseSessions,
  type CancellationTerms,
} from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { lateCancellationCharge } from './cancellation-terms';
import { submitEvaluation, ZEvaluationAnswers } from './evaluations';

/** Who is looking at a place: the manager sees every one, a headteacher/SBM their school's, a delegate their own. */
export type PlaceViewer = {
  userId: string;
  email: string;
  managesCourses: boolean;
  /** The schools the viewer is headteacher / business manager of. */
  headsSchools: readonly string[];
};

type BookingOwner = { schoolId: string; delegateUserId: string | null; delegateEmail: string };

export const isDelegate = (viewer: PlaceViewer, booking: BookingOwner) =>
  booking.delegateUserId === viewer.userId ||
  booking.delegateEmail.toLowerCase() === viewer.email.toLowerCase();

export const mayActOnPlace = (viewer: PlaceViewer, booking: BookingOwner) =>
  viewer.managesCourses || viewer.headsSchools.includes(booking.schoolId) || isDelegate(viewer, booking);

/**
 * Whether the delegate may give their evaluation now: a confirmed place on a course that ran (published, last
 * session over), not marked absent at every session (as the evaluation request job decides), not yet answered.
 */
const evaluationDue = (row: {
  status: string;
  courseStatus: string;
  lastEndsAt: Date | null;
  sessions: number;
  absences: number;
  evaluatedAt: Date | null;
  now: Date;
}) =>
  row.status === 'confirmed' &&
  row.courseStatus === 'published' &&
  row.lastEndsAt !== null &&
  row.lastEndsAt <= row.now &&
  !(row.sessions > 0 && row.absences >= row.sessions) &&
  row.evaluatedAt === null;

const placeColumns = {
  id: courseBookings.id,
  schoolId: courseBookings.schoolId,
  status: courseBookings.status,
  delegateName: courseBookings.delegateName,
  delegateEmail: courseBookings.delegateEmail,
  delegateRole: courseBookings.delegateRole,
  delegateUserId: courseBookings.delegateUserId,
  courseId: courses.id,
  courseTitle: courses.title,
  courseStatus: courses.status,
  startsOn: courses.startsOn,
  endsOn: courses.endsOn,
  lastEndsAt:
    sql<Date | null>`(select max(s.ends_at) from ${courseSessions} s where s.course_id = ${courses.id})`.mapWith(
      (v: string | Date | null) => (v === null ? null : new Date(v)),
    ),
  sessions: sql<number>`(select count(*) from ${courseSessions} s where s.course_id = ${courses.id})`.mapWith(
    Number,
  ),
  absences:
    sql<number>`(select count(*) from ${courseAttendance} a where a.booking_id = ${courseBookings.id} and a.status = 'absent')`.mapWith(
      Number,
    ),
  evaluatedAt: courseEvaluations.submittedAt,
  pricePence: courseBookings.pricePence,
  vatRateBasisPoints: courses.vatRateBasisPoints,
  cancellationTerms: courses.cancellationTerms,
};

type PlaceRow = Omit<Parameters<typeof evaluationDue>[0], 'now'> & {
  startsOn: string | null;
  pricePence: number;
  cancellationTerms: CancellationTerms;
};

function withFlags<T extends PlaceRow>({ cancellationTerms, ...row }: T, now: Date, today: string) {
  const notStarted = row.courseStatus === 'published' && (row.startsOn ?? '') > today;
  return {
    ...row,
    /** A place confirmed or held for approval may be cancelled until the course starts (cancelBooking's rule). */
    mayCancel: row.status !== 'cancelled' && notStarted,
    /** What cancelling today costs the school (net), under the course's terms, as cancelBooking charges it. */
    cancelNowPence:
      row.status === 'confirmed' && row.startsOn && row.pricePence > 0
        ? lateCancellationCharge(
            cancellationTerms,
            { cancelledOn: today, firstSessionOn: row.startsOn },
            row.pricePence,
          )
        : 0,
    evaluationDue: evaluationDue({ ...row, now }),
    /** A confirmed place on a course not yet started may be passed to a colleague. */
    mayPassOn: row.status === 'confirmed' && row.courseStatus === 'published' && (row.startsOn ?? '') > today,
  };
}

/**
 * The signed-in delegate's own places in the workspace (by their account or their email), newest first: the
 * confirmed ones and those held for their school's approval.
 */
export async function listMyPlaces(
  tx: Tx,
  input: { userId: string; email: string; now: Date; today: string },
) {
  const rows = await tx
    .select(placeColumns)
    .from(courseBookings)
    .innerJoin(courses, eq(courses.id, courseBookings.courseId))
    .leftJoin(courseEvaluations, eq(courseEvaluations.bookingId, courseBookings.id))
    .where(
      and(
        inArray(courseBookings.status, ['confirmed', 'pending_approval']),
        or(
          eq(courseBookings.delegateUserId, input.userId),
          sql`lower(${courseBookings.delegateEmail}) = lower(${input.email})`,
        ),
      ),
    )
    .orderBy(desc(courses.startsOn), courses.title);
  return rows.map((r) => withFlags(r, input.now, input.today));
}

/**
 * Where one place stands on its evaluation, by the rule above (Your places' and the request job's): when it
 * was given, and whether it is due now (a course that finished, a place confirmed, not absent throughout).
 */
export async function evaluationOfPlace(tx: Tx, input: { bookingId: string; now: Date }) {
  const [row] = await tx
    .select(placeColumns)
    .from(courseBookings)
    .innerJoin(courses, eq(courses.id, courseBookings.courseId))
    .leftJoin(courseEvaluations, eq(courseEvaluations.bookingId, courseBookings.id))
    .where(eq(courseBookings.id, input.bookingId));
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That place was not found.' });
  return { evaluatedAt: row.evaluatedAt, evaluationDue: evaluationDue({ ...row, now: input.now }) };
}

/** Refuses an evaluation already given, or one not due (the same words signed in or by the place's link). */
export function refuseUnlessEvaluationDue(place: { evaluatedAt: Date | null; evaluationDue: boolean }) {
  if (place.evaluatedAt)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'You have already given your evaluation. Thank you.',
    });
  if (!place.evaluationDue)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'This place cannot be evaluated: the course has not finished, or you were not there.',
    });
}

/** One place, for whoever may act on it (else NOT_FOUND: a stranger learns nothing). */
export async function findPlace(
  tx: Tx,
  viewer: PlaceViewer,
  input: { bookingId: string; now: Date; today: string },
) {
  const [row] = await tx
    .select(placeColumns)
    .from(courseBookings)
    .innerJoin(courses, eq(courses.id, courseBookings.courseId))
    .leftJoin(courseEvaluations, eq(courseEvaluations.bookingId, courseBookings.id))
    .where(eq(courseBookings.id, input.bookingId));
  if (!row || !mayActOnPlace(viewer, row))
    throw new DomainError({ code: 'NOT_FOUND', message: 'That place was not found.' });
  return { ...withFlags(row, input.now, input.today), isDelegate: isDelegate(viewer, row) };
}

export const ZEvaluateMyPlaceInput = z.object({ bookingId: z.uuid(), answers: ZEvaluationAnswers });

/**
 * The signed-in delegate gives their evaluation without the emailed link: the same questions, once per place
 * (a second answer, by link or here, is refused), only for a course they came to that has finished.
 */
export async function evaluateMyPlace(
  tx: Tx,
  viewer: PlaceViewer,
  input: z.output<typeof ZEvaluateMyPlaceInput> & { tenantId: string; now: Date; today: string },
) {
  const place = await findPlace(tx, viewer, input);
  if (!place.isDelegate)
    throw new DomainError({ code: 'FORBIDDEN', message: 'Only the delegate can give their evaluation.' });
  refuseUnlessEvaluationDue(place);
  return submitEvaluation(tx, {
    tenantId: input.tenantId,
    bookingId: place.id,
    courseId: place.courseId,
    answers: input.answers,
  });
}
