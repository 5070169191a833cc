import type { EntitlementUnit } from './balance-key';

/** Units of time, which can be granted in hundredths; the rest (places, inductions, items) come whole. */
const timeUnits: readonly EntitlementUnit[] = ['adviser_day', 'adviser_half_day', 'adviser_hour'];

/**
 * The share of a year's entitlement a subscription pays for: its price over the full-year price. A school
 * joining with two of three terms left pays two thirds and gets two thirds; a non-member raised to the minimum
 * charge pays the full year's price and gets the full year.
 */
export function paidShare(quote: { netPence: number; fullPricePence: number; termsCharged: number }): number {
  if (quote.fullPricePence <= 0) return quote.termsCharged / 3;
  return Math.min(1, quote.netPence / quote.fullPricePence);
}

/**
 * What a school joining late is granted of a line: in proportion to what it pays. Time is granted to the
 * hundredth (3 adviser days at two thirds = 2 days; 2 half days at a third = 0.67); places and items to the
 * nearest whole one (3 seminar places at a third = 1; 1 course place at a third = none).
 */
export function proRataGrant(unit: EntitlementUnit, fullHundredths: number, share: number): number {
  if (share >= 1) return fullHundredths;
  const part = fullHundredths * share;
  return timeUnits.includes(unit) ? Math.round(part) : Math.round(part / 100) * 100;
}
