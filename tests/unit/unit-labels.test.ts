import { describe, expect, it } from 'vitest';
import { lineName } from '~/server/entitlements/balance-key';
import { unitChoiceLabel, unitLabels } from '~/server/entitlements/unit-labels';

describe('entitlement unit names', () => {
  it('names the governing-body unit one way: in the course form, the catalogue and statements', () => {
    expect(unitChoiceLabel('governor_item')).toBe('Governing-body items');
    expect(unitLabels.governor_item.one).toBe('governing-body item');
    expect(lineName('governor_item', null)).toBe('governing-body items (general)');
    expect(unitChoiceLabel('course_place')).toBe('Course places');
  });
});
