import type { CatalogueItem, PackageEntitlement, PriceBand } from '~/db/schema';
import type { IsoDate } from './academic-year';
import { termsRemaining } from './academic-year';

/** What pricing needs to know about the buyer. */
export type Buyer = { phase: string; numberOfPupils: number | null; isPartnershipMember: boolean };

type PricedItem = Pick<
  CatalogueItem,
  | 'academicYear'
  | 'memberPricePence'
  | 'nonMemberPricePence'
  | 'minimumPricePence'
  | 'vatRateBasisPoints'
  | 'memberDiscountPercent'
  | 'proRataByTerm'
>;
type Band = Pick<PriceBand, 'phase' | 'minPupils' | 'maxPupils' | 'memberPricePence' | 'nonMemberPricePence'>;

export type Quote = {
  pricedAsMember: boolean;
  unitPricePence: number;
  units: number;
  /** Full-year price before pro-rating. */
  fullPricePence: number;
  termsCharged: number;
  netPence: number;
  vatPence: number;
  totalPence: number;
  minimumApplied: boolean;
  bandApplied: boolean;
};

/** The first band matching the school's phase and pupil numbers; bands with a null limit match anything. */
export function matchBand(bands: readonly Band[], buyer: Buyer): Band | undefined {
  return bands.find(
    (b) =>
      (b.phase === null || b.phase === buyer.phase) &&
      (b.minPupils === null || (buyer.numberOfPupils ?? 0) >= b.minPupils) &&
      (b.maxPupils === null || (buyer.numberOfPupils ?? 0) <= b.maxPupils),
  );
}

/** A member's price for one unit: the band's or the item's, or the non-member price less the member discount. */
export function unitPriceFor(item: PricedItem, bands: readonly Band[], buyer: Buyer) {
  const band = matchBand(bands, buyer);
  const member = band?.memberPricePence ?? item.memberPricePence;
  const nonMember = band?.nonMemberPricePence ?? item.nonMemberPricePence;
  if (!buyer.isPartnershipMember) return { unitPricePence: nonMember, bandApplied: band !== undefined };
  const discounted =
    item.memberDiscountPercent > 0
      ? Math.round((nonMember * (100 - item.memberDiscountPercent)) / 100)
      : member;
  return { unitPricePence: discounted, bandApplied: band !== undefined };
}

export const vatOn = (netPence: number, basisPoints: number) => Math.round((netPence * basisPoints) / 10_000);

/**
 * Prices a subscription: unit price × units, raised to any non-member minimum, then pro-rated by the terms left in the
 * year when the item allows it (a school joining in the spring term pays two thirds).
 */
export function quoteSubscription(
  item: PricedItem,
  bands: readonly Band[],
  buyer: Buyer,
  units: number,
  joinDate: IsoDate,
): Quote {
  const { unitPricePence, bandApplied } = unitPriceFor(item, bands, buyer);
  const base = unitPricePence * units;
  // Harrow's minimum charge sits under the outside-partnership price: members pay their own rate.
  const minimumApplied =
    !buyer.isPartnershipMember && item.minimumPricePence !== null && base < item.minimumPricePence;
  const fullPricePence = minimumApplied && item.minimumPricePence !== null ? item.minimumPricePence : base;
  const termsCharged = item.proRataByTerm ? termsRemaining(item.academicYear, joinDate) : 3;
  const netPence = Math.round((fullPricePence * termsCharged) / 3);
  const vatPence = vatOn(netPence, item.vatRateBasisPoints);
  return {
    pricedAsMember: buyer.isPartnershipMember,
    unitPricePence,
    units,
    fullPricePence,
    termsCharged,
    netPence,
    vatPence,
    totalPence: netPence + vatPence,
    minimumApplied,
    bandApplied,
  };
}

/**
 * What the package's contents would cost bought one by one, and the saving — Harrow's tables show schools this.
 * Unlimited lines and lines with no standalone price are left out of the comparison.
 */
export function packageSaving(
  lines: readonly Pick<PackageEntitlement, 'quantityHundredths' | 'standaloneUnitPricePence'>[],
  units: number,
  packageNetPence: number,
) {
  const separatelyPence = lines.reduce(
    (sum, l) =>
      l.quantityHundredths === null || l.standaloneUnitPricePence === null
        ? sum
        : sum + Math.round((l.quantityHundredths * l.standaloneUnitPricePence) / 100) * units,
    0,
  );
  return { separatelyPence, savingPence: Math.max(0, separatelyPence - packageNetPence) };
}
