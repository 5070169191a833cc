import { describe, expect, it } from 'vitest';
import { priceWithVatLine, vatAmountWording, vatLabel } from '~/server/invoicing/vat-wording';

describe('VAT as a quote words it', () => {
  it('names the rate, the treatment, or that the workspace is not registered', () => {
    expect(vatLabel({ treatment: 'standard', rateBasisPoints: 2000 }, true)).toBe('VAT at 20%');
    expect(vatLabel({ treatment: 'standard', rateBasisPoints: 500 }, true)).toBe('VAT at 5%');
    expect(vatLabel({ treatment: 'outside_scope', rateBasisPoints: 0 }, true)).toBe(
      'Outside the scope of VAT',
    );
    expect(vatLabel({ treatment: 'exempt', rateBasisPoints: 0 }, true)).toBe('Exempt');
    expect(vatLabel({ treatment: 'outside_scope', rateBasisPoints: 0 }, false)).toBe(
      'No VAT: we are not registered for VAT',
    );
  });

  it('gives the VAT row an amount only when VAT is charged', () => {
    expect(vatAmountWording(78_000, { rateBasisPoints: 2000, label: 'VAT at 20%' })).toBe(
      '£780.00 (VAT at 20%)',
    );
    expect(vatAmountWording(0, { rateBasisPoints: 0, label: 'Outside the scope of VAT' })).toBe(
      'Outside the scope of VAT',
    );
  });

  it('puts a price in one line: before VAT, VAT and total, or the price alone with why there is no VAT', () => {
    expect(priceWithVatLine(390_000, 78_000, { rateBasisPoints: 2000, label: 'VAT at 20%' })).toBe(
      '£3,900.00 before VAT + £780.00 VAT at 20% = £4,680.00',
    );
    expect(priceWithVatLine(390_000, 0, { rateBasisPoints: 0, label: 'Outside the scope of VAT' })).toBe(
      '£3,900.00 (Outside the scope of VAT)',
    );
  });
});
