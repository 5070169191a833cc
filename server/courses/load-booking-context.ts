import { sql } from 'drizzle-orm';
import { executeRows, type Tx } from '~/db/client';
import type { Course, CourseSession, School } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { placePriceFor } from './course-price';

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
>;

type BookingSchool = Pick<
  School,
  'id' | 'name' | 'laCode' | 'status' | 'isPartnershipMember' | 'staffBookingsNeedApproval'
>;
type BookingSession = Pick<CourseSession, 'title' | 'on' | 'startTime' | 'endTime'>;

/**
 * What a booking needs to know before it takes any lock, in one statement (one round trip): the course, the
 * school, the school's price, the course's sessions (for the emails) and which of `emails` (lower-case) already
 * have a live place on the course. Hand-written: every booking runs it, and four query-builder selects cost more
 * CPU than the statement. Dates come back as text on both drivers.
 */
export async function loadBookingContext(
  tx: Tx,
  input: {
    courseId: string;
    schoolId: string;
    laCodes: readonly string[];
    today: IsoDate;
    emails?: readonly string[];
  },
) {
  const [row] = await executeRows<{
    course: BookingCourse | null;
    school: BookingSchool | null;
    sessions: BookingSession[] | null;
    already: string[] | null;
  }>(
    tx,
    sql`select
      (select json_build_object('id', c.id, 'title', c.title, 'venue', c.venue, 'joiningLink', c.joining_link,
        'format', c.format, 'status', c.status, 'capacity', c.capacity, 'placesTaken', c.places_taken,
        'startsOn', c.starts_on, 'bookingDeadline', c.booking_deadline,
        'memberPricePence', c.member_price_pence, 'nonMemberPricePence', c.non_member_price_pence,
        'outOfAreaPricePence', c.out_of_area_price_pence, 'vatRateBasisPoints', c.vat_rate_basis_points,
        'entitlementUnit', c.entitlement_unit, 'entitlementCategory', c.entitlement_category,
        'staffBookingNeedsApproval', c.staff_booking_needs_approval,
        'statutoryFreeForGovernors', c.statutory_free_for_governors, 'cancellationTerms', c.cancellation_terms)
        from courses c where c.id = ${input.courseId}) as course,
      (select json_build_object('id', s.id, 'name', s.name, 'laCode', s.la_code, 'status', s.status,
        'isPartnershipMember', s.is_partnership_member, 'staffBookingsNeedApproval', s.staff_bookings_need_approval)
        from schools s where s.id = ${input.schoolId}) as school,
      (select json_agg(json_build_object('title', cs.title, 'on', cs.on, 'startTime', cs.start_time,
        'endTime', cs.end_time) order by cs.sequence)
        from course_sessions cs where cs.course_id = ${input.courseId}) as sessions,
      (select json_agg(b.delegate_email) from course_bookings b
        where b.course_id = ${input.courseId} and b.status <> 'cancelled'
          and lower(b.delegate_email) in (select jsonb_array_elements_text(${JSON.stringify(input.emails ?? [])}::jsonb))) as already`,
  );
  const course = row?.course;
  const school = row?.school;
  if (!course || course.status === 'draft')
    throw new DomainError({ code: 'NOT_FOUND', message: 'That course was not found.' });
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  if (course.status === 'cancelled')
    throw new DomainError({ code: 'CONFLICT', message: 'This course has been cancelled.' });
  if (course.startsOn && course.startsOn <= input.today)
    throw new DomainError({ code: 'CONFLICT', message: 'This course has already started.' });
  if (course.bookingDeadline && course.bookingDeadline < input.today)
    throw new DomainError({ code: 'CONFLICT', message: 'Booking for this course has closed.' });
  const price = placePriceFor(course, school, input.laCodes);
  const academicYear = academicYearOf(course.startsOn ?? input.today);
  return {
    course,
    school,
    price,
    academicYear,
    sessions: row?.sessions ?? [],
    alreadyBooked: row?.already ?? [],
  };
}
