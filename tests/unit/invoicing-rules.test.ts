import { describe, expect, it } from 'vitest';
import {
  subscriptionPartsLeft,
  subscriptionPeriods,
  termsOfPeriodKey,
} from '~/server/invoicing/billing-periods';
import { ZInvoiceSettingsInput } from '~/server/invoicing/settings';
import { customerCategoryLabels } from '~/server/invoicing/customer-category-labels';
import { financeSystemOf, manualPaymentMethodOptions } from '~/server/invoicing/payment-labels';
import {
  agedBucket,
  lineTotals,
  schoolFinancialYear,
  settledStatus,
  splitPence,
  sumTotals,
  vatBreakdown,
  vatTreatmentFor,
} from '~/server/invoicing/rules';

describe('invoice line totals', () => {
  it('rounds quantity × unit price to the penny, then VAT per line, half up', () => {
    // 1.5 × £333.33 = £499.995 → £500.00; VAT 20% = £100.00
    expect(
      lineTotals({
        quantityHundredths: 150,
        unitPricePence: 33_333,
        vatTreatment: 'standard',
        vatRateBasisPoints: 2000,
      }),
    ).toEqual({
      netPence: 50_000,
      vatRateBasisPoints: 2000,
      vatPence: 10_000,
      grossPence: 60_000,
    });
    // £0.125 VAT → 13p (half up), not banker's 12p
    expect(
      lineTotals({
        quantityHundredths: 100,
        unitPricePence: 63,
        vatTreatment: 'standard',
        vatRateBasisPoints: 2000,
      }).vatPence,
    ).toBe(13);
  });

  it('takes the discount off the net before VAT, and charges no VAT on other treatments', () => {
    expect(
      lineTotals({
        quantityHundredths: 200,
        unitPricePence: 10_000,
        discountPence: 4_000,
        vatTreatment: 'standard',
        vatRateBasisPoints: 2000,
      }),
    ).toMatchObject({ netPence: 16_000, vatPence: 3_200, grossPence: 19_200 });
    for (const treatment of ['zero', 'exempt', 'outside_scope'] as const)
      expect(
        lineTotals({
          quantityHundredths: 100,
          unitPricePence: 10_000,
          vatTreatment: treatment,
          vatRateBasisPoints: 2000,
        }),
      ).toMatchObject({
        vatPence: 0,
        vatRateBasisPoints: 0,
        grossPence: 10_000,
      });
    expect(() =>
      lineTotals({
        quantityHundredths: 100,
        unitPricePence: 100,
        discountPence: 101,
        vatTreatment: 'zero',
        vatRateBasisPoints: 0,
      }),
    ).toThrow(RangeError);
  });

  it('totals are the sums of the rounded lines, and the VAT breakdown groups by rate', () => {
    const lines = [
      {
        vatTreatment: 'standard' as const,
        ...lineTotals({
          quantityHundredths: 100,
          unitPricePence: 63,
          vatTreatment: 'standard',
          vatRateBasisPoints: 2000,
        }),
      },
      {
        vatTreatment: 'standard' as const,
        ...lineTotals({
          quantityHundredths: 100,
          unitPricePence: 63,
          vatTreatment: 'standard',
          vatRateBasisPoints: 2000,
        }),
      },
      {
        vatTreatment: 'outside_scope' as const,
        vatRateBasisPoints: 0,
        netPence: 1000,
        vatPence: 0,
        grossPence: 1000,
      },
    ];
    expect(sumTotals(lines)).toEqual({ netPence: 1126, vatPence: 26, grossPence: 1152 });
    expect(vatBreakdown(lines)).toHaveLength(2);
  });
});

describe('VAT treatment rules', () => {
  const rules = [
    {
      productKind: 'any' as const,
      customerCategory: 'maintained' as const,
      treatment: 'outside_scope' as const,
    },
    { productKind: 'any' as const, customerCategory: 'any' as const, treatment: 'standard' as const },
    { productKind: 'service' as const, customerCategory: 'academy' as const, treatment: 'exempt' as const },
  ];
  it('the most specific rule wins: the LA’s own maintained school is outside the scope, an academy standard-rated', () => {
    expect(vatTreatmentFor(rules, 'package', 'maintained', 2000)).toBe('outside_scope');
    expect(vatTreatmentFor(rules, 'package', 'academy', 2000)).toBe('standard');
    expect(vatTreatmentFor(rules, 'service', 'academy', 2000)).toBe('exempt');
    expect(vatTreatmentFor(rules, 'service', 'out_of_area', 0)).toBe('standard');
  });
  it('with no rule, the catalogue rate decides', () => {
    expect(vatTreatmentFor([], 'package', 'academy', 2000)).toBe('standard');
    expect(vatTreatmentFor([], 'package', 'academy', 0)).toBe('outside_scope');
  });
});

describe('billing periods', () => {
  const sub = { academicYear: 2026, termsCharged: 3, netPricePence: 100_001 };
  it('annual: one part from 1 September', () => {
    expect(subscriptionPeriods('annual', sub, 'academy')).toEqual([
      {
        key: 'annual',
        label: '2026/27',
        billableFrom: '2026-09-01',
        pence: 100_001,
        terms: ['autumn', 'spring', 'summer'],
      },
    ]);
  });
  it('annual for a school that joined part-way: the line names the terms it pays for', () => {
    expect(subscriptionPeriods('annual', { ...sub, termsCharged: 2 }, 'academy')[0]?.label).toBe(
      '2026/27, spring and summer terms (joined part-way: 2 of 3 terms)',
    );
    expect(subscriptionPeriods('annual', { ...sub, termsCharged: 1 }, 'academy')[0]?.label).toBe(
      '2026/27, summer term (joined part-way: 1 of 3 terms)',
    );
  });
  it('termly: equal parts adding up exactly, only the terms charged', () => {
    const parts = subscriptionPeriods('termly', sub, 'academy');
    expect(parts.map((p) => p.pence)).toEqual([33_333, 33_333, 33_335]);
    expect(parts.map((p) => p.billableFrom)).toEqual(['2026-09-01', '2027-01-01', '2027-04-01']);
    expect(subscriptionPeriods('termly', { ...sub, termsCharged: 1 }, 'academy').map((p) => p.key)).toEqual([
      'summer',
    ]);
  });
  it('a maintained school’s year is split 7/12 to March and 5/12 from April; an academy is billed once', () => {
    const parts = subscriptionPeriods(
      'financial_year_split',
      { ...sub, netPricePence: 120_000 },
      'maintained',
    );
    expect(parts.map((p) => [p.key, p.pence, p.billableFrom])).toEqual([
      ['fy-2026', 70_000, '2026-09-01'],
      ['fy-2027', 50_000, '2027-04-01'],
    ]);
    expect(subscriptionPeriods('financial_year_split', sub, 'academy')).toHaveLength(1);
    expect(splitPence(100, [1, 1, 1])).toEqual([33, 33, 34]);
  });
  it('a change of mode bills only the terms not yet invoiced, and the year adds up to the price', () => {
    // Whole year invoiced, then termly: nothing more, at any date.
    expect(
      subscriptionPartsLeft('termly', sub, 'academy', '2027-08-31', [
        { periodKey: 'annual', pence: 100_001 },
      ]),
    ).toEqual([]);
    // Autumn invoiced termly, then the whole year: the spring and summer terms on one line, for the rest.
    const rest = subscriptionPartsLeft('annual', sub, 'academy', '2026-12-01', [
      { periodKey: 'autumn', pence: 33_333 },
    ]);
    expect(rest.map((p) => [p.key, p.pence, p.label])).toEqual([
      ['spring+summer', 66_668, 'spring and summer terms 2026/27 (the rest not yet invoiced)'],
    ]);
    // Financial-year split to March, then termly: only the summer term, for what is left of the price.
    const fy = subscriptionPartsLeft(
      'termly',
      { ...sub, netPricePence: 120_000 },
      'maintained',
      '2027-08-31',
      [{ periodKey: 'fy-2026', pence: 70_000 }],
    );
    expect(fy.map((p) => [p.key, p.pence])).toEqual([['summer', 50_000]]);
    expect(termsOfPeriodKey('fy-2027', sub)).toEqual(['summer']);
    expect(termsOfPeriodKey('annual', { ...sub, termsCharged: 2 })).toEqual(['spring', 'summer']);
  });
});

describe('settlement and ageing', () => {
  it('status follows what is paid and credited', () => {
    expect(settledStatus(1000, 0, 0)).toBe('issued');
    expect(settledStatus(1000, 400, 0)).toBe('part_paid');
    expect(settledStatus(1000, 400, 600)).toBe('paid');
  });
  it('ages debt by days past due', () => {
    expect(agedBucket('2026-11-30', '2026-11-30')).toBe('current');
    expect(agedBucket('2026-10-31', '2026-11-30')).toBe('1-30');
    expect(agedBucket('2026-10-01', '2026-11-30')).toBe('31-60');
    expect(agedBucket('2026-09-01', '2026-11-30')).toBe('61-90');
    expect(agedBucket('2026-08-01', '2026-11-30')).toBe('90+');
  });
});

describe('a school’s financial year (the statement’s default start)', () => {
  it('runs April to March for a maintained school and September to August for an academy', () => {
    expect(schoolFinancialYear('maintained', '2026-12-04')).toEqual({
      from: '2026-04-01',
      to: '2027-03-31',
      label: '2026-27',
      runs: 'April to March',
    });
    expect(schoolFinancialYear('maintained', '2027-03-31').from).toBe('2026-04-01');
    expect(schoolFinancialYear('maintained', '2027-04-01').from).toBe('2027-04-01');
    expect(schoolFinancialYear('not_maintained', '2026-08-31')).toMatchObject({
      from: '2025-09-01',
      to: '2026-08-31',
      runs: 'September to August',
    });
    expect(schoolFinancialYear('not_maintained', '2026-09-01').from).toBe('2026-09-01');
  });
});

describe('VAT number in invoice settings', () => {
  const vat = ZInvoiceSettingsInput.shape.vatNumber;
  it('takes the number as it is printed, spaces and all', () => {
    expect(vat.parse('gb 123 4567 89')).toBe('GB123456789');
    expect(vat.parse(' 123456789 ')).toBe('123456789');
    expect(vat.parse(null)).toBeNull();
  });
  it('refuses what is not a UK VAT number, in words', () => {
    const refused = vat.safeParse('GB 123');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('Enter a UK VAT number, e.g. GB123456789');
  });
});

describe('invoicing words for each kind of workspace', () => {
  it('offers an internal journal as a payment method to a local authority only', () => {
    expect(manualPaymentMethodOptions('la').map((o) => o.label)).toEqual([
      'BACS transfer',
      'Cheque',
      'Internal recharge / journal',
    ]);
    for (const kind of ['provider', 'appropriate_body'] as const)
      expect(manualPaymentMethodOptions(kind).map((o) => o.label)).toEqual(['BACS transfer', 'Cheque']);
  });

  it('names the finance system by the kind of workspace, and a price basis in words', () => {
    expect(financeSystemOf.la).toBe('the council’s finance system');
    expect(financeSystemOf.provider).not.toMatch(/council/);
    expect(customerCategoryLabels.out_of_area).toBe('Out of area');
  });
});
