import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { schools, type Course } from '~/db/schema';
import { academicYearOf } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { statutoryFreeEmails } from '../governance/statutory-free-places';
import { placePriceFor } from './course-price';
import { fundPlace } from './fund-place';

/**
 * Pays for a place given after booking (claimed from the waiting list, approved by the head): from the
 * school's entitlement or charged at the school's price — or free when the course is statutory training and the
 * delegate a current governor of a maintained school, the same rule `bookPlaces` applies to a place booked
 * straight away. Returns the booking's funding columns and the school's name (for the confirmation).
 */
export async function fundGivenPlace(
  tx: Tx,
  input: {
    tenantId: string;
    course: Course;
    schoolId: string;
    laCodes: readonly string[];
    bookingId: string;
    delegateName: string;
    delegateEmail: string;
    actorUserId: string | null;
    now: Date;
  },
) {
  const { course } = input;
  const [school] = await tx.select().from(schools).where(eq(schools.id, input.schoolId));
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  const price = placePriceFor(course, school, input.laCodes);
  const free = await statutoryFreeEmails(tx, {
    course,
    schoolId: school.id,
    emails: [input.delegateEmail],
  });
  const funded = await fundPlace(tx, {
    tenantId: input.tenantId,
    schoolId: school.id,
    course,
    academicYear: academicYearOf(course.startsOn ?? input.now.toISOString().slice(0, 10)),
    price: free.size > 0 ? { ...price, pricePence: 0 } : price,
    bookingId: input.bookingId,
    delegateName: input.delegateName,
    actorUserId: input.actorUserId,
  });
  return { ...funded, schoolName: school.name };
}
