import { describe, expect, it } from 'vitest';
import { addMonths } from '~/server/governance/governance-reports';

describe('addMonths', () => {
  it('keeps the day, or the month’s last day', () => {
    expect(addMonths('2026-12-05', 3)).toBe('2027-03-05');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-01-31', -12)).toBe('2026-01-31');
  });
});
