import { describe, expect, it } from 'vitest';
import { priceWithVat, serviceVatRate, vatPercent } from '~/server/courses/course-vat';
import { placeDetailLines } from '~/server/courses/course-emails';

const registered = { vatNumber: 'GB318440227', standardRateBasisPoints: 2000, vatRules: [] };

describe('a course place’s VAT', () => {
  it('states the price with VAT and the total a school will be invoiced', () => {
    expect(priceWithVat(12_000, 2000)).toBe('£120.00 plus VAT (£144.00)');
    expect(priceWithVat(12_000, 2000, 2)).toBe('£240.00 plus VAT (£288.00)');
    // Rounded per place, as each place is its own invoice line.
    expect(priceWithVat(1_999, 2000)).toBe('£19.99 plus VAT (£23.99)');
    expect(priceWithVat(12_000, 0)).toBe('£120.00');
    expect(priceWithVat(0, 2000)).toBe('£0.00');
    expect(vatPercent(2000)).toBe('20%');
    expect(vatPercent(1750)).toBe('17.5%');
  });

  it('a new course takes the invoice settings’ rate for services; none without a VAT number', () => {
    expect(serviceVatRate(registered)).toBe(2000);
    expect(serviceVatRate({ ...registered, vatNumber: null })).toBe(0);
    expect(serviceVatRate(undefined)).toBe(0);
    expect(
      serviceVatRate({
        ...registered,
        vatRules: [{ productKind: 'service', customerCategory: 'any', treatment: 'exempt' }],
      }),
    ).toBe(0);
    // A rule for one kind of school applies when invoicing, not to the course's own rate.
    expect(
      serviceVatRate({
        ...registered,
        vatRules: [
          { productKind: 'any', customerCategory: 'maintained', treatment: 'outside_scope' },
          { productKind: 'any', customerCategory: 'any', treatment: 'standard' },
        ],
      }),
    ).toBe(2000);
  });

  it('the confirmation’s cost line gives the price with VAT only when VAT applies', () => {
    const place = {
      schoolName: 'Grange Primary',
      funding: 'charge' as const,
      pricePence: 12_000,
      terms: { freeUntilWorkingDays: 10, lateCancellationPercent: 50, noShowPercent: 100 },
      firstSessionOn: undefined,
      bookedOn: '2026-12-05',
    };
    expect(placeDetailLines({ ...place, vatRateBasisPoints: 2000 })[1]).toBe(
      'The place costs £120.00 plus VAT (£144.00), charged to Grange Primary.',
    );
    expect(placeDetailLines({ ...place, vatRateBasisPoints: 0 })[1]).toBe(
      'The place costs £120.00, charged to Grange Primary.',
    );
  });
});
