import { and, eq, type SQL } from 'drizzle-orm';
import { entitlementBalances } from '~/db/schema';
import { unitLabels, type EntitlementUnit } from './unit-labels';

export { unitLabels, type EntitlementUnit };

/** Identifies one balance: a school's entitlement in a unit (and category) for an academic year. */
export type BalanceKey = {
  schoolId: string;
  academicYear: number;
  unit: EntitlementUnit;
  category?: string | null;
};

export const whereBalance = (key: BalanceKey): SQL | undefined =>
  and(
    eq(entitlementBalances.schoolId, key.schoolId),
    eq(entitlementBalances.academicYear, key.academicYear),
    eq(entitlementBalances.unit, key.unit),
    eq(entitlementBalances.category, key.category ?? ''),
  );

/** "½ adviser day", "1.5 adviser days", "1 course place": a quantity in hundredths with its unit. */
export function describeQuantity(hundredths: number, unit: EntitlementUnit): string {
  const n = hundredths / 100;
  const label = unitLabels[unit];
  return `${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })} ${n === 1 ? label.one : label.many}`;
}

/** The name of an entitlement line: its category, or "general" for the uncategorised one. */
export const lineName = (unit: EntitlementUnit, category: string | null | undefined) =>
  category ? `${unitLabels[unit].many}: ${category}` : `${unitLabels[unit].many} (general)`;
