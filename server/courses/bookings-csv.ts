import { inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '~/db/client';
import { courseAttendance } from '~/db/schema';
import { toCsv } from '../format/csv';
import { shortDate } from '../format/dates';
import type { IsoDate } from '../catalogue/academic-year';
import { formatLabels, programmeLabels } from './course-labels';
import { getCourse } from './get-course';
import { listCourses, type ZListCoursesInput } from './list-courses';
import { listCourseDelegates, listSchoolBookings } from './list-bookings';

const fundingLabels = { entitlement: 'Entitlement', charge: 'Charged', free: 'Free' } as const;
const statusLabels = {
  pending_approval: 'Awaiting approval',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
};
const pounds = (pence: number) => (pence / 100).toFixed(2);

/**
 * A school's bookings as CSV, for its CPD record: every delegate's place, upcoming and past, what it cost,
 * the sessions attended and whether a certificate is available. The manager may ask for one school or all.
 */
export async function schoolBookingsCsv(tx: Tx, input: { schoolId?: string }) {
  const rows = await listSchoolBookings(tx, input);
  const attended =
    rows.length === 0
      ? []
      : await tx
          .select({
            bookingId: courseAttendance.bookingId,
            present: sql<number>`count(*) filter (where ${courseAttendance.status} <> 'absent')::int`,
            absent: sql<number>`count(*) filter (where ${courseAttendance.status} = 'absent')::int`,
          })
          .from(courseAttendance)
          .where(
            inArray(
              courseAttendance.bookingId,
              rows.map((r) => r.id),
            ),
          )
          .groupBy(courseAttendance.bookingId);
  const byBooking = new Map(attended.map((a) => [a.bookingId, a]));
  const csv = toCsv([
    [
      'School',
      'Delegate',
      'Email',
      'Role',
      'Course',
      'First session',
      'Last session',
      'Status',
      'Funding',
      'Cost to school (£, net)',
      'Sessions attended',
      'Sessions absent',
      'Certificate',
    ],
    ...rows.map((r) => [
      r.schoolName,
      r.delegateName,
      r.delegateEmail,
      r.delegateRole,
      r.courseTitle,
      // Written as the governance CSVs write dates ("3 Feb 2027"), so a school's exports read alike.
      shortDate(r.startsOn),
      shortDate(r.endsOn),
      statusLabels[r.status],
      // A cancelled place is "Charged" only while a cancellation charge stands.
      r.funding && (r.status !== 'cancelled' || r.costPence > 0) ? fundingLabels[r.funding] : '',
      pounds(r.costPence),
      byBooking.get(r.id)?.present ?? 0,
      byBooking.get(r.id)?.absent ?? 0,
      r.certificate ? 'Yes' : 'No',
    ]),
  ]);
  const school = input.schoolId ? (rows[0]?.schoolName ?? 'school') : 'all-schools';
  return { csv, filename: `course-bookings-${school}` };
}

const attendanceLabels = { attended: 'Attended', late: 'Late', absent: 'Absent' } as const;

/**
 * One course's delegate list as CSV, for the organisers and facilitators (a sign-in sheet, name badges, the
 * venue's numbers): each place with its school, status, funding and price, the attendance marked at each
 * session, then everyone on the waiting list with where they stand.
 */
export async function courseDelegatesCsv(tx: Tx, courseId: string) {
  const [{ course, sessions }, { bookings, waiting }] = await Promise.all([
    getCourse(tx, courseId),
    listCourseDelegates(tx, courseId),
  ]);
  const marks =
    bookings.length === 0
      ? []
      : await tx
          .select({
            bookingId: courseAttendance.bookingId,
            sessionId: courseAttendance.sessionId,
            status: courseAttendance.status,
          })
          .from(courseAttendance)
          .where(
            inArray(
              courseAttendance.bookingId,
              bookings.map((b) => b.id),
            ),
          );
  const markOf = new Map(marks.map((m) => [`${m.bookingId}:${m.sessionId}`, attendanceLabels[m.status]]));
  let inLine = 0;
  const csv = toCsv([
    [
      'Delegate',
      'Email',
      'Role',
      'Access or dietary needs',
      'School',
      'Status',
      'Funding',
      'Price (£, net)',
      ...sessions.map((s, i) => `Session ${i + 1} (${shortDate(s.on)} ${s.startTime})`),
    ],
    ...bookings.map((b) => [
      b.delegateName,
      b.delegateEmail,
      b.delegateRole,
      b.delegateNeeds,
      b.schoolName,
      statusLabels[b.status],
      b.funding && b.status !== 'cancelled' ? fundingLabels[b.funding] : '',
      b.funding === 'charge' && b.status !== 'cancelled' ? pounds(b.pricePence) : '',
      ...sessions.map((s) => markOf.get(`${b.id}:${s.id}`) ?? ''),
    ]),
    ...waiting.map((w) => [
      w.delegateName,
      w.delegateEmail,
      '',
      '',
      w.schoolName,
      w.status === 'offered' ? 'Offered a place (held)' : `Waiting list, number ${++inLine}`,
      '',
      '',
      ...sessions.map(() => ''),
    ]),
  ]);
  return { csv, filename: `delegates-${course.title.slice(0, 60)}` };
}

const courseStatusLabels = { draft: 'Draft', published: 'Published', cancelled: 'Cancelled' } as const;

/**
 * The manager's course list as CSV (upcoming, run, or all): fill, waiting list, minimum numbers and income per
 * course, for the partnership's own reporting.
 */
export async function courseListCsv(
  tx: Tx,
  input: z.output<typeof ZListCoursesInput> & { today: IsoDate; now: Date },
) {
  const rows = await listCourses(tx, input);
  const csv = toCsv([
    [
      'Course',
      'Programme',
      'Format',
      'Status',
      'First day',
      'Last day',
      'Capacity',
      'Places taken',
      'Fill (%)',
      'Waiting',
      'Minimum numbers',
      'Go/no-go date',
      'Income (£, net)',
    ],
    ...rows.map((c) => [
      c.title,
      programmeLabels[c.programme],
      formatLabels[c.format],
      courseStatusLabels[c.status],
      // Written as the school's bookings CSV writes dates ("10 Feb 2027"); an undated course leaves them empty.
      shortDate(c.startsOn, ''),
      shortDate(c.endsOn, ''),
      c.capacity,
      c.placesTaken,
      Math.round((c.placesTaken / c.capacity) * 100),
      c.waiting,
      c.minimumNumbers,
      shortDate(c.goNoGoOn, ''),
      pounds(c.incomePence),
    ]),
  ]);
  return { csv, filename: `courses-${input.when}-${input.today}` };
}
