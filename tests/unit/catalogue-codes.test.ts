import { describe, expect, it } from 'vitest';
import { nextYearCode, sameProductNextYear } from '~/server/catalogue/catalogue-codes';
import { uplift } from '~/server/catalogue/copy-catalogue-forward';

describe('a code copied into the next year', () => {
  it('moves the year in it on, in the format it is written', () => {
    expect(nextYearCode('ACL-2026', 2026)).toBe('ACL-2027');
    expect(nextYearCode('ACL2026', 2026)).toBe('ACL2027');
    expect(nextYearCode('ACL-2026-27', 2026)).toBe('ACL-2027-28');
    expect(nextYearCode('ACL-26', 2026)).toBe('ACL-27');
    expect(nextYearCode('ACL-2099-00', 2099)).toBe('ACL-2100-01');
  });

  it('adds the new year to a code with none (or with another number at its end)', () => {
    expect(nextYearCode('HSIP-ACL', 2026)).toBe('HSIP-ACL-2027');
    expect(nextYearCode('EMA-01', 2026)).toBe('EMA-01-2027');
    expect(nextYearCode('ACL-2025', 2026)).toBe('ACL-2025-2027');
    const long = nextYearCode('A'.repeat(30), 2026);
    expect(long).toBe(`${'A'.repeat(25)}-2027`);
    expect(long.length).toBeLessThanOrEqual(30);
  });

  it('matches a product across the years, copied forward or made again with its code', () => {
    expect(sameProductNextYear('HSIP-ACL', 'HSIP-ACL-2027', 2026)).toBe(true);
    expect(sameProductNextYear('HSIP-ACL', 'HSIP-ACL', 2026)).toBe(true);
    expect(sameProductNextYear('ACL-2026', 'ACL-2027', 2026)).toBe(true);
    expect(sameProductNextYear('HSIP-ACL', 'HSIP-GOV-2027', 2026)).toBe(false);
  });
});

describe('an uplifted price', () => {
  it('is rounded to the nearest whole pound', () => {
    expect(uplift(390_000, 3.5)).toBe(403_700); // £4,036.50 → £4,037
    expect(uplift(125_000, 3)).toBe(128_800); // £1,287.50 → £1,288
    expect(uplift(99_99, 2)).toBe(102_00); // £101.99 → £102
    expect(uplift(0, 3)).toBe(0);
  });

  it('is kept as it is with no uplift', () => {
    expect(uplift(99_99, 0)).toBe(99_99);
  });
});
