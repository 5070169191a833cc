import type { Tx } from '~/db/client';
import type { IsoDate } from '../catalogue/academic-year';
import type { PriceNames } from '../catalogue/price-names';
import { cancellationTermsLine } from './course-emails';
import { priceBasisName } from './course-price';
import { priceWithVat, vatOnPlace } from './course-vat';
import { placesCovered } from './entitlement-cover';
import { loadBookingContext } from './load-booking-context';

/**
 * What booking `places` places would do, before confirming: how many are covered by the school's entitlement
 * and how many charged, at what price, and whether they would be confirmed or go on the waiting list.
 */
export async function previewBooking(
  tx: Tx,
  input: {
    courseId: string;
    schoolId: string;
    places: number;
    laCodes: readonly string[];
    today: IsoDate;
    priceNames: PriceNames;
    /** Someone booking themselves: whether they already have a place is said first. */
    selfEmail?: string;
  },
) {
  const { course, school, price, academicYear, sessions, alreadyBooked } = await loadBookingContext(tx, {
    ...input,
    emails: input.selfEmail ? [input.selfEmail.toLowerCase()] : undefined,
  });
  const placesLeft = course.capacity - course.placesTaken;
  // Only the places confirmed are covered or charged: the waiting list costs nothing until a place is offered.
  const placed = Math.min(Math.max(0, placesLeft), input.places);
  const covered =
    price.pricePence > 0
      ? await placesCovered(tx, { course, schoolId: school.id, academicYear, places: placed })
      : 0;
  const free = price.pricePence === 0 ? placed : 0;
  const charged = placed - covered - free;
  return {
    schoolName: school.name,
    priceBasis: price.basis,
    /** The price as the workspace names it, for a sentence ("subscriber"). */
    priceName: priceBasisName(input.priceNames, price.basis),
    unitPricePence: price.pricePence,
    vatRateBasisPoints: course.vatRateBasisPoints,
    covered,
    free,
    charged,
    chargePence: charged * price.pricePence,
    /** What the school will be invoiced for the places charged, VAT included. */
    chargeGrossPence: charged * vatOnPlace(price.pricePence, course.vatRateBasisPoints).grossPence,
    /** The price of one place as the school is told it: "£120.00 plus VAT (£144.00)", or "£120.00" with no VAT. */
    unitPriceWording: priceWithVat(price.pricePence, course.vatRateBasisPoints),
    /** The places charged, the same way: "£240.00 plus VAT (£288.00)". */
    chargeWording: priceWithVat(price.pricePence, course.vatRateBasisPoints, charged),
    placesLeft,
    alreadyHasPlace: alreadyBooked.length > 0,
    confirmed: placed,
    waitlisted: input.places - placed,
    /** What cancelling or not coming would cost, as the confirmation will say: before the school confirms. */
    cancellation:
      placed > 0 && price.pricePence > 0 && sessions[0]
        ? cancellationTermsLine(course.cancellationTerms, sessions[0].on, input.today)
        : null,
  };
}
