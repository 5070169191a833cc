import type { CatalogueItem, EntitlementEntry } from '~/server/catalogue/types';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';

/**
 * Words and number formats for the traded pages (catalogue, subscriptions, entitlements). Safe in client
 * components: it imports types only, so no database code reaches the browser.
 */

export type PricingBasis = CatalogueItem['pricingBasis'];
export type EntryKind = EntitlementEntry['kind'];
export type UnitLabel = { one: string; many: string };

/** "per school", as price lists say it. */
export const pricingBasisLabels: Record<PricingBasis, string> = {
  school: 'per school',
  governing_body: 'per governing body',
  ect: 'per ECT',
  place: 'per place',
  day: 'per day',
  half_day: 'per half day',
  hour: 'per hour',
};

/** What a buyer counts when a price is per something they can have more than one of. */
export const pricedUnitNouns: Partial<Record<PricingBasis, UnitLabel>> = {
  governing_body: { one: 'governing body', many: 'governing bodies' },
  ect: { one: 'ECT', many: 'ECTs' },
  place: { one: 'place', many: 'places' },
};

export const entryKindLabels: Record<EntryKind, string> = {
  grant: 'Granted',
  drawdown: 'Used',
  reversal: 'Given back',
  expiry: 'Expired',
  adjustment: 'Adjusted',
};

const units = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const signedUnits = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/** 1.5 from 150 hundredths, with up to two decimals (and 0, never -0). */
export const formatHundredths = (hundredths: number) => units.format(hundredths === 0 ? 0 : hundredths / 100);

/** +1.5 or -0.5 from signed hundredths. */
export const formatSignedHundredths = (hundredths: number) => signedUnits.format(hundredths / 100);

/** "3 adviser days", "1 adviser day", or "Unlimited" when the quantity is null. */
export function formatQuantity(hundredths: number | null, label: UnitLabel): string {
  if (hundredths === null) return 'Unlimited';
  return `${formatHundredths(hundredths)} ${hundredths === 100 ? label.one : label.many}`;
}

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The academic year named in the address (`?year=2026`), or this academic year. */
export function yearFromParam(param: string | undefined): number {
  const year = Number(param);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : academicYearOf(todayInLondon());
}
