import { describe, expect, it } from 'vitest';
import { uncoveredQuantity } from '~/server/entitlements/draw-down-entitlement';
import { grantsFor, paidShare, proRataGrant } from '~/server/entitlements/pro-rata-grant';

// Issue 11, "Partial cover": with half a day left and a day logged, draw the half and charge the rest.
// Harrow's rates (004 line 394 and the domain note "Adviser day ≈ £600, half day £300"; members 20% off).
describe('partial cover: what is charged when the entitlement covers part of a use', () => {
  it('charges half a day when a day is logged against half a day left', () => {
    // A consultancy day (100 hundredths charged) drawing 1 adviser day (100), 50 left: 50 charged.
    expect(uncoveredQuantity(100, 100, 50)).toBe(50);
  });

  it('charges nothing when the entitlement covers the whole use, everything when it covers none', () => {
    expect(uncoveredQuantity(100, 100, 100)).toBe(0);
    expect(uncoveredQuantity(100, 100, 0)).toBe(100);
  });

  it('converts between the units drawn and charged (a BPSI review: 1 review drawing 12 hours)', () => {
    // 4 hours left of the 12 the review draws: two thirds of the review is charged.
    expect(uncoveredQuantity(100, 1_200, 400)).toBe(67);
  });
});

// Issue 11: "a school that joins late gets entitlements in proportion to what it pays".
describe('late joiner: entitlements in proportion to what it pays', () => {
  it('is the price paid over the full-year price', () => {
    expect(paidShare({ netPence: 130_000, fullPricePence: 390_000, termsCharged: 1 })).toBeCloseTo(1 / 3);
    expect(paidShare({ netPence: 260_000, fullPricePence: 390_000, termsCharged: 2 })).toBeCloseTo(2 / 3);
    // A non-member raised to the £1,078 minimum (004 line 423) pays the full year, so gets the full year.
    expect(paidShare({ netPence: 107_800, fullPricePence: 107_800, termsCharged: 1 })).toBe(1);
    expect(paidShare({ netPence: 0, fullPricePence: 0, termsCharged: 2 })).toBeCloseTo(2 / 3);
  });

  it('grants time to the hundredth (HSIP-ACL, 004 lines 386–388)', () => {
    expect(proRataGrant('adviser_day', 300, 1 / 3)).toBe(100); // 3 days → 1
    expect(proRataGrant('adviser_half_day', 300, 2 / 3)).toBe(200); // 3 specialist half days → 2
    expect(proRataGrant('adviser_half_day', 200, 1 / 3)).toBe(67); // 2 inspection half days → 0.67
    expect(proRataGrant('adviser_day', 300, 1)).toBe(300);
  });

  it('grants places and items whole, to the nearest one (004 lines 389, 391, 445)', () => {
    expect(proRataGrant('network_place', 300, 1 / 3)).toBe(100);
    expect(proRataGrant('course_place', 400, 2 / 3)).toBe(300); // 2.67 → 3
    expect(proRataGrant('course_place', 100, 1 / 3)).toBe(0);
    expect(proRataGrant('resource', 100, 2 / 3)).toBe(100);
  });
});

// A head joining part-way through the year is told how each line was worked out, by the rule that grants it.
describe('late joiner: how the share of each line is said', () => {
  const twoTerms = { netPence: 200_000, fullPricePence: 300_000, termsCharged: 2, minimumApplied: false };
  const oneTerm = { netPence: 100_000, fullPricePence: 300_000, termsCharged: 1, minimumApplied: false };
  const explain = (
    unit: Parameters<typeof proRataGrant>[0],
    quantityHundredths: number | null,
    quote: typeof twoTerms,
  ) => grantsFor([{ unit, quantityHundredths }], 1, quote)[0];

  it('says a share rounded to whole places, and which way', () => {
    expect(explain('course_place', 1_000, twoTerms)).toMatchObject({
      grantedHundredths: 700,
      explanation:
        '7 of 10 course places: joining with 2 of 3 terms left, two thirds of 10 is 6.67, rounded up to a whole course place.',
    });
    expect(explain('course_place', 400, oneTerm)?.explanation).toBe(
      '1 of 4 course places: joining with 1 of 3 terms left, a third of 4 is 1.33, rounded down to a whole course place.',
    );
  });

  it('says no rounding when the share is a whole number', () => {
    expect(explain('course_place', 900, twoTerms)).toMatchObject({
      grantedHundredths: 600,
      explanation: '6 of 9 course places: joining with 2 of 3 terms left, two thirds of 9.',
    });
  });

  it('says time to two decimal places, the minimum charge’s share, and nothing for a whole year', () => {
    expect(explain('adviser_half_day', 200, oneTerm)?.explanation).toBe(
      '0.67 of 2 adviser half days: joining with 1 of 3 terms left, a third of 2 is 0.667, rounded up to two decimal places.',
    );
    // A non-member paying Harrow's £1,078 minimum (004 line 423) of a £1,348 year in the summer term.
    const minimum = { netPence: 107_800, fullPricePence: 134_800, termsCharged: 1, minimumApplied: true };
    expect(explain('governor_item', 1_000, minimum)?.explanation).toBe(
      '8 of 10 governing-body items: the minimum charge of £1,078.00 is 80% of the full year’s £1,348.00, 80% of 10.',
    );
    const whole = { netPence: 300_000, fullPricePence: 300_000, termsCharged: 3, minimumApplied: false };
    expect(explain('course_place', 1_000, whole)).toMatchObject({
      grantedHundredths: 1_000,
      explanation: null,
    });
    expect(explain('course_place', null, twoTerms)).toMatchObject({
      grantedHundredths: null,
      explanation: null,
    });
  });
});
