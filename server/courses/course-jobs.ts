import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseAttendance, courseBookings, courseEvaluations, courses } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { queueEmail } from '../email/send-email';
import { courseEmail } from './course-emails';
import { listSessions } from './get-course';
import { addDays } from './london-time';
import type { Links } from './offer-next-place';
import { newPlaceToken } from './place-token';
import { workingDaysBefore } from './working-days';

/**
 * The reminder two working days before a course's first session (England and Wales bank holidays count as
 * non-working), with where to go or the joining link for online and hybrid sessions. Each confirmed place is
 * reminded once (reminder_sent_at), so a second run, or a run on the next day, sends nothing more; a place
 * booked after its reminder day, but before the course, still gets one on the next run.
 */
export async function sendCourseReminders(tx: Tx, input: { today: IsoDate; now: Date } & Links) {
  // Two working days back never spans more than a long Easter or Christmas: a fortnight's window is ample.
  const upcoming = await tx
    .select()
    .from(courses)
    .where(
      and(
        eq(courses.status, 'published'),
        sql`${courses.startsOn} > ${input.today}`,
        lte(courses.startsOn, addDays(input.today, 14)),
      ),
    );
  const due = upcoming.filter((c) => c.startsOn && workingDaysBefore(c.startsOn, 2) <= input.today);
  let reminded = 0;
  for (const course of due) {
    const places = await tx
      .update(courseBookings)
      .set({ reminderSentAt: input.now })
      .where(
        and(
          eq(courseBookings.courseId, course.id),
          eq(courseBookings.status, 'confirmed'),
          isNull(courseBookings.reminderSentAt),
        ),
      )
      .returning();
    if (places.length === 0) continue;
    const sessions = await listSessions(tx, course.id);
    for (const booking of places) {
      await queueEmail(
        tx,
        courseEmail({
          kind: 'reminder',
          course,
          sessions,
          booking,
          bookingId: booking.id,
          providerName: input.providerName,
        }),
      );
      reminded++;
    }
  }
  return { courses: due.length, reminded };
}

/**
 * After a course's last session, each delegate who came is asked for their evaluation, with a link of their own
 * (only its hash is kept) to the evaluation form. A delegate absent from every session is not asked. Once per
 * place (evaluation_requested_at); courses that ended more than a fortnight ago are left alone, so switching
 * the job on does not write to last year's delegates.
 */
export async function requestEvaluations(tx: Tx, input: { today: IsoDate; now: Date } & Links) {
  const ended = await tx
    .select()
    .from(courses)
    .where(
      and(
        eq(courses.status, 'published'),
        lte(courses.endsOn, input.today),
        gte(courses.endsOn, addDays(input.today, -14)),
      ),
    );
  let requested = 0;
  for (const course of ended) {
    const sessions = await listSessions(tx, course.id);
    const last = sessions.at(-1);
    if (!last || last.endsAt > input.now) continue;
    const places = await tx
      .select()
      .from(courseBookings)
      .where(
        and(
          eq(courseBookings.courseId, course.id),
          eq(courseBookings.status, 'confirmed'),
          isNull(courseBookings.evaluationRequestedAt),
        ),
      )
      .for('update', { skipLocked: true });
    if (places.length === 0) continue;
    const marks = await tx
      .select({ bookingId: courseAttendance.bookingId, status: courseAttendance.status })
      .from(courseAttendance)
      .where(
        inArray(
          courseAttendance.bookingId,
          places.map((p) => p.id),
        ),
      );
    // Someone who has already given their evaluation (signed in, from Your places) is not asked for it.
    const evaluated = new Set(
      (
        await tx
          .select({ bookingId: courseEvaluations.bookingId })
          .from(courseEvaluations)
          .where(
            inArray(
              courseEvaluations.bookingId,
              places.map((p) => p.id),
            ),
          )
      ).map((e) => e.bookingId),
    );
    const absentThroughout = (bookingId: string) => {
      const own = marks.filter((m) => m.bookingId === bookingId);
      return own.length >= sessions.length && own.every((m) => m.status === 'absent');
    };
    for (const booking of places) {
      if (absentThroughout(booking.id) || evaluated.has(booking.id)) continue;
      const { token, tokenHash } = newPlaceToken();
      await tx
        .update(courseBookings)
        .set({ evaluationRequestedAt: input.now, evaluationTokenHash: tokenHash })
        .where(eq(courseBookings.id, booking.id));
      await queueEmail(
        tx,
        courseEmail({
          kind: 'evaluation',
          course,
          sessions: [],
          booking,
          providerName: input.providerName,
          url: `${input.appUrl}/courses/${input.slug}/evaluate/${token}`,
        }),
      );
      requested++;
    }
  }
  return { courses: ended.length, requested };
}
