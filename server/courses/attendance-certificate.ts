import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { courseAttendance, courseBookings, schools } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import type { PdfDocument } from '~/server/pdf/render-pdf';
import { getCourse } from './get-course';

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const formatDate = (on: string) => longDate.format(new Date(`${on}T12:00:00Z`));

/**
 * Whether a place earns a certificate of attendance: a confirmed place, marked attended (or late) at every
 * required session of a course that has run (its last session is today or past: a register marked ahead of
 * the day certifies nothing). Absent, or not yet marked, at any one of them: no certificate.
 */
export async function certificateEligibility(
  tx: Tx,
  booking: { id: string; courseId: string; status: string },
  today: IsoDate = todayInLondon(),
) {
  const { course, sessions } = await getCourse(tx, booking.courseId);
  const required = sessions.filter((s) => s.required);
  const marks =
    required.length === 0
      ? []
      : await tx
          .select({ sessionId: courseAttendance.sessionId, status: courseAttendance.status })
          .from(courseAttendance)
          .where(
            and(
              eq(courseAttendance.bookingId, booking.id),
              inArray(
                courseAttendance.sessionId,
                required.map((s) => s.id),
              ),
            ),
          );
  const present = new Set(marks.filter((m) => m.status !== 'absent').map((m) => m.sessionId));
  const over = required.every((s) => s.on <= today);
  const eligible =
    over && booking.status === 'confirmed' && required.length > 0 && required.every((s) => present.has(s.id));
  return { eligible, over, course, sessions: required, attended: present.size };
}

/** The certificate of attendance as a document, or a refusal saying why there is none (yet). */
export async function attendanceCertificate(
  tx: Tx,
  input: { bookingId: string; issuer: string; schoolId?: string },
): Promise<{ document: PdfDocument; filename: string }> {
  const [booking] = await tx
    .select({
      id: courseBookings.id,
      courseId: courseBookings.courseId,
      schoolId: courseBookings.schoolId,
      status: courseBookings.status,
      delegateName: courseBookings.delegateName,
      schoolName: schools.name,
    })
    .from(courseBookings)
    .innerJoin(schools, eq(schools.id, courseBookings.schoolId))
    .where(eq(courseBookings.id, input.bookingId));
  if (!booking || (input.schoolId && booking.schoolId !== input.schoolId))
    throw new DomainError({ code: 'NOT_FOUND', message: 'That place was not found.' });
  return certificateFor(tx, booking, input.issuer);
}

/** The certificate for a booking already found (by id, or from the delegate's own link). */
export async function certificateFor(
  tx: Tx,
  booking: { id: string; courseId: string; status: string; delegateName: string; schoolName?: string },
  issuer: string,
): Promise<{ document: PdfDocument; filename: string }> {
  const { eligible, over, course, sessions } = await certificateEligibility(tx, booking);
  if (!eligible)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: over
        ? 'A certificate is given once the delegate has been marked present at every session.'
        : 'A certificate is given once the course has run and the delegate has been marked present at every session.',
    });
  const hours = sessions.reduce((sum, s) => {
    const [sh, sm] = s.startTime.split(':').map(Number);
    const [eh, em] = s.endTime.split(':').map(Number);
    return sum + (eh! * 60 + em! - (sh! * 60 + sm!)) / 60;
  }, 0);
  const document: PdfDocument = {
    title: 'Certificate of attendance',
    issuer,
    blocks: [
      {
        kind: 'paragraph',
        text: `This is to certify that ${booking.delegateName} attended every session of the course below.`,
      },
      {
        kind: 'facts',
        pairs: [
          ['Delegate', booking.delegateName],
          ...(booking.schoolName ? ([['School', booking.schoolName]] as const) : []),
          ['Course', course.title],
          ['Facilitators', course.facilitators.map((f) => f.name).join(', ') || '-'],
          ['Sessions', String(sessions.length)],
          ['Hours of CPD', hours.toFixed(1).replace(/\.0$/, '')],
        ],
      },
      {
        kind: 'table',
        columns: ['Session', 'Date', 'Time'],
        rows: sessions.map((s) => [
          s.title,
          formatDate(s.on),
          `${s.startTime.slice(0, 5)}-${s.endTime.slice(0, 5)}`,
        ]),
      },
    ],
    footer: `Issued by ${issuer}. Attendance as recorded on the course register.`,
  };
  return { document, filename: `certificate-${course.title}-${booking.delegateName}` };
}
