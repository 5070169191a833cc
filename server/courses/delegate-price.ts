import type { Tx } from '~/db/client';
import type { Course } from '~/db/schema';
import { statutoryFreeEmails } from '../governance/statutory-free-places';
import { placePriceFor } from './course-price';

/**
 * One delegate's price for a place given later (claimed from the waiting list, approved by the head): the
 * school's price, or nothing when the course is statutory training free to this governor of a maintained school
 * — the same rule `bookPlaces` applies when the place is booked straight away.
 */
export async function delegatePlacePrice(
  tx: Tx,
  input: {
    course: Course;
    school: { id: string; laCode: string; isPartnershipMember: boolean };
    laCodes: readonly string[];
    email: string;
  },
) {
  const price = placePriceFor(input.course, input.school, input.laCodes);
  const free = await statutoryFreeEmails(tx, {
    course: input.course,
    schoolId: input.school.id,
    emails: [input.email],
  });
  return free.size > 0 ? { ...price, pricePence: 0 } : price;
}
