import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseAttendance } from '~/db/schema';
import { toCsv } from '../format/csv';
import { listSchoolBookings } from './list-bookings';

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
      r.startsOn ?? '',
      r.endsOn ?? '',
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
