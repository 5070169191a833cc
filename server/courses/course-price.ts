import { inSentence, priceNameFor, type PriceNames } from '../catalogue/price-names';
import type { Course } from '~/db/schema';

export type PriceBasis = 'member' | 'non_member' | 'out_of_area';

/** A price basis as the workspace names it, inside a sentence: "subscriber", "outside partnership". */
export const priceBasisName = (names: PriceNames, basis: PriceBasis) =>
  basis === 'out_of_area' ? 'out-of-area' : inSentence(priceNameFor(names, basis === 'member'));

/**
 * A school's price for one place: out-of-area when the school is outside the workspace's local authorities
 * (a workspace with no LA codes has no "area"), else the member or non-member price.
 */
export function placePriceFor(
  course: Pick<Course, 'memberPricePence' | 'nonMemberPricePence' | 'outOfAreaPricePence'>,
  school: { laCode: string; isPartnershipMember: boolean },
  workspaceLaCodes: readonly string[],
): { pricePence: number; basis: PriceBasis } {
  const outOfArea = workspaceLaCodes.length > 0 && !workspaceLaCodes.includes(school.laCode);
  if (outOfArea && !school.isPartnershipMember)
    return { pricePence: course.outOfAreaPricePence, basis: 'out_of_area' };
  if (school.isPartnershipMember) return { pricePence: course.memberPricePence, basis: 'member' };
  return { pricePence: course.nonMemberPricePence, basis: 'non_member' };
}
