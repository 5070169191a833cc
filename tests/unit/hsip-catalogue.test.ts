import { describe, expect, it } from 'vitest';
import { hsip } from '~/seed/catalogue-data';
import { defaultTermDates } from '~/server/calendar/term-dates';
import { ZCreateCatalogueItemInput } from '~/server/catalogue/catalogue-inputs';
import { packageSaving, quoteSubscription, type Buyer } from '~/server/catalogue/pricing';

/**
 * HSIP's packages against Appendix 1 of /work/shared/seeds/004_d15cda0b2b0bc494.txt ("004" below), line by
 * line: each package's prices, and "bought separately" = the sum of the document's "Cost Outside Partnership
 * Agreement" column.
 */
const item = (code: string) => {
  const seeded = hsip.find((i) => i.code === code);
  if (!seeded) throw new Error(`no ${code}`);
  const parsed = ZCreateCatalogueItemInput.parse({ ...seeded, academicYear: 2026 });
  return {
    academicYear: 2026,
    memberPricePence: parsed.memberPrice,
    nonMemberPricePence: parsed.nonMemberPrice,
    minimumPricePence: parsed.minimumPrice ?? null,
    vatRateBasisPoints: 0,
    memberDiscountPercent: parsed.memberDiscountPercent,
    proRataByTerm: parsed.proRataByTerm,
    lines: parsed.lines.map((l) => ({
      category: l.category ?? null,
      quantityHundredths: l.quantity === null ? null : Math.round(l.quantity * 100),
      standaloneUnitPricePence: l.standaloneUnitPrice ?? null,
    })),
    draws: parsed.draws,
  };
};
const member: Buyer = { phase: 'Primary', numberOfPupils: 240, isPartnershipMember: true };
const nonMember: Buyer = { ...member, isPartnershipMember: false };
const yearStart = '2026-09-01';
const full = (code: string, buyer: Buyer) =>
  quoteSubscription(item(code), [], buyer, 1, yearStart, defaultTermDates(2026)).netPence;
const separately = (code: string) => packageSaving(item(code).lines, 1, 0).separatelyPence;
/** Each line's separate cost, in pence, in the document's order. */
const lineCosts = (code: string) =>
  item(code).lines.map((l) =>
    Math.round(((l.quantityHundredths ?? 100) * (l.standaloneUnitPricePence ?? 0)) / 100),
  );

describe('HSIP-ACL: Advisory, curriculum and leadership (004 lines 382–395)', () => {
  it('costs £3,900 in partnership and £4,800 outside (line 392)', () => {
    expect(full('HSIP-ACL', member)).toBe(390_000);
    expect(full('HSIP-ACL', nonMember)).toBe(480_000);
  });

  it('lists the six lines at the document’s costs (lines 386–391)', () => {
    // 3 days £1,800; 3 × ½ day specialist £900; 2 × ½ day inspection £600; 3 seminars £210 (£70 a place);
    // biannual review £1,200 (2 adviser days a year); 3 subject-leader networks £105 (£35 a place).
    expect(lineCosts('HSIP-ACL')).toEqual([180_000, 90_000, 60_000, 21_000, 120_000, 10_500]);
  });

  it('adds up to £4,815 bought separately, Harrow’s own column (lines 386–391)', () => {
    expect(separately('HSIP-ACL')).toBe(481_500);
    expect(packageSaving(item('HSIP-ACL').lines, 1, 390_000).savingPence).toBe(91_500);
  });

  it('grants the school review as the equivalent 2 days a year (line 390)', () => {
    const review = item('HSIP-ACL').lines.find((l) => l.category === 'School review');
    expect(review?.quantityHundredths).toBe(200);
  });
});

describe('HSIP-GOV: Governor training, advice and information (004 lines 408–428)', () => {
  it('costs £850 in partnership and at least £1,078 outside (line 423)', () => {
    expect(full('HSIP-GOV', member)).toBe(85_000);
    expect(full('HSIP-GOV', nonMember)).toBe(107_800);
    expect(item('HSIP-GOV').minimumPricePence).toBe(107_800);
  });

  it('lists all eleven items at the document’s prices (lines 412–422)', () => {
    expect(lineCosts('HSIP-GOV')).toEqual([
      15_500, // 412 chairs and clerks programme, per place
      5_000, // 413 distance learning, per programme
      4_500, // 414 development programme course
      900, // 415 year book, per copy
      6_000, // 416 conference, unlimited, £60 per place
      7_000, // 417 guidance documents
      7_000, // 418 recruitment literature
      30_000, // 419 ½ day school-based session
      9_900, // 420 online training, per school
      15_000, // 421 termly bulletin
      7_000, // 422 agenda guidance
    ]);
  });

  it('adds up to £1,078 bought separately: the minimum charge "if only 1 place taken up" (line 423)', () => {
    expect(separately('HSIP-GOV')).toBe(107_800);
    expect(packageSaving(item('HSIP-GOV').lines, 1, 85_000).savingPence).toBe(22_800);
  });
});

describe('HSIP-ECT: induction, NQT in the document (004 lines 438–446)', () => {
  it('costs £450 per ECT in partnership and £3,690 outside (line 446)', () => {
    expect(full('HSIP-ECT', member)).toBe(45_000);
    expect(full('HSIP-ECT', nonMember)).toBe(369_000);
  });

  it('lists the programme £2,760, support £600, guidance £50 and tutor training £280 (lines 442–445)', () => {
    expect(lineCosts('HSIP-ECT')).toEqual([276_000, 60_000, 5_000, 28_000]);
    expect(separately('HSIP-ECT')).toBe(369_000);
  });
});

describe('HSIP-EMA: Ethnic minority achievement (004 lines 482–488)', () => {
  it('costs £2,800 in partnership and £3,600 outside (line 488)', () => {
    expect(full('HSIP-EMA', member)).toBe(280_000);
    expect(full('HSIP-EMA', nonMember)).toBe(360_000);
  });

  it('lists 6 × ½ day training £1,800 and 6 × ½ day consultation £1,800 (lines 486–487)', () => {
    expect(lineCosts('HSIP-EMA')).toEqual([180_000, 180_000]);
    expect(separately('HSIP-EMA')).toBe(360_000);
  });
});

describe('HSIP services (004 lines 394, 427–428)', () => {
  it('prices headteacher recruitment admin at £460 and advice at £600 (lines 427–428)', () => {
    expect(full('HSIP-HTREC-ADMIN', nonMember)).toBe(46_000);
    expect(full('HSIP-HTREC-ADVICE', nonMember)).toBe(60_000);
  });

  it('gives members 20% off consultancy (line 394)', () => {
    expect(item('HSIP-CONSULT').memberDiscountPercent).toBe(20);
  });

  it('draws each package half day from its own line, so none expires unused', () => {
    expect(item('HSIP-SPECIALIST').draws).toMatchObject({ unit: 'adviser_half_day', category: 'Specialist' });
    expect(item('HSIP-INSPECT').draws).toMatchObject({ category: 'Inspection support' });
    expect(item('HSIP-REVIEW').draws).toMatchObject({ unit: 'adviser_day', category: 'School review' });
    expect(item('HSIP-EMA-TRAIN').draws).toMatchObject({ category: 'EMA training' });
    expect(item('HSIP-EMA-COMMUNITY').draws).toMatchObject({ category: 'EMA community consultation' });
  });
});
