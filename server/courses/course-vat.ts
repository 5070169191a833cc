import type { Tx } from '~/db/client';
import type { Course } from '~/db/schema';
import { lineTotals } from '../invoicing/rules';
import { loadNewProductVat, newProductVat } from '../invoicing/new-product-vat';
import { vatByCategory, vatForSchool, type VatProduct, type WorkspaceVat } from '../invoicing/vat-for-school';
import { formatPence } from '../catalogue/money';
import { vatPayerNames, vatPercent } from '../invoicing/vat-wording';

export type { WorkspaceVat };

/** A place on the course, as VAT sees it: a service at the course's own rate, 0 meaning no VAT. */
export const coursePlace = (course: Pick<Course, 'vatRateBasisPoints'>): VatProduct => ({
  kind: 'service',
  rateBasisPoints: course.vatRateBasisPoints,
  rateIsFinal: true,
});

/**
 * The VAT rate a new course takes unless its manager sets another: a course place is sold as a service, so it is
 * the rate a new service takes (newProductVat: the invoice settings' rule for services sold to any school, none
 * without a VAT number). Rules for one kind of school (e.g. maintained schools exempt) still apply when invoicing.
 */
export const serviceVatRate = (vat: WorkspaceVat | undefined): number =>
  newProductVat(vat, 'service').rateBasisPoints;

/** The workspace's VAT for courses: whether it is VAT-registered, the rate a new course takes and why. */
export async function courseVatDefault(tx: Tx, tenantId: string) {
  return (await loadNewProductVat(tx, tenantId)).service;
}

/**
 * The VAT rate this school pays on a place on this course: the course's rate as a service sold to the school,
 * decided as the billing run will invoice the place (vatForSchool: no VAT without a VAT number, the workspace's
 * rule for the kind of school, e.g. maintained schools outside the scope). 0 when the school pays no VAT.
 */
export function placeVatRate(
  vat: WorkspaceVat,
  course: Pick<Course, 'vatRateBasisPoints'>,
  school: { laCode: string; type: string },
  laCodes: readonly string[],
): number {
  return vatForSchool(vat, school, laCodes, coursePlace(course)).rateBasisPoints;
}

/**
 * Where no school is known (the public course page): how VAT is stated beside the prices. Charged to every
 * kind of school: "plus VAT" with the amount; to none: nothing; to some (e.g. not to maintained schools):
 * "plus VAT where it applies", and which schools pay it.
 */
export function publicCourseVat(vat: WorkspaceVat, course: Pick<Course, 'vatRateBasisPoints'>) {
  const byCategory = vatByCategory(vat, coursePlace(course));
  const who = (charged: boolean) =>
    byCategory.decisions
      .filter((d) => d.rateBasisPoints > 0 === charged)
      .map((d) => vatPayerNames[d.category])
      .join(' and ');
  return {
    /** The rate to state each price with (priceWithVat): 0 unless every kind of school pays it. */
    rateForPrices: byCategory.chargedToAll ? byCategory.rateBasisPoints : 0,
    /** After the prices: "VAT is charged at 20%.", or who pays it, or nothing. */
    sentence: byCategory.chargedToNone
      ? null
      : byCategory.chargedToAll
        ? `VAT is charged at ${vatPercent(byCategory.rateBasisPoints)}.`
        : `Plus VAT where it applies: ${vatPercent(byCategory.rateBasisPoints)} for ${who(true)}; none for ${who(false)}.`,
  };
}

/** A price of one place with its VAT, rounded as the invoice line will be. */
export function vatOnPlace(netPence: number, rateBasisPoints: number) {
  const { vatPence, grossPence } = lineTotals({
    quantityHundredths: 100,
    unitPricePence: netPence,
    vatTreatment: 'standard',
    vatRateBasisPoints: rateBasisPoints,
  });
  return { netPence, vatPence, grossPence };
}

/**
 * `places` places at `unitNetPence` as a school is told the price: "£120.00 plus VAT (£144.00)", or "£120.00" when
 * no VAT is charged (or there is nothing to pay). Each place is invoiced as its own line, so VAT is per place.
 */
export function priceWithVat(unitNetPence: number, rateBasisPoints: number, places = 1): string {
  const net = formatPence(unitNetPence * places);
  if (rateBasisPoints <= 0 || unitNetPence <= 0) return net;
  return `${net} plus VAT (${formatPence(vatOnPlace(unitNetPence, rateBasisPoints).grossPence * places)})`;
}

export { vatPercent };
