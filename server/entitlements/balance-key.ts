import { and, eq, type SQL } from 'drizzle-orm';
import { entitlementBalances } from '~/db/schema';

export type EntitlementUnit = (typeof entitlementBalances.$inferSelect)['unit'];

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

export const unitLabels: Record<EntitlementUnit, { one: string; many: string }> = {
  adviser_day: { one: 'adviser day', many: 'adviser days' },
  adviser_half_day: { one: 'adviser half day', many: 'adviser half days' },
  adviser_hour: { one: 'adviser hour', many: 'adviser hours' },
  course_place: { one: 'course place', many: 'course places' },
  network_place: { one: 'seminar or network place', many: 'seminar or network places' },
  governor_item: { one: 'governing-body item', many: 'governing-body items' },
  ect_induction: { one: 'ECT induction', many: 'ECT inductions' },
};
