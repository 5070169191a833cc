import type { Tx } from '~/db/client';
import type { Course } from '~/db/schema';
import { drawDownEntitlement, recordCharge } from '../entitlements/draw-down-entitlement';
import type { PriceBasis } from './course-price';

/**
 * How one confirmed place is paid for: from the school's matching entitlement line when it has one left,
 * otherwise a chargeable item at the school's price; a free course costs nothing. Returns the booking's
 * funding columns (pricePence is always the school's list price, which later cancellation charges use).
 */
export async function fundPlace(
  tx: Tx,
  input: {
    tenantId: string;
    schoolId: string;
    course: Pick<Course, 'id' | 'title' | 'entitlementUnit' | 'entitlementCategory' | 'vatRateBasisPoints'>;
    academicYear: number;
    price: { pricePence: number; basis: PriceBasis };
    bookingId: string;
    delegateName: string;
    actorUserId: string | null;
    /** The school's purchase order for a place charged to it. */
    purchaseOrderNumber?: string | null;
  },
) {
  const { course, price } = input;
  const description = `${course.title}: place for ${input.delegateName}`;
  const source = { sourceType: 'course_booking', sourceId: input.bookingId };
  const chargeAs = {
    unitPricePence: price.pricePence,
    quantityHundredths: 100,
    vatRateBasisPoints: course.vatRateBasisPoints,
    pricedAsMember: price.basis === 'member',
    purchaseOrderNumber: input.purchaseOrderNumber ?? null,
  };
  const base = { pricePence: price.pricePence, entitlementEntryId: null, chargeableItemId: null };
  if (price.pricePence === 0) return { ...base, funding: 'free' as const };
  if (course.entitlementUnit) {
    const drawn = await drawDownEntitlement(tx, {
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      academicYear: input.academicYear,
      unit: course.entitlementUnit,
      category: course.entitlementCategory,
      quantityHundredths: 100,
      description,
      actorUserId: input.actorUserId,
      chargeAs,
      ...source,
    });
    return drawn.outcome === 'drawn'
      ? { ...base, funding: 'entitlement' as const, entitlementEntryId: drawn.entryId }
      : { ...base, funding: 'charge' as const, chargeableItemId: drawn.chargeableItemId };
  }
  const charge = await recordCharge(tx, {
    tenantId: input.tenantId,
    schoolId: input.schoolId,
    description,
    ...chargeAs,
    ...source,
  });
  return { ...base, funding: 'charge' as const, chargeableItemId: charge.id };
}
