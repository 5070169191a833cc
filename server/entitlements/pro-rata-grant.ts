import { formatPence } from '../catalogue/money';
import type { EntitlementUnit } from './balance-key';
import { unitLabels } from './unit-labels';

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

/** What pro-rating needs of a subscription's quote (server/catalogue/pricing.ts `quoteSubscription`). */
export type ProRataQuote = {
  netPence: number;
  fullPricePence: number;
  termsCharged: number;
  minimumApplied: boolean;
};

/** A package's line as granted to one school: how much, of how much, and in words how it was worked out. */
export type LineGrant<Line> = {
  line: Line;
  /** The year's quantity for the units bought; null for an unlimited line. */
  fullHundredths: number | null;
  grantedHundredths: number | null;
  /** Said only when the school gets less than the full year's (a late joiner): see `proRataWording`. */
  explanation: string | null;
};

/**
 * Each line of a package as a school subscribing with `quote` is granted it: the one rule (`paidShare`,
 * `proRataGrant`) for the preview, the confirmation and the grant itself, so what the school was told is what
 * its statement gets.
 */
export function grantsFor<Line extends { unit: EntitlementUnit; quantityHundredths: number | null }>(
  lines: readonly Line[],
  units: number,
  quote: ProRataQuote,
): LineGrant<Line>[] {
  const share = paidShare(quote);
  return lines.map((line) => {
    if (line.quantityHundredths === null)
      return { line, fullHundredths: null, grantedHundredths: null, explanation: null };
    const fullHundredths = line.quantityHundredths * units;
    const grantedHundredths = proRataGrant(line.unit, fullHundredths, share);
    return {
      line,
      fullHundredths,
      grantedHundredths,
      explanation: proRataWording({ unit: line.unit, fullHundredths, share, quote }),
    };
  });
}

const termShares: Record<number, string> = { 1: 'a third', 2: 'two thirds' };

/** 6.67 from 666.67 hundredths; 2 from 200; `places` decimals at most, no trailing zeros. */
function quantity(hundredths: number, places = 2): string {
  return String(Number((hundredths / 100).toFixed(places)));
}

/**
 * How a late joiner's share of one line was worked out, in plain words: "7 of 10 course places: joining with
 * 2 of 3 terms left, two thirds of 10 is 6.67, rounded up to a whole course place." A share that comes out
 * whole says no rounding ("6 of 9 course places: joining with 2 of 3 terms left, two thirds of 9."); a
 * non-member paying the minimum charge gets the share of the year's price that the minimum is. Null when the
 * school gets the whole year's.
 */
export function proRataWording(input: {
  unit: EntitlementUnit;
  fullHundredths: number;
  share: number;
  quote: ProRataQuote;
}): string | null {
  const { unit, fullHundredths, share, quote } = input;
  if (share >= 1) return null;
  const granted = proRataGrant(unit, fullHundredths, share);
  const termShare = quote.minimumApplied ? undefined : termShares[quote.termsCharged];
  // A price pro-rated by terms is rounded to the penny, so its share is a hair off the terms': say the terms'.
  const exact = termShare ? (fullHundredths * quote.termsCharged) / 3 : fullHundredths * share;
  const label = unitLabels[unit];
  const time = timeUnits.includes(unit);
  const full = quantity(fullHundredths);
  const head = `${quantity(granted)} of ${full} ${fullHundredths === 100 ? label.one : label.many}`;
  const percent = `${Math.round(share * 100)}%`;
  const [why, part] = quote.minimumApplied
    ? [
        `the minimum charge of ${formatPence(quote.netPence)} is ${percent} of the full year’s ${formatPence(quote.fullPricePence)}`,
        `${percent} of ${full}`,
      ]
    : termShare
      ? [`joining with ${quote.termsCharged} of 3 terms left`, `${termShare} of ${full}`]
      : [`paying ${percent} of the full year’s price`, `${percent} of ${full}`];
  // No rounding to speak of when the share, as written, is already what is granted.
  const written = quantity(exact, time ? 3 : 2);
  if (written === quantity(granted)) return `${head}: ${why}, ${part}.`;
  const direction = granted > exact ? 'up' : 'down';
  const to = time ? 'two decimal places' : `a whole ${label.one}`;
  return `${head}: ${why}, ${part} is ${written}, rounded ${direction} to ${to}.`;
}
