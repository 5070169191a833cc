import type { CancellationTerms } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { workingDaysBefore } from './working-days';

export type CancellationOutcome =
  { kind: 'free'; freeUntil: IsoDate } | { kind: 'late'; percent: number; freeUntil: IsoDate };

/** The last day a place can be cancelled free: the given number of working days before the first session. */
export const freeCancellationUntil = (terms: CancellationTerms, firstSessionOn: IsoDate) =>
  workingDaysBefore(firstSessionOn, terms.freeUntilWorkingDays);

/**
 * What cancelling a place on `cancelledOn` costs under the course's terms: free on or before the free date
 * (entitlement given back, charge voided), otherwise the late-cancellation share of the price.
 */
export function cancellationOutcome(
  terms: CancellationTerms,
  input: { cancelledOn: IsoDate; firstSessionOn: IsoDate },
): CancellationOutcome {
  const freeUntil = freeCancellationUntil(terms, input.firstSessionOn);
  if (input.cancelledOn <= freeUntil || terms.lateCancellationPercent === 0)
    return { kind: 'free', freeUntil };
  return { kind: 'late', percent: terms.lateCancellationPercent, freeUntil };
}

/**
 * The terms in one sentence, as the course's pages state them (the public page and the manager's): "Free until
 * 10 working days before the first session; 50% after that; 100% if a delegate does not attend."
 */
export const cancellationTermsSummary = (terms: CancellationTerms) =>
  `Free until ${terms.freeUntilWorkingDays} working days before the first session; ${terms.lateCancellationPercent}% after that; ${terms.noShowPercent}% if a delegate does not attend.`;

/** The share of a price a percentage charge comes to, in whole pence. */
export const shareOf = (pricePence: number, percent: number) => Math.round((pricePence * percent) / 100);

/** The charge (net, in pence) for cancelling a place of this price on `cancelledOn`: 0 while it is free. */
export function lateCancellationCharge(
  terms: CancellationTerms,
  dates: { cancelledOn: IsoDate; firstSessionOn: IsoDate },
  pricePence: number,
) {
  const outcome = cancellationOutcome(terms, dates);
  return outcome.kind === 'late' ? shareOf(pricePence, outcome.percent) : 0;
}
