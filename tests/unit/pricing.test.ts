import { describe, expect, it } from 'vitest';
import { demoTermDates } from '~/seed/term-dates-data';
import type { TermDates } from '~/server/calendar/term-dates';
import {
  matchBand,
  packageSaving,
  pupilCountNeeded,
  quoteSubscription,
  unitPriceFor,
  vatOn,
  type Buyer,
} from '~/server/catalogue/pricing';

type Item = Parameters<typeof quoteSubscription>[0];
type Band = Parameters<typeof matchBand>[0][number];
type Line = Parameters<typeof packageSaving>[0][number];

/** A catalogue item for 2026/27 with no VAT, no minimum, no member discount, pro-rated by term. */
const item = (overrides: Partial<Item> = {}): Item => ({
  academicYear: 2026,
  memberPricePence: 0,
  nonMemberPricePence: 0,
  minimumPricePence: null,
  vatRateBasisPoints: 0,
  memberDiscountPercent: 0,
  proRataByTerm: true,
  ...overrides,
});

const band = (overrides: Partial<Band> = {}): Band => ({
  phase: null,
  minPupils: null,
  maxPupils: null,
  memberPricePence: 0,
  nonMemberPricePence: 0,
  ...overrides,
});

// Harrow Appendix 1 (2010) prices, in pence.
/** Advisory, curriculum & leadership package, per school: £3,900 member / £4,800 non-member. */
const advisory = item({ memberPricePence: 390_000, nonMemberPricePence: 480_000 });
/** Governor package, per governing body: £850 member / £1,078 non-member, £1,078 minimum. */
const governor = item({ memberPricePence: 85_000, nonMemberPricePence: 107_800, minimumPricePence: 107_800 });
/** NQT/ECT induction, per ECT: £450 member / £3,690 non-member. */
const ectInduction = item({ memberPricePence: 45_000, nonMemberPricePence: 369_000 });
/** Bespoke consultancy, per adviser day: £600, members 20% off. */
const consultancyDay = item({
  memberPricePence: 60_000,
  nonMemberPricePence: 60_000,
  memberDiscountPercent: 20,
  proRataByTerm: false,
});

const member: Buyer = { phase: 'Primary', numberOfPupils: 200, isPartnershipMember: true };
const nonMember: Buyer = { phase: 'Primary', numberOfPupils: 200, isPartnershipMember: false };

/** Harrow's 2026/27 term dates as seeded (db/seed/term-dates-data.ts, `london[2026]`). */
const harrow2026: TermDates = {
  academicYear: 2026,
  source: 'tenant',
  terms: demoTermDates.hsip?.[2026] ?? [],
};
const yearStart = '2026-09-01';
/** The Christmas holiday: spring (starts 4 Jan) and summer have not started. */
const springJoin = '2027-01-02';
/** The Easter holiday: spring ended 25 Mar, summer starts 12 Apr. */
const summerJoin = '2027-04-06';
const afterYear = '2027-09-01';
const quote = (...args: Parameters<typeof quoteSubscription>) =>
  quoteSubscription(args[0], args[1], args[2], args[3], args[4], args[5] ?? harrow2026);

describe('matchBand', () => {
  const smallPrimary = band({ phase: 'Primary', minPupils: 0, maxPupils: 210, memberPricePence: 1 });
  const largePrimary = band({ phase: 'Primary', minPupils: 211, maxPupils: null, memberPricePence: 2 });
  const secondary = band({ phase: 'Secondary', memberPricePence: 3 });
  const bands = [smallPrimary, largePrimary, secondary];

  const buyer = (phase: string, numberOfPupils: number | null): Buyer => ({
    phase,
    numberOfPupils,
    isPartnershipMember: true,
  });

  it('matches on phase', () => {
    expect(matchBand(bands, buyer('Secondary', 1_200))).toBe(secondary);
    expect(matchBand(bands, buyer('Primary', 100))).toBe(smallPrimary);
  });

  it('includes both pupil bounds', () => {
    expect(matchBand(bands, buyer('Primary', 0))).toBe(smallPrimary);
    expect(matchBand(bands, buyer('Primary', 210))).toBe(smallPrimary);
    expect(matchBand(bands, buyer('Primary', 211))).toBe(largePrimary);
  });

  it('treats null bounds and a null phase as matching anything', () => {
    expect(matchBand(bands, buyer('Primary', 5_000))).toBe(largePrimary);
    const anyPhase = band({ memberPricePence: 4 });
    expect(matchBand([anyPhase], buyer('Nursery', 40))).toBe(anyPhase);
    expect(matchBand([anyPhase], buyer('Special', null))).toBe(anyPhase);
  });

  it('returns the first matching band when bands overlap', () => {
    const general = band({ phase: 'Primary', memberPricePence: 5 });
    expect(matchBand([general, smallPrimary], buyer('Primary', 100))).toBe(general);
    expect(matchBand([smallPrimary, general], buyer('Primary', 100))).toBe(smallPrimary);
  });

  it('returns undefined when nothing matches', () => {
    expect(matchBand(bands, buyer('Nursery', 50))).toBeUndefined();
    expect(matchBand([band({ phase: 'Primary', minPupils: 0, maxPupils: 100 })], buyer('Primary', 101))).toBe(
      undefined,
    );
    expect(matchBand([], buyer('Primary', 100))).toBeUndefined();
  });

  it('never puts a school with no pupil number in a band that has pupil limits', () => {
    expect(matchBand(bands, buyer('Primary', null))).toBeUndefined();
    expect(matchBand([band({ phase: 'Primary', minPupils: 1 })], buyer('Primary', null))).toBeUndefined();
    expect(matchBand(bands, buyer('Secondary', null))).toBe(secondary);
  });

  it('asks for the pupil number only when the school’s phase is priced by it', () => {
    expect(pupilCountNeeded(bands, buyer('Primary', null))).toBe(true);
    expect(pupilCountNeeded(bands, buyer('Primary', 180))).toBe(false);
    expect(pupilCountNeeded(bands, buyer('Secondary', null))).toBe(false);
    expect(pupilCountNeeded([band({ minPupils: 300 })], buyer('Nursery', null))).toBe(true);
    expect(pupilCountNeeded([], buyer('Primary', null))).toBe(false);
  });
});

describe('unitPriceFor', () => {
  it('charges members the partnership price and others the outside price', () => {
    expect(unitPriceFor(advisory, [], member)).toEqual({ unitPricePence: 390_000, bandApplied: false });
    expect(unitPriceFor(advisory, [], nonMember)).toEqual({ unitPricePence: 480_000, bandApplied: false });
    expect(unitPriceFor(ectInduction, [], member).unitPricePence).toBe(45_000);
    expect(unitPriceFor(ectInduction, [], nonMember).unitPricePence).toBe(369_000);
  });

  it('uses a matching band’s prices instead of the item’s', () => {
    const bands = [
      band({ phase: 'Primary', maxPupils: 210, memberPricePence: 300_000, nonMemberPricePence: 360_000 }),
    ];
    expect(unitPriceFor(advisory, bands, member)).toEqual({ unitPricePence: 300_000, bandApplied: true });
    expect(unitPriceFor(advisory, bands, nonMember)).toEqual({ unitPricePence: 360_000, bandApplied: true });
    const secondary: Buyer = { ...member, phase: 'Secondary' };
    expect(unitPriceFor(advisory, bands, secondary)).toEqual({ unitPricePence: 390_000, bandApplied: false });
  });

  it('gives members the percentage discount off the non-member price (£600 day at 20% → £480)', () => {
    expect(unitPriceFor(consultancyDay, [], member).unitPricePence).toBe(48_000);
    expect(unitPriceFor(consultancyDay, [], nonMember).unitPricePence).toBe(60_000);
  });

  it('ignores the member price when a discount is set', () => {
    const it_ = item({ memberPricePence: 1, nonMemberPricePence: 60_000, memberDiscountPercent: 20 });
    expect(unitPriceFor(it_, [], member).unitPricePence).toBe(48_000);
  });

  it('applies the discount to a band’s non-member price', () => {
    const bands = [band({ memberPricePence: 1, nonMemberPricePence: 50_000 })];
    expect(unitPriceFor(consultancyDay, bands, member)).toEqual({
      unitPricePence: 40_000,
      bandApplied: true,
    });
  });

  it('rounds the discounted price to the nearest penny', () => {
    expect(unitPriceFor(item({ nonMemberPricePence: 1_003, memberDiscountPercent: 50 }), [], member)).toEqual(
      {
        unitPricePence: 502,
        bandApplied: false,
      },
    );
    expect(
      unitPriceFor(item({ nonMemberPricePence: 333, memberDiscountPercent: 15 }), [], member).unitPricePence,
    ).toBe(283);
    expect(
      unitPriceFor(item({ nonMemberPricePence: 999, memberDiscountPercent: 100 }), [], member).unitPricePence,
    ).toBe(0);
  });
});

describe('quoteSubscription', () => {
  it('prices a full year at the start of the year', () => {
    expect(quote(advisory, [], member, 1, yearStart)).toEqual({
      pricedAsMember: true,
      unitPricePence: 390_000,
      units: 1,
      fullPricePence: 390_000,
      termsCharged: 3,
      netPence: 390_000,
      vatPence: 0,
      vatRateBasisPoints: 0,
      totalPence: 390_000,
      minimumApplied: false,
      bandApplied: false,
    });
  });

  it('multiplies the unit price by the units', () => {
    const q = quote(ectInduction, [], nonMember, 3, yearStart);
    expect(q).toMatchObject({
      pricedAsMember: false,
      unitPricePence: 369_000,
      units: 3,
      fullPricePence: 1_107_000,
    });
    expect(q.netPence).toBe(1_107_000);
    expect(quote(ectInduction, [], member, 2, yearStart).netPence).toBe(90_000);
  });

  it('charges one governing body at the non-member £1,078 without applying the minimum', () => {
    const q = quote(governor, [], nonMember, 1, yearStart);
    expect(q).toMatchObject({ unitPricePence: 107_800, fullPricePence: 107_800, netPence: 107_800 });
    expect(q.minimumApplied).toBe(false);
    expect(quote(governor, [], nonMember, 2, yearStart).fullPricePence).toBe(215_600);
  });

  it('raises a total below the minimum to the minimum', () => {
    const cheap = item({ memberPricePence: 50_000, nonMemberPricePence: 50_000, minimumPricePence: 107_800 });
    const q = quote(cheap, [], nonMember, 1, yearStart);
    expect(q).toMatchObject({ unitPricePence: 50_000, fullPricePence: 107_800, netPence: 107_800 });
    expect(q.minimumApplied).toBe(true);
    const three = quote(cheap, [], nonMember, 3, yearStart);
    expect(three).toMatchObject({ fullPricePence: 150_000, minimumApplied: false });
  });

  it('charges a member one governing body at the £850 partnership price', () => {
    const q = quote(governor, [], member, 1, yearStart);
    expect(q).toMatchObject({ unitPricePence: 85_000, fullPricePence: 85_000, netPence: 85_000 });
    expect(q.minimumApplied).toBe(false);
  });

  it('pro-rates a join in a holiday by the terms that have not started', () => {
    expect(quote(advisory, [], nonMember, 1, springJoin)).toMatchObject({
      fullPricePence: 480_000,
      termsCharged: 2,
      netPence: 320_000,
    });
    expect(quote(advisory, [], nonMember, 1, summerJoin)).toMatchObject({
      fullPricePence: 480_000,
      termsCharged: 1,
      netPence: 160_000,
    });
  });

  it('charges a 28 December joiner for spring and summer, not the whole year', () => {
    expect(quote(advisory, [], member, 1, '2026-12-28')).toMatchObject({
      termsCharged: 2,
      netPence: 260_000,
    });
  });

  it('counts a term that starts on the day of joining, not one already under way', () => {
    // Harrow 2026/27: spring starts 2027-01-04, summer 2027-04-12 (db/seed/term-dates-data.ts).
    expect(quote(advisory, [], member, 1, '2027-01-04').termsCharged).toBe(2);
    expect(quote(advisory, [], member, 1, '2027-01-05').termsCharged).toBe(1);
    expect(quote(advisory, [], member, 1, '2027-04-12').termsCharged).toBe(1);
    expect(quote(advisory, [], member, 1, '2027-04-13').termsCharged).toBe(0);
    // Before the autumn term starts (3 September), the whole year.
    expect(quote(advisory, [], member, 1, '2026-09-03').termsCharged).toBe(3);
    expect(quote(advisory, [], member, 1, '2026-09-04').termsCharged).toBe(2);
  });

  it('reads the tenant’s term dates, not fixed months', () => {
    const lateSpring: TermDates = {
      academicYear: 2026,
      source: 'tenant',
      terms: [
        { term: 'autumn', startsOn: '2026-09-07', endsOn: '2026-12-22' },
        { term: 'spring', startsOn: '2027-01-11', endsOn: '2027-04-01' },
        { term: 'summer', startsOn: '2027-04-19', endsOn: '2027-07-23' },
      ],
    };
    expect(quote(advisory, [], member, 1, '2027-01-06', lateSpring).termsCharged).toBe(2);
    expect(quote(advisory, [], member, 1, '2027-01-06').termsCharged).toBe(1);
  });

  it('rounds a pro-rated price to the nearest penny', () => {
    const thousand = item({ memberPricePence: 100_000, nonMemberPricePence: 100_000 });
    expect(quote(thousand, [], member, 1, springJoin).netPence).toBe(66_667);
    expect(quote(thousand, [], member, 1, summerJoin).netPence).toBe(33_333);
  });

  it('applies the non-member minimum after pro-rating (004 line 423: "Minimum Charge … £1,078.00")', () => {
    // A mid-year non-member never pays below £1,078 for the governor package.
    for (const date of [springJoin, summerJoin, '2026-12-28']) {
      expect(quote(governor, [], nonMember, 1, date)).toMatchObject({
        fullPricePence: 107_800,
        minimumApplied: true,
        netPence: 107_800,
      });
    }
    const cheap = item({ nonMemberPricePence: 50_000, minimumPricePence: 107_800 });
    expect(quote(cheap, [], nonMember, 1, springJoin)).toMatchObject({
      fullPricePence: 107_800,
      minimumApplied: true,
      netPence: 107_800,
    });
    // Two governing bodies for two terms: £2,156 × ⅔ = £1,437.33, above the minimum.
    expect(quote(governor, [], nonMember, 2, springJoin)).toMatchObject({
      netPence: 143_733,
      minimumApplied: false,
    });
  });

  it('never applies the minimum to a member, nor to a join with no terms left', () => {
    expect(quote(governor, [], member, 1, summerJoin)).toMatchObject({
      netPence: 28_333,
      minimumApplied: false,
    });
    expect(quote(governor, [], nonMember, 1, afterYear)).toMatchObject({
      netPence: 0,
      minimumApplied: false,
    });
  });

  it('charges the full price whenever the item is not pro-rated', () => {
    const full = item({ ...advisory, proRataByTerm: false });
    for (const date of [yearStart, springJoin, summerJoin, afterYear]) {
      expect(quote(full, [], member, 1, date)).toMatchObject({
        termsCharged: 3,
        netPence: 390_000,
      });
    }
  });

  it('charges nothing for a join after the year has ended', () => {
    expect(quote(item({ ...advisory, vatRateBasisPoints: 2000 }), [], member, 1, afterYear)).toMatchObject({
      fullPricePence: 390_000,
      termsCharged: 0,
      netPence: 0,
      vatPence: 0,
      totalPence: 0,
    });
  });

  it('adds VAT in basis points (2000 = 20%) to the net price', () => {
    const vatable = item({ ...advisory, vatRateBasisPoints: 2000 });
    expect(quote(vatable, [], nonMember, 1, yearStart)).toMatchObject({
      netPence: 480_000,
      vatPence: 96_000,
      totalPence: 576_000,
    });
  });

  it('charges VAT on the pro-rated net, rounded to the penny', () => {
    const thousand = item({ nonMemberPricePence: 100_000, vatRateBasisPoints: 2000 });
    const q = quote(thousand, [], nonMember, 1, springJoin);
    expect(q).toMatchObject({ netPence: 66_667, vatPence: 13_333, totalPence: 80_000 });
    expect(q.totalPence).toBe(q.netPence + q.vatPence);
  });

  it('quotes a discounted consultancy day for a member with VAT', () => {
    const vatableDay = item({ ...consultancyDay, vatRateBasisPoints: 2000 });
    expect(quote(vatableDay, [], member, 1, summerJoin)).toMatchObject({
      unitPricePence: 48_000,
      netPence: 48_000,
      vatPence: 9_600,
      totalPence: 57_600,
    });
    expect(quote(vatableDay, [], nonMember, 2, summerJoin)).toMatchObject({
      netPence: 120_000,
      vatPence: 24_000,
      totalPence: 144_000,
    });
  });

  it('reports a band was applied', () => {
    const bands = [band({ phase: 'Primary', memberPricePence: 300_000, nonMemberPricePence: 360_000 })];
    expect(quote(advisory, bands, member, 1, yearStart)).toMatchObject({
      bandApplied: true,
      unitPricePence: 300_000,
      netPence: 300_000,
    });
  });
});

describe('packageSaving', () => {
  // Harrow NQT induction, bought separately: sessions £2,760, school-based support £600, guidance £50,
  // tutor training £280 = £3,690.
  const ectLines: Line[] = [
    { quantityHundredths: 100, standaloneUnitPricePence: 276_000 },
    { quantityHundredths: 100, standaloneUnitPricePence: 60_000 },
    { quantityHundredths: 100, standaloneUnitPricePence: 5_000 },
    { quantityHundredths: 100, standaloneUnitPricePence: 28_000 },
  ];

  it('sums the lines and subtracts the package price', () => {
    expect(packageSaving(ectLines, 1, 45_000)).toEqual({ separatelyPence: 369_000, savingPence: 324_000 });
  });

  it('multiplies by the units bought', () => {
    expect(packageSaving(ectLines, 2, 90_000)).toEqual({ separatelyPence: 738_000, savingPence: 648_000 });
  });

  it('prices fractional quantities in hundredths (1½ adviser days at £600 = £900)', () => {
    expect(packageSaving([{ quantityHundredths: 150, standaloneUnitPricePence: 60_000 }], 1, 0)).toEqual({
      separatelyPence: 90_000,
      savingPence: 90_000,
    });
    expect(
      packageSaving([{ quantityHundredths: 300, standaloneUnitPricePence: 60_000 }], 1, 0).separatelyPence,
    ).toBe(180_000);
  });

  it('counts an unlimited line once (004 line 416: conference "£60.00 per place") and leaves out unpriced lines', () => {
    const lines: Line[] = [
      { quantityHundredths: 300, standaloneUnitPricePence: 60_000 },
      { quantityHundredths: null, standaloneUnitPricePence: 6_000 },
      { quantityHundredths: 200, standaloneUnitPricePence: null },
    ];
    expect(packageSaving(lines, 1, 100_000)).toEqual({ separatelyPence: 186_000, savingPence: 86_000 });
  });

  it('never reports a negative saving', () => {
    const lines: Line[] = [{ quantityHundredths: 300, standaloneUnitPricePence: 60_000 }];
    expect(packageSaving(lines, 1, 390_000)).toEqual({ separatelyPence: 180_000, savingPence: 0 });
    expect(packageSaving([], 1, 390_000)).toEqual({ separatelyPence: 0, savingPence: 0 });
  });

  it('rounds each line to the penny', () => {
    expect(
      packageSaving([{ quantityHundredths: 33, standaloneUnitPricePence: 1_001 }], 1, 0).separatelyPence,
    ).toBe(330);
  });
});

describe('vatOn', () => {
  it.each([
    [1, 2000, 0],
    [2, 2000, 0],
    [3, 2000, 1],
    [8, 2000, 2],
    [100, 2000, 20],
    [480_000, 2000, 96_000],
    [66_667, 2000, 13_333],
    [1_000, 500, 50],
    [99_999, 0, 0],
    [0, 2000, 0],
  ])('VAT on %ip at %i basis points is %ip', (net, basisPoints, vat) => {
    expect(vatOn(net, basisPoints)).toBe(vat);
  });
});
