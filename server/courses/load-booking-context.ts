import { sql } from 'drizzle-orm';
import { executeRows, type Tx } from '~/db/client';
import type { Course, CourseSession, School } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { placePriceFor } from './course-price';
import { placeVatRate, type WorkspaceVat } from './course-vat';
import { refuseIfClosed } from '../schools/closed-school';
import { bookingClosedMessage, courseStartedMessage, hasStarted } from './booking-closed';

/** What of a course a booking reads. */
export type BookingCourse = Pick<
  Course,
  | 'id'
  | 'title'
  | 'venue'
  | 'joiningLink'
  | 'format'
  | 'status'
  | 'capacity'
  | 'placesTaken'
  | 'startsOn'
  | 'bookingDeadline'
  | 'memberPricePence'
  | 'nonMemberPricePence'
  | 'outOfAreaPricePence'
  | 'vatRateBasisPoints'
  | 'entitlementUnit'
  | 'entitlementCategory'
  | 'staffBookingNeedsApproval'
  | 'statutoryFreeForGovernors'
  | 'cancellationTerms'
  | 'programme'
>;

type BookingSchool = Pick<
  School,
  | 'id'
  | 'name'
  | 'laCode'
  | 'type'
  | 'status'
  | 'closedOn'
  | 'isPartnershipMember'
  | 'staffBookingsNeedApproval'
>;
type BookingSession = Pick<CourseSession, 'title' | 'on' | 'startTime' | 'endTime'>;

type BookingContextRow = {
  course: BookingCourse | null;
  school: BookingSchool | null;
  sessions: BookingSession[] | null;
  already: string[] | null;
  vat: WorkspaceVat | null;
};

/** Which booking a context read is for: a read made for other delegates, course or school is not used. */
type BookingContextKey = { courseId: string; schoolId: string; emails: readonly string[] };

/** A context read already sent (see readBookingContext), with what it was sent for. */
export type BookingContextRead = BookingContextKey & { row: Promise<BookingContextRow | undefined> };

/**
 * Sends the statement that reads what a booking needs to know before it takes any lock, in one round trip:
 * the course, the school, the course's sessions (for the emails) and which of `emails` (lower-case) already
 * have a live place on the course. Hand-written: every booking runs it, and four query-builder selects cost
 * more CPU than the statement. Dates come back as text on both drivers. The statement goes out now (in this
 * turn of the event loop), so the courses.book procedure can send it with the workspace lookup (see
 * tenantProcedure's firstRead); loadBookingContext checks what it found.
 */
export function readBookingContext(tx: Tx, key: BookingContextKey): BookingContextRead {
  const row = executeRows<BookingContextRow>(
    tx,
    sql`select
      (select json_build_object('id', c.id, 'title', c.title, 'venue', c.venue, 'joiningLink', c.joining_link,
        'format', c.format, 'status', c.status, 'capacity', c.capacity, 'placesTaken', c.places_taken,
        'startsOn', c.starts_on, 'bookingDeadline', c.booking_deadline,
        'memberPricePence', c.member_price_pence, 'nonMemberPricePence', c.non_member_price_pence,
        'outOfAreaPricePence', c.out_of_area_price_pence, 'vatRateBasisPoints', c.vat_rate_basis_points,
        'entitlementUnit', c.entitlement_unit, 'entitlementCategory', c.entitlement_category,
        'staffBookingNeedsApproval', c.staff_booking_needs_approval,
        'statutoryFreeForGovernors', c.statutory_free_for_governors, 'cancellationTerms', c.cancellation_terms,
        'programme', c.programme)
        from courses c where c.id = ${key.courseId}) as course,
      (select json_build_object('id', s.id, 'name', s.name, 'laCode', s.la_code, 'type', s.type, 'status', s.status,
        'closedOn', s.closed_on,
        'isPartnershipMember', s.is_partnership_member, 'staffBookingsNeedApproval', s.staff_bookings_need_approval)
        from schools s where s.id = ${key.schoolId}) as school,
      (select json_agg(json_build_object('title', cs.title, 'on', cs.on, 'startTime', cs.start_time,
        'endTime', cs.end_time) order by cs.sequence)
        from course_sessions cs where cs.course_id = ${key.courseId}) as sessions,
      (select json_agg(b.delegate_email) from course_bookings b
        where b.course_id = ${key.courseId} and b.status <> 'cancelled'
          and lower(b.delegate_email) = any(array(select jsonb_array_elements_text(${JSON.stringify(key.emails)}::jsonb)))
      ) as already,
      (select json_build_object('vatNumber', i.vat_number,
        'standardRateBasisPoints', i.standard_rate_basis_points, 'vatRules', i.vat_rules)
        from invoice_settings i
        where i.tenant_id = (select c.tenant_id from courses c where c.id = ${key.courseId})) as vat`,
  ).then(([first]) => first);
  // Awaited by loadBookingContext; a read sent early for a request then refused is never awaited.
  row.catch(() => {});
  return { ...key, row };
}

/** No invoice settings saved: not VAT-registered. */
const noVat: WorkspaceVat = { vatNumber: null, standardRateBasisPoints: 2000, vatRules: [] };

const sameRead = (read: BookingContextKey, key: BookingContextKey) =>
  read.courseId === key.courseId &&
  read.schoolId === key.schoolId &&
  read.emails.length === key.emails.length &&
  read.emails.every((e, i) => e === key.emails[i]);

/**
 * What a booking needs to know before it takes any lock (see readBookingContext), checked: the course is open
 * for booking, the school is found, and the school's price. Uses `sent` when it was read for the same course,
 * school and delegates; otherwise reads it now.
 */
export async function loadBookingContext(
  tx: Tx,
  input: {
    courseId: string;
    schoolId: string;
    laCodes: readonly string[];
    today: IsoDate;
    /** The moment of booking: on the course's first day, places can be booked until its first session starts. */
    now?: Date;
    emails?: readonly string[];
  },
  sent?: BookingContextRead | null,
) {
  const key = { courseId: input.courseId, schoolId: input.schoolId, emails: input.emails ?? [] };
  const row = await (sent && sameRead(sent, key) ? sent : readBookingContext(tx, key)).row;
  const course = row?.course;
  const school = row?.school;
  if (!course || course.status === 'draft')
    throw new DomainError({ code: 'NOT_FOUND', message: 'That course was not found.' });
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  // Read with the course above, so a closed school costs the booking no query of its own.
  refuseIfClosed(school, 'booking');
  if (course.status === 'cancelled')
    throw new DomainError({ code: 'CONFLICT', message: 'This course has been cancelled.' });
  if (course.startsOn && hasStarted(course.startsOn, row?.sessions ?? [], input.today, input.now))
    throw new DomainError({ code: 'CONFLICT', message: courseStartedMessage });
  if (course.bookingDeadline && course.bookingDeadline < input.today)
    throw new DomainError({ code: 'CONFLICT', message: bookingClosedMessage });
  const price = placePriceFor(course, school, input.laCodes);
  const academicYear = academicYearOf(course.startsOn ?? input.today);
  return {
    course,
    school,
    price,
    /** The VAT rate this school pays on a place, as its invoice will charge it (0: none). */
    vatRateBasisPoints: placeVatRate(row?.vat ?? noVat, course, school, input.laCodes),
    academicYear,
    sessions: row?.sessions ?? [],
    alreadyBooked: row?.already ?? [],
  };
}
