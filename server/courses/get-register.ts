import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseAttendance, courseBookings, schools } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { getCourse } from './get-course';

/**
 * One session's register for its facilitator: the course's sessions (to move between them) and every delegate
 * with a confirmed place, with their mark at this session if they have one. By default the latest session
 * that has begun (today's, on the day), or the first while none has. `mayMark` is false before its day.
 */
export async function getRegister(
  tx: Tx,
  input: { courseId: string; sessionId?: string },
  today: IsoDate = todayInLondon(),
) {
  const { course, sessions } = await getCourse(tx, input.courseId);
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
