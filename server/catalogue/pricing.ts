import type { CatalogueItem, PackageEntitlement, PriceBand } from '~/db/schema';
import { defaultTermDates, termsNotStarted, type TermDates } from '../calendar/term-dates';
import type { IsoDate } from './academic-year';

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
  /** Full-year price before pro-rating (raised to any non-member minimum). */
  fullPricePence: number;
  termsCharged: number;
  netPence: number;
  vatPence: number;
  /** The VAT rate charged (0 when none is). */
  vatRateBasisPoints: number;
  totalPence: number;
  minimumApplied: boolean;
  bandApplied: boolean;
};

const hasPupilLimits = (b: Band) => b.minPupils !== null || b.maxPupils !== null;

/**
 * The first band matching the school's phase and pupil numbers; bands with a null limit match anything. A
 * school with no pupil number matches no band that has pupil limits (see `pupilCountNeeded`).
 */
export function matchBand(bands: readonly Band[], buyer: Buyer): Band | undefined {
  return bands.find((b) => {
    if (b.phase !== null && b.phase !== buyer.phase) return false;
    if (buyer.numberOfPupils === null) return !hasPupilLimits(b);
    return (
      (b.minPupils === null || buyer.numberOfPupils >= b.minPupils) &&
      (b.maxPupils === null || buyer.numberOfPupils <= b.maxPupils)
    );
  });
}

/**
 * True when the school's price depends on its pupil numbers and it has none on record: it is asked for them
 * rather than priced in whichever band happens to come first.
 */
export function pupilCountNeeded(bands: readonly Band[], buyer: Buyer): boolean {
  return (
    buyer.numberOfPupils === null &&
    bands.some((b) => (b.phase === null || b.phase === buyer.phase) && hasPupilLimits(b))
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
 * Prices a subscription: unit price × units, pro-rated by the terms of the year that have not started when the
 * item allows it (a school joining in the Easter holiday pays one third), then raised to any non-member
 * minimum — the minimum is what a non-member pays at least, however late it joins (Harrow's governor package:
 * "Minimum Charge … £1,078.00", 004 line 423).
 */
export function quoteSubscription(
  item: PricedItem,
  bands: readonly Band[],
  buyer: Buyer,
  units: number,
  joinDate: IsoDate,
  termDates: TermDates = defaultTermDates(item.academicYear),
  /** The VAT rate this school pays (vatForSchool); the item's own rate when no school's VAT is decided. */
  vatRateBasisPoints: number = item.vatRateBasisPoints,
): Quote {
  const { unitPricePence, bandApplied } = unitPriceFor(item, bands, buyer);
  const base = unitPricePence * units;
  const termsCharged = item.proRataByTerm ? termsNotStarted(termDates, joinDate) : 3;
  const proRated = Math.round((base * termsCharged) / 3);
  // Harrow's minimum charge sits under the outside-partnership price: members pay their own rate.
  const minimum = buyer.isPartnershipMember ? null : item.minimumPricePence;
  const minimumApplied = minimum !== null && termsCharged > 0 && proRated < minimum;
  const fullPricePence = minimum !== null && base < minimum ? minimum : base;
  const netPence = minimumApplied ? minimum : proRated;
  const vatPence = vatOn(netPence, vatRateBasisPoints);
  return {
    pricedAsMember: buyer.isPartnershipMember,
    unitPricePence,
    units,
    fullPricePence,
    termsCharged,
    netPence,
    vatPence,
    vatRateBasisPoints,
    totalPence: netPence + vatPence,
    minimumApplied,
    bandApplied,
  };
}

/**
 * What the package's contents would cost bought one by one, and the saving — Harrow's tables show schools this.
 * An unlimited line counts once, at its price for one (Harrow prices the governors' conference's "unlimited
 * places" at "£60.00 per place" and counts one in its £1,078, 004 lines 416 and 423); a line with no
 * standalone price is left out.
 */
export function packageSaving(
  lines: readonly Pick<PackageEntitlement, 'quantityHundredths' | 'standaloneUnitPricePence'>[],
  units: number,
  packageNetPence: number,
) {
  const separatelyPence = lines.reduce(
    (sum, l) =>
      l.standaloneUnitPricePence === null
        ? sum
        : sum + Math.round(((l.quantityHundredths ?? 100) * l.standaloneUnitPricePence) / 100) * units,
    0,
  );
  return { separatelyPence, savingPence: Math.max(0, separatelyPence - packageNetPence) };
}
