import type { Tx } from '~/db/client';
import { entitlementBalances } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { whereBalance } from '../entitlements/balance-key';
import { loadBookingContext } from './load-booking-context';

/**
 * What booking `places` places would do, before confirming: how many are covered by the school's entitlement
 * and how many charged, at what price, and whether they would be confirmed or go on the waiting list.
 */
export async function previewBooking(
  tx: Tx,
  input: { courseId: string; schoolId: string; places: number; laCodes: readonly string[]; today: IsoDate },
) {
  const { course, school, price, academicYear } = await loadBookingContext(tx, input);
  let covered = 0;
  if (course.entitlementUnit && price.pricePence > 0) {
    const [balance] = await tx
      .select()
      .from(entitlementBalances)
      .where(
        whereBalance({
          schoolId: school.id,
          academicYear,
          unit: course.entitlementUnit,
          category: course.entitlementCategory,
        }),
      );
    if (balance)
      covered = balance.unlimited
        ? input.places
        : Math.min(input.places, Math.floor(balance.balanceHundredths / 100));
  }
  const free = price.pricePence === 0 ? input.places : 0;
  const charged = input.places - covered - free;
  const placesLeft = course.capacity - course.placesTaken;
  return {
    schoolName: school.name,
    priceBasis: price.basis,
    unitPricePence: price.pricePence,
    vatRateBasisPoints: course.vatRateBasisPoints,
    covered,
    free,
    charged,
    chargePence: charged * price.pricePence,
    placesLeft,
    confirmed: Math.min(placesLeft, input.places),
    waitlisted: Math.max(0, input.places - placesLeft),
  };
}
