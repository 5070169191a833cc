import type { Tx } from '~/db/client';
import type { IsoDate } from '../catalogue/academic-year';
import type { PriceNames } from '../catalogue/price-names';
import { statutoryFreeEmails } from '../governance/statutory-free-places';
import { cancellationTermsLine } from './course-emails';
import { priceBasisName } from './course-price';
import { priceWithVat, vatOnPlace } from './course-vat';
import { placesCovered } from './entitlement-cover';
import { loadBookingContext } from './load-booking-context';

/**
 * What booking `places` places would do, before confirming: how many are free as statutory governor training
 * (the same check the booking makes, for the delegates named or the person booking themselves), covered by the
 * school's entitlement or charged, at what price, and whether they would be confirmed or go on the waiting list.
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
    /** A booker naming delegates: their emails as typed so far, in order (the first places go to the first). */
    delegateEmails?: readonly string[];
  },
) {
  const { course, school, price, vatRateBasisPoints, academicYear, sessions, alreadyBooked } =
    await loadBookingContext(tx, {
      ...input,
      emails: input.selfEmail ? [input.selfEmail.toLowerCase()] : undefined,
    });
  const placesLeft = course.capacity - course.placesTaken;
  // Only the places confirmed are covered or charged: the waiting list costs nothing until a place is offered.
  const placed = Math.min(Math.max(0, placesLeft), input.places);
  // The booking confirms delegates in the order named, and a current governor of a maintained school has a
  // place on statutory training free (statutoryFreeEmails, as bookPlaces): count those among the placed ones.
  const placedEmails = (input.selfEmail ? [input.selfEmail] : (input.delegateEmails ?? []))
    .slice(0, placed)
    .map((e) => e.trim().toLowerCase());
  const freeByStatute =
    price.pricePence > 0
      ? await statutoryFreeEmails(tx, {
          course,
          schoolId: school.id,
          emails: placedEmails.filter((e) => e.includes('@')),
        })
      : new Set<string>();
  const statutoryFree = placedEmails.filter((e) => freeByStatute.has(e)).length;
  const paying = placed - statutoryFree;
  const covered =
    price.pricePence > 0
      ? await placesCovered(tx, { course, schoolId: school.id, academicYear, places: paying })
      : 0;
  const free = price.pricePence === 0 ? placed : 0;
  const charged = paying - covered - free;
  return {
    schoolName: school.name,
    priceBasis: price.basis,
    /** The price as the workspace names it, for a sentence ("subscriber"). */
    priceName: priceBasisName(input.priceNames, price.basis),
    unitPricePence: price.pricePence,
    /** The VAT rate this school pays on a place (the course's, or 0 where the school pays no VAT). */
    vatRateBasisPoints,
    covered,
    free,
    /** Free as statutory governor training: "free: statutory governor training". */
    statutoryFree,
    charged,
    chargePence: charged * price.pricePence,
    /** What the school will be invoiced for the places charged, VAT included. */
    chargeGrossPence: charged * vatOnPlace(price.pricePence, vatRateBasisPoints).grossPence,
    /** The price of one place as the school is told it: "£120.00 plus VAT (£144.00)", or "£120.00" with no VAT. */
    unitPriceWording: priceWithVat(price.pricePence, vatRateBasisPoints),
    /** The places charged, the same way: "£240.00 plus VAT (£288.00)". */
    chargeWording: priceWithVat(price.pricePence, vatRateBasisPoints, charged),
    placesLeft,
    alreadyHasPlace: alreadyBooked.length > 0,
    confirmed: placed,
    waitlisted: input.places - placed,
    /** What cancelling or not coming would cost, as the confirmation will say: before the school confirms. */
    cancellation:
      paying > 0 && price.pricePence > 0 && sessions[0]
        ? cancellationTermsLine(course.cancellationTerms, sessions[0].on, input.today)
        : null,
  };
}
