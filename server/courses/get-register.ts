import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseAttendance, courseBookings, schools } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { longDate } from '~/server/format/dates';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { getCourse } from './get-course';

/** Why a draft course has no register: no one can book it until it is published. */
export const draftHasNoRegister =
  'This course is a draft: it has no register until it is published and delegates have booked.';

/**
 * One session's register for its facilitator: the course's sessions (to move between them) and every delegate
 * with a confirmed place, with their mark at this session if they have one. By default the latest session
 * that has begun (today's, on the day), or the first while none has. `mayMark` is false before its day.
 * A draft has no register (no one can have booked it), nor has a cancelled course (every place was cancelled
 * with it): each is refused with the reason, rather than shown as an empty list.
 */
export async function getRegister(
  tx: Tx,
  input: { courseId: string; sessionId?: string },
  today: IsoDate = todayInLondon(),
) {
  const { course, sessions } = await getCourse(tx, input.courseId);
  if (course.status === 'draft') throw new DomainError({ code: 'CONFLICT', message: draftHasNoRegister });
  if (course.status === 'cancelled')
    throw new DomainError({
      code: 'CONFLICT',
      message: `This course was cancelled${course.cancelledAt ? ` on ${longDate(course.cancelledAt)}` : ''}, and every place with it: it has no register.`,
    });
  const session = input.sessionId
    ? sessions.find((s) => s.id === input.sessionId)
    : (sessions.filter((s) => s.on <= today).at(-1) ?? sessions[0]);
  if (!session) throw new DomainError({ code: 'NOT_FOUND', message: 'That session was not found.' });
  const delegates = await tx
    .select({
      bookingId: courseBookings.id,
      delegateName: courseBookings.delegateName,
      delegateRole: courseBookings.delegateRole,
      delegateNeeds: courseBookings.delegateNeeds,
      schoolName: schools.name,
      status: courseAttendance.status,
    })
    .from(courseBookings)
    .innerJoin(schools, eq(schools.id, courseBookings.schoolId))
    .leftJoin(
      courseAttendance,
      and(eq(courseAttendance.bookingId, courseBookings.id), eq(courseAttendance.sessionId, session.id)),
    )
    .where(and(eq(courseBookings.courseId, input.courseId), eq(courseBookings.status, 'confirmed')))
    .orderBy(asc(courseBookings.delegateName));
  return {
    course: { id: course.id, title: course.title },
    sessions,
    session,
    mayMark: session.on <= today,
    delegates,
  };
}
