import type { Tx } from '~/db/client';
import { entitlementBalances, type Course } from '~/db/schema';
import { whereBalance } from '../entitlements/balance-key';

/**
 * How many of `places` a school's entitlement would cover on this course (the line it draws from, for the
 * course's academic year): what the booking page and a held place's claim page say before anything is taken.
 */
export async function placesCovered(
  tx: Tx,
  input: {
    course: Pick<Course, 'entitlementUnit' | 'entitlementCategory'>;
    schoolId: string;
    academicYear: number;
    places: number;
  },
): Promise<number> {
  const { course } = input;
  if (!course.entitlementUnit || input.places <= 0) return 0;
  const [balance] = await tx
    .select()
    .from(entitlementBalances)
    .where(
      whereBalance({
        schoolId: input.schoolId,
        academicYear: input.academicYear,
        unit: course.entitlementUnit,
        category: course.entitlementCategory,
      }),
    );
  if (!balance) return 0;
  return balance.unlimited
    ? input.places
    : Math.min(input.places, Math.floor(balance.balanceHundredths / 100));
}
