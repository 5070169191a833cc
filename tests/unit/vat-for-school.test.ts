import { describe, expect, it } from 'vitest';
import {
  customerCategoryOf,
  vatByCategory,
  vatFor,
  vatForSchool,
  type WorkspaceVat,
} from '~/server/invoicing/vat-for-school';

const registered: WorkspaceVat = {
  vatNumber: 'GB318440227',
  standardRateBasisPoints: 2000,
  vatRules: [],
};
const laOutsideScope: WorkspaceVat = {
  ...registered,
  vatRules: [{ productKind: 'any', customerCategory: 'maintained', treatment: 'outside_scope' }],
};

describe('customerCategoryOf (GIAS type, isMaintainedSchool)', () => {
  it('maintained by the type, not the group: a community special school is maintained', () => {
    expect(customerCategoryOf({ laCode: '302', type: 'Community school' }, ['302'])).toBe('maintained');
    expect(customerCategoryOf({ laCode: '302', type: 'Community special school' }, ['302'])).toBe(
      'maintained',
    );
    expect(customerCategoryOf({ laCode: '302', type: 'Pupil referral unit' }, ['302'])).toBe('maintained');
  });
  it('academies, free schools, independent and non-maintained special schools in the area are charged as academies', () => {
    for (const type of [
      'Academy converter',
      'Free schools',
      'Other independent school',
      'Non-maintained special school',
    ])
      expect(customerCategoryOf({ laCode: '302', type }, ['302'])).toBe('academy');
  });
  it('out of area when its LA is not one the workspace serves; a workspace with none has no area', () => {
    expect(customerCategoryOf({ laCode: '330', type: 'Community school' }, ['302'])).toBe('out_of_area');
    expect(customerCategoryOf({ laCode: '330', type: 'Community school' }, [])).toBe('maintained');
  });
});

describe('vatFor: one decision for quotes, bookings and invoices', () => {
  const place = { kind: 'service' as const, rateBasisPoints: 2000 };
  it('not VAT-registered (no VAT number): never charges VAT', () => {
    expect(vatFor({ ...registered, vatNumber: null }, 'academy', place)).toEqual({
      category: 'academy',
      treatment: 'outside_scope',
      rateBasisPoints: 0,
    });
    expect(
      vatFor({ ...registered, vatNumber: null }, 'academy', {
        kind: 'package',
        rateBasisPoints: 0,
        treatment: 'standard',
      }),
    ).toMatchObject({ treatment: 'outside_scope', rateBasisPoints: 0 });
  });
  it('the workspace’s rule for maintained schools applies; an academy is standard-rated', () => {
    expect(vatForSchool(laOutsideScope, { laCode: '302', type: 'Community school' }, ['302'], place)).toEqual(
      {
        category: 'maintained',
        treatment: 'outside_scope',
        rateBasisPoints: 0,
      },
    );
    expect(
      vatForSchool(laOutsideScope, { laCode: '302', type: 'Academy converter' }, ['302'], place),
    ).toEqual({
      category: 'academy',
      treatment: 'standard',
      rateBasisPoints: 2000,
    });
  });
  it('a product marked exempt or zero-rated stays so whatever the rules say', () => {
    const standardForAll: WorkspaceVat = {
      ...registered,
      vatRules: [{ productKind: 'any', customerCategory: 'any', treatment: 'standard' }],
    };
    expect(
      vatFor(standardForAll, 'academy', { kind: 'package', rateBasisPoints: 0, treatment: 'exempt' }),
    ).toEqual({ category: 'academy', treatment: 'exempt', rateBasisPoints: 0 });
    expect(
      vatFor(standardForAll, 'academy', { kind: 'package', rateBasisPoints: 0, treatment: 'zero' }),
    ).toMatchObject({
      treatment: 'zero',
    });
  });
  it('a standard-rated product with no rate of its own takes the standard rate; one with none is outside the scope', () => {
    expect(
      vatFor(registered, 'academy', { kind: 'package', rateBasisPoints: 0, treatment: 'standard' }),
    ).toMatchObject({ treatment: 'standard', rateBasisPoints: 2000 });
    expect(vatFor(registered, 'academy', { kind: 'package', rateBasisPoints: 0 })).toMatchObject({
      treatment: 'outside_scope',
      rateBasisPoints: 0,
    });
  });
  it('a course set to 0% charges no VAT even where a rule standard-rates everything; a catalogue item with no rate is standard-rated by it', () => {
    const standardForAll: WorkspaceVat = {
      ...registered,
      vatRules: [{ productKind: 'any', customerCategory: 'any', treatment: 'standard' }],
    };
    expect(
      vatFor(standardForAll, 'academy', { kind: 'service', rateBasisPoints: 0, rateIsFinal: true }),
    ).toMatchObject({ treatment: 'outside_scope', rateBasisPoints: 0 });
    expect(vatFor(standardForAll, 'academy', { kind: 'service', rateBasisPoints: 0 })).toMatchObject({
      treatment: 'standard',
      rateBasisPoints: 2000,
    });
    const exemptServices: WorkspaceVat = {
      ...registered,
      vatRules: [{ productKind: 'service', customerCategory: 'any', treatment: 'exempt' }],
    };
    expect(
      vatFor(exemptServices, 'academy', { kind: 'service', rateBasisPoints: 0, rateIsFinal: true }),
    ).toMatchObject({ treatment: 'exempt' });
  });
  it('by category, where no school is known', () => {
    expect(vatByCategory(laOutsideScope, place)).toMatchObject({
      rateBasisPoints: 2000,
      chargedToAll: false,
      chargedToNone: false,
      customerCategoriesCharged: ['academy', 'out_of_area'],
    });
    expect(vatByCategory(registered, place)).toMatchObject({ chargedToAll: true });
    expect(vatByCategory({ ...registered, vatNumber: null }, place)).toMatchObject({ chargedToNone: true });
  });
});
