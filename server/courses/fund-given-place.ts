import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { schools, type Course, type CourseSession } from '~/db/schema';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { refuseIfClosed } from '../schools/closed-school';
import { statutoryFreeEmails } from '../governance/statutory-free-places';
import { placeDetailsOf } from './course-emails';
import { loadWorkspaceVat } from '../invoicing/vat-for-school';
import { placePriceFor } from './course-price';
import { placeVatRate } from './course-vat';
import { placesCovered } from './entitlement-cover';
import { fundPlace } from './fund-place';

/**
 * Pays for a place given after booking (claimed from the waiting list, approved by the head): from the
 * school's entitlement or charged at the school's price — or free when the course is statutory training and the
 * delegate a current governor of a maintained school, the same rule `bookPlaces` applies to a place booked
 * straight away. Returns the booking's funding columns and the school's name (for the confirmation). A school
 * closed since the place was held is refused here, on every path that turns a held place into a confirmed one
 * (a claim checks first, to pass the offer on; an approval is refused outright).
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
    /** The school's purchase order number, should the place be charged (the head approving gives it). */
    purchaseOrderNumber?: string;
  },
) {
  const { course } = input;
  const { school, price, vatRateBasisPoints } = await givenPlacePrice(tx, input);
  refuseIfClosed(school, 'booking');
  const funded = await fundPlace(tx, {
    tenantId: input.tenantId,
    schoolId: school.id,
    course,
    academicYear: academicYearOf(course.startsOn ?? input.now.toISOString().slice(0, 10)),
    price,
    bookingId: input.bookingId,
    delegateName: input.delegateName,
    actorUserId: input.actorUserId,
    purchaseOrderNumber: input.purchaseOrderNumber,
  });
  return { ...funded, schoolName: school.name, vatRateBasisPoints };
}

/** The school's price for a place given after booking: free to a governor on statutory training. */
async function givenPlacePrice(
  tx: Tx,
  input: { course: Course; schoolId: string; laCodes: readonly string[]; delegateEmail: string },
) {
  const [school] = await tx.select().from(schools).where(eq(schools.id, input.schoolId));
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  const price = placePriceFor(input.course, school, input.laCodes);
  // The school's own VAT on the place, as its invoice will charge it.
  const vatRateBasisPoints = placeVatRate(
    await loadWorkspaceVat(tx, input.course.tenantId),
    input.course,
    school,
    input.laCodes,
  );
  const free = await statutoryFreeEmails(tx, {
    course: input.course,
    schoolId: school.id,
    emails: [input.delegateEmail],
  });
  return { school, vatRateBasisPoints, price: free.size > 0 ? { ...price, pricePence: 0 } : price };
}

/**
 * What claiming a held place would cost its school, as fundGivenPlace would fund it (entitlement, charge or
 * free) and under the course's terms: the claim page says so before the delegate commits the school.
 */
export async function givenPlaceCost(
  tx: Tx,
  input: {
    course: Course;
    sessions: readonly Pick<CourseSession, 'on'>[];
    schoolId: string;
    laCodes: readonly string[];
    delegateEmail: string;
    today: IsoDate;
  },
) {
  const { school, price, vatRateBasisPoints } = await givenPlacePrice(tx, input);
  const covered =
    price.pricePence > 0
      ? await placesCovered(tx, {
          course: input.course,
          schoolId: school.id,
          academicYear: academicYearOf(input.course.startsOn ?? input.today),
          places: 1,
        })
      : 0;
  const funding = price.pricePence === 0 ? 'free' : covered > 0 ? 'entitlement' : 'charge';
  return placeDetailsOf(input.course, input.sessions, {
    schoolName: school.name,
    funding,
    pricePence: price.pricePence,
    vatRateBasisPoints,
    bookedOn: input.today,
  });
}
