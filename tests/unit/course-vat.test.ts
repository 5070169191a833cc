import { describe, expect, it } from 'vitest';
import {
  placeVatRate,
  priceWithVat,
  publicCourseVat,
  serviceVatRate,
  vatPercent,
} from '~/server/courses/course-vat';
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

  it('a school pays the course’s rate unless the workspace’s rule for its kind of school says otherwise', () => {
    const la = {
      ...registered,
      vatRules: [
        {
          productKind: 'any' as const,
          customerCategory: 'maintained' as const,
          treatment: 'outside_scope' as const,
        },
      ],
    };
    const course = { vatRateBasisPoints: 2000 };
    expect(placeVatRate(la, course, { laCode: '302', type: 'Community school' }, ['302'])).toBe(0);
    expect(placeVatRate(la, course, { laCode: '302', type: 'Academy sponsor led' }, ['302'])).toBe(2000);
    expect(
      placeVatRate(la, { vatRateBasisPoints: 0 }, { laCode: '302', type: 'Academy sponsor led' }, ['302']),
    ).toBe(0);
  });

  it('the public page says "plus VAT" only when every kind of school pays it', () => {
    expect(publicCourseVat(registered, { vatRateBasisPoints: 2000 })).toEqual({
      rateForPrices: 2000,
      sentence: 'VAT is charged at 20%.',
    });
    expect(publicCourseVat({ ...registered, vatNumber: null }, { vatRateBasisPoints: 2000 })).toEqual({
      rateForPrices: 0,
      sentence: null,
    });
    expect(
      publicCourseVat(
        {
          ...registered,
          vatRules: [{ productKind: 'any', customerCategory: 'maintained', treatment: 'outside_scope' }],
        },
        { vatRateBasisPoints: 2000 },
      ).sentence,
    ).toBe(
      'Plus VAT where it applies: 20% for academies and other schools the local authority does not maintain and schools outside the area; none for maintained schools.',
    );
  });
});
