import type { TenantSettings } from '~/db/schema';

/**
 * What a workspace calls its two prices: the one schools with its agreement pay, and the one others pay
 * (Harrow's HSIP: "Partnership agreement" and "Outside partnership"; most: "Member" and "Non-member").
 * Pages, forms and quotes use them; anything left out takes the default.
 */
export type PriceNames = { member: string; nonMember: string };

export const defaultPriceNames: PriceNames = { member: 'Member', nonMember: 'Non-member' };

export const priceNamesOf = (settings: Pick<TenantSettings, 'traded'>): PriceNames => ({
  ...defaultPriceNames,
  ...settings.traded?.priceNames,
});

/** A name inside a sentence: "partnership agreement", but "BPSI member" keeps its capitals. */
export const inSentence = (name: string) =>
  /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;

/** The price a school pays, named: "Partnership agreement" or "Outside partnership". */
export const priceNameFor = (names: PriceNames, member: boolean) => (member ? names.member : names.nonMember);
