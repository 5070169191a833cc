import { describe, expect, it } from 'vitest';
import {
  contractPeriodProblem,
  contractTotals,
  daysInclusive,
  deliveredAgainstFunded,
  deliveryDateProblem,
  latestRag,
  periodValuePence,
  proRataValuePence,
} from '~/server/commissioning/contract-sums';

const bep = { annualValuePence: 108_000_000, startsOn: '2026-09-01', endsOn: '2028-08-31' };

describe('deliveredAgainstFunded', () => {
  it('sums each school’s days and cost and what remains, never below zero', () => {
    const progress = deliveredAgainstFunded(
      [
        { urn: 1, fundedDaysHundredths: 2000 },
        { urn: 2, fundedDaysHundredths: 100 },
        { urn: 3, fundedDaysHundredths: 0 },
      ],
      [
        { urn: 1, deliveredOn: '2026-09-16', daysHundredths: 100, costPence: 60_000 },
        { urn: 1, deliveredOn: '2026-10-07', daysHundredths: 50, costPence: 30_000 },
        { urn: 2, deliveredOn: '2026-10-07', daysHundredths: 150, costPence: 90_000 },
        { urn: 9, deliveredOn: '2026-10-07', daysHundredths: 500, costPence: 1 },
      ],
    );
    expect(progress).toEqual([
      {
        urn: 1,
        fundedDaysHundredths: 2000,
        deliveredDaysHundredths: 150,
        remainingDaysHundredths: 1850,
        percentDelivered: 8,
        costPence: 90_000,
      },
      {
        urn: 2,
        fundedDaysHundredths: 100,
        deliveredDaysHundredths: 150,
        remainingDaysHundredths: 0,
        percentDelivered: 150,
        costPence: 90_000,
      },
      {
        urn: 3,
        fundedDaysHundredths: 0,
        deliveredDaysHundredths: 0,
        remainingDaysHundredths: 0,
        percentDelivered: null,
        costPence: 0,
      },
    ]);
  });
});

describe('latestRag', () => {
  it('takes the latest date, the last logged among equal dates, and null with none', () => {
    expect(
      latestRag([
        { deliveredOn: '2026-10-07', progressRag: 'green' },
        { deliveredOn: '2026-09-16', progressRag: 'red' },
      ]),
    ).toBe('green');
    expect(
      latestRag([
        { deliveredOn: '2026-10-07', progressRag: 'green' },
        { deliveredOn: '2026-10-07', progressRag: 'amber' },
      ]),
    ).toBe('amber');
    expect(latestRag([])).toBeNull();
  });
});

describe('pro-rata value', () => {
  it('counts days inclusively', () => {
    expect(daysInclusive('2026-09-01', '2026-09-01')).toBe(1);
    expect(daysInclusive('2026-09-01', '2027-08-31')).toBe(365);
    expect(daysInclusive('2027-03-01', '2027-03-31')).toBe(31);
  });

  it('accrues nothing before the start, by the day during, and the whole period after the end', () => {
    expect(proRataValuePence(bep, '2026-08-31')).toBe(0);
    expect(proRataValuePence(bep, '2026-09-01')).toBe(Math.round(108_000_000 / 365));
    // 1 Sept to 23 Nov 2026 is 84 days.
    expect(proRataValuePence(bep, '2026-11-23')).toBe(Math.round((108_000_000 * 84) / 365));
    expect(proRataValuePence(bep, '2027-08-31')).toBe(108_000_000);
    expect(proRataValuePence(bep, '2030-01-01')).toBe(periodValuePence(bep));
    // Two years including 29 Feb 2028 are 731 days, and worth two years' value: not 731/365 of a year.
    expect(daysInclusive(bep.startsOn, bep.endsOn)).toBe(731);
    expect(periodValuePence(bep)).toBe(216_000_000);
  });

  // Source: 003 (Birmingham → BEP) "£1.08m a year, 2 academic years" (domain note, Organisations): the value
  // of a contract year is the annual value, whatever the year's length.
  it('spreads each contract year over its real days: 366 in the year holding 29 February', () => {
    const leap = { annualValuePence: 36_600_000, startsOn: '2027-09-01', endsOn: '2029-08-31' };
    // The first year (1 Sep 2027 – 31 Aug 2028) holds 29 Feb 2028: 366 days, 100,000p a day.
    expect(proRataValuePence(leap, '2027-09-01')).toBe(100_000);
    expect(proRataValuePence(leap, '2028-08-31')).toBe(36_600_000);
    // The second year has 365 days.
    expect(proRataValuePence(leap, '2028-09-01')).toBe(36_600_000 + Math.round(36_600_000 / 365));
    expect(periodValuePence(leap)).toBe(73_200_000);
    // A part year is its share of that year's days.
    expect(periodValuePence({ ...leap, endsOn: '2028-02-29' })).toBe(Math.round((36_600_000 * 182) / 366));
  });

  it('totals funded and delivered days and spend against the accrued value', () => {
    const totals = contractTotals(
      { annualValuePence: 3_650_000, startsOn: '2026-09-01', endsOn: '2027-08-31' },
      [
        { urn: 1, fundedDaysHundredths: 1000 },
        { urn: 2, fundedDaysHundredths: 500 },
      ],
      [{ urn: 1, deliveredOn: '2026-09-05', daysHundredths: 200, costPence: 50_000 }],
      '2026-09-10',
    );
    expect(totals).toEqual({
      fundedDaysHundredths: 1500,
      deliveredDaysHundredths: 200,
      spendPence: 50_000,
      accruedValuePence: 100_000,
      spendPercentOfAccrued: 50,
    });
    expect(
      contractTotals(
        { annualValuePence: 100, startsOn: '2027-01-01', endsOn: '2027-12-31' },
        [],
        [],
        '2026-11-23',
      ).spendPercentOfAccrued,
    ).toBeNull();
  });
});

describe('dates', () => {
  const period = { startsOn: '2026-09-01', endsOn: '2027-08-31' };
  it('refuses a delivery in the future or outside the period', () => {
    expect(deliveryDateProblem('2026-11-23', period, '2026-11-23')).toBeNull();
    expect(deliveryDateProblem('2026-09-01', period, '2026-11-23')).toBeNull();
    expect(deliveryDateProblem('2026-11-24', period, '2026-11-23')).toMatch(/future/);
    expect(deliveryDateProblem('2026-08-31', period, '2026-11-23')).toMatch(/contract period/);
    expect(deliveryDateProblem('2027-09-01', period, '2028-01-01')).toMatch(/contract period/);
  });
  it('refuses a contract that ends before it starts', () => {
    expect(contractPeriodProblem('2026-09-01', '2026-09-01')).toBeNull();
    expect(contractPeriodProblem('2026-09-01', '2026-08-31')).toMatch(/end on or after/);
  });
});
