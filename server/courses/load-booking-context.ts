import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courses, schools } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { placePriceFor } from './course-price';

/** What a booking needs to know before it takes any lock: the course, the school and the school's price. */
export async function loadBookingContext(
  tx: Tx,
  input: { courseId: string; schoolId: string; laCodes: readonly string[]; today: IsoDate },
) {
  const [[course], [school]] = await Promise.all([
    tx.select().from(courses).where(eq(courses.id, input.courseId)),
    tx
      .select({
        id: schools.id,
        name: schools.name,
        laCode: schools.laCode,
        status: schools.status,
        isPartnershipMember: schools.isPartnershipMember,
        staffBookingsNeedApproval: schools.staffBookingsNeedApproval,
      })
      .from(schools)
      .where(eq(schools.id, input.schoolId)),
  ]);
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
  return { course, school, price, academicYear };
}
