import type { IsoDate } from '../catalogue/academic-year';

/**
 * The arithmetic of a commissioning contract, kept pure so it can be tested without a database: days
 * delivered against days funded, spend against the value that has accrued so far, and whether a delivery
 * date can be logged against the contract.
 */

export type Rag = 'red' | 'amber' | 'green';

const dayNumber = (date: IsoDate) => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/** Days from `from` to `to`, counting both ends (1 Sept to 1 Sept is one day). */
export const daysInclusive = (from: IsoDate, to: IsoDate) => dayNumber(to) - dayNumber(from) + 1;

export type DeliveryLine = { urn: number; deliveredOn: IsoDate; daysHundredths: number; costPence: number };
export type FundedLine = { urn: number; fundedDaysHundredths: number };

export type SchoolProgress = {
  urn: number;
  fundedDaysHundredths: number;
  deliveredDaysHundredths: number;
  remainingDaysHundredths: number;
  /** Delivered share of the funded days, 0–100+ (null when nothing is funded). */
  percentDelivered: number | null;
  costPence: number;
};

/** Per covered school: funded days, days delivered so far and what is left (never below zero). */
export function deliveredAgainstFunded(
  schools: readonly FundedLine[],
  deliveries: readonly DeliveryLine[],
): SchoolProgress[] {
  return schools.map((s) => {
    const mine = deliveries.filter((d) => d.urn === s.urn);
    const delivered = mine.reduce((sum, d) => sum + d.daysHundredths, 0);
    return {
      urn: s.urn,
      fundedDaysHundredths: s.fundedDaysHundredths,
      deliveredDaysHundredths: delivered,
      remainingDaysHundredths: Math.max(0, s.fundedDaysHundredths - delivered),
      percentDelivered:
        s.fundedDaysHundredths === 0 ? null : Math.round((delivered / s.fundedDaysHundredths) * 100),
      costPence: mine.reduce((sum, d) => sum + d.costPence, 0),
    };
  });
}

/** The latest RAG a school was given (latest date wins; among equal dates, the last logged). */
export function latestRag<T extends { deliveredOn: IsoDate; progressRag: string }>(
  deliveries: readonly T[],
): Rag | null {
  let latest: T | undefined;
  for (const d of deliveries) if (!latest || d.deliveredOn >= latest.deliveredOn) latest = d;
  const rag = latest?.progressRag;
  return rag === 'red' || rag === 'amber' || rag === 'green' ? rag : null;
}

/** The same day `years` later (29 February becomes 28 February in a year without one). */
function anniversary(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const dayBefore = (date: IsoDate): IsoDate =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The value accrued from the start to `until` (inclusive, capped at the end of the contract): each contract
 * year (start to the day before its anniversary) is worth the annual value, spread over that year's real
 * days — 366 in a year holding 29 February — so two full years are worth exactly twice the annual value
 * (731 days), and a part year its share of the days of that year.
 */
function accruedPence(
  contract: { annualValuePence: number; startsOn: IsoDate; endsOn: IsoDate },
  until: IsoDate,
): number {
  const last = until > contract.endsOn ? contract.endsOn : until;
  let value = 0;
  for (let year = 0; ; year++) {
    const from = anniversary(contract.startsOn, year);
    if (from > last) break;
    const to = dayBefore(anniversary(contract.startsOn, year + 1));
    const covered = daysInclusive(from, last < to ? last : to);
    value += (contract.annualValuePence * covered) / daysInclusive(from, to);
  }
  return Math.round(value);
}

/**
 * The contract value accrued by `today`: nothing before it starts, each contract year's annual value spread
 * over the real days of that year, and the whole value of the period once it has ended.
 */
export function proRataValuePence(
  contract: { annualValuePence: number; startsOn: IsoDate; endsOn: IsoDate },
  today: IsoDate,
): number {
  if (today < contract.startsOn) return 0;
  return accruedPence(contract, today);
}

/** The whole value of the contract over its period (annual value × years, pro rata for part years). */
export const periodValuePence = (contract: {
  annualValuePence: number;
  startsOn: IsoDate;
  endsOn: IsoDate;
}) => accruedPence(contract, contract.endsOn);

export type ContractTotals = {
  fundedDaysHundredths: number;
  deliveredDaysHundredths: number;
  spendPence: number;
  accruedValuePence: number;
  /** Spend as a share of the value accrued so far (null before the contract starts). */
  spendPercentOfAccrued: number | null;
};

export function contractTotals(
  contract: { annualValuePence: number; startsOn: IsoDate; endsOn: IsoDate },
  schools: readonly FundedLine[],
  deliveries: readonly DeliveryLine[],
  today: IsoDate,
): ContractTotals {
  const accrued = proRataValuePence(contract, today);
  const spend = deliveries.reduce((sum, d) => sum + d.costPence, 0);
  return {
    fundedDaysHundredths: schools.reduce((sum, s) => sum + s.fundedDaysHundredths, 0),
    deliveredDaysHundredths: deliveries.reduce((sum, d) => sum + d.daysHundredths, 0),
    spendPence: spend,
    accruedValuePence: accrued,
    spendPercentOfAccrued: accrued === 0 ? null : Math.round((spend / accrued) * 100),
  };
}

/**
 * Why a delivery date cannot be logged against the contract, or null when it can: not in the future, and
 * within the contract period.
 */
export function deliveryDateProblem(
  deliveredOn: IsoDate,
  contract: { startsOn: IsoDate; endsOn: IsoDate },
  today: IsoDate,
): string | null {
  if (deliveredOn > today) return 'The date of the delivery cannot be in the future.';
  if (deliveredOn < contract.startsOn || deliveredOn > contract.endsOn)
    return 'The date must fall within the contract period.';
  return null;
}

/** Why a contract period is not valid, or null. */
export function contractPeriodProblem(startsOn: IsoDate, endsOn: IsoDate): string | null {
  if (endsOn < startsOn) return 'The contract must end on or after the day it starts.';
  return null;
}
