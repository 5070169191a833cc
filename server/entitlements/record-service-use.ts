import { DomainError } from '~/server/errors/domain-error';
import type { Tx } from '~/db/client';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { getCatalogueItem } from '../catalogue/list-catalogue';
import { unitPriceFor } from '../catalogue/pricing';
import { loadBuyer } from '../subscriptions/quote-for-school';
import { drawDownEntitlement, recordCharge, type DrawDownResult } from './draw-down-entitlement';

/**
 * A school uses a service (a consultancy day, a school review): it comes out of the school's entitlement for
 * that year when there is enough, otherwise it is charged at the school's member or non-member rate.
 */
export async function recordServiceUse(
  tx: Tx,
  input: {
    tenantId: string;
    schoolId: string;
    serviceId: string;
    /** How many of the service, in hundredths (a half-day service used once = 100). */
    quantityHundredths: number;
    on: IsoDate;
    description: string;
    actorUserId: string | null;
    sourceType: string;
    sourceId: string;
  },
): Promise<DrawDownResult> {
  const [buyer, service] = await Promise.all([
    loadBuyer(tx, input.schoolId),
    getCatalogueItem(tx, input.serviceId),
  ]);
  if (service.kind !== 'service')
    throw new DomainError({ code: 'BAD_REQUEST', message: 'Choose a service.' });
  const { unitPricePence } = unitPriceFor(service, service.bands, buyer);
  const chargeAs = {
    unitPricePence,
    quantityHundredths: input.quantityHundredths,
    vatRateBasisPoints: service.vatRateBasisPoints,
    pricedAsMember: buyer.isPartnershipMember,
  };
  const description = `${service.name}: ${input.description}`;
  if (!service.drawsUnit || !service.drawsQuantityHundredths) {
    const charge = await recordCharge(tx, { ...input, ...chargeAs, description });
    return { outcome: 'charged', chargeableItemId: charge.id, netPence: charge.netPence };
  }
  return drawDownEntitlement(tx, {
    ...input,
    academicYear: academicYearOf(input.on),
    unit: service.drawsUnit,
    quantityHundredths: Math.round((service.drawsQuantityHundredths * input.quantityHundredths) / 100),
    description,
    chargeAs,
  });
}
