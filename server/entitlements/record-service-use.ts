import { DomainError } from '~/server/errors/domain-error';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { entitlementBalances } from '~/db/schema';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { getCatalogueItem } from '../catalogue/list-catalogue';
import { unitPriceFor } from '../catalogue/pricing';
import { loadBuyer } from '../subscriptions/quote-for-school';
import { refuseIfClosed } from '../schools/closed-school';
import { lineName } from './balance-key';
import {
  drawDownEntitlement,
  recordCharge,
  type DrawDownResult,
  type PartialCover,
} from './draw-down-entitlement';

export type ServiceUseResult = DrawDownResult & { category: string | null };

/**
 * A school uses a service (a consultancy day, a specialist half day, a school review). It comes out of the
 * entitlement line that covers it: the one the person logging chose, else the service's own category (HSIP's
 * "Specialist" half days), else the general line of its unit. What the line cannot cover is charged at the
 * school's member or non-member rate (or refused, by the tenant's partial-cover setting).
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
    /** The entitlement line chosen by the person logging ('' = the general line); undefined = the service's. */
    category?: string;
    partialCover?: PartialCover;
  },
): Promise<ServiceUseResult> {
  const [buyer, service] = await Promise.all([
    loadBuyer(tx, input.schoolId),
    getCatalogueItem(tx, input.serviceId),
  ]);
  if (service.kind !== 'service')
    throw new DomainError({ code: 'BAD_REQUEST', message: 'Choose a service.' });
  refuseIfClosed(buyer, 'serviceUse', input.on);
  const { unitPricePence } = unitPriceFor(service, service.bands, buyer);
  const chargeAs = {
    unitPricePence,
    quantityHundredths: input.quantityHundredths,
    vatRateBasisPoints: service.vatRateBasisPoints,
    vatTreatment: service.vatTreatment,
    pricedAsMember: buyer.isPartnershipMember,
  };
  const description = `${service.name}: ${input.description}`;
  if (!service.drawsUnit || !service.drawsQuantityHundredths) {
    const charge = await recordCharge(tx, { ...input, ...chargeAs, description });
    return { outcome: 'charged', chargeableItemId: charge.id, netPence: charge.netPence, category: null };
  }
  const academicYear = academicYearOf(input.on);
  const category = input.category ?? service.drawsCategory ?? '';
  if (input.category !== undefined && input.category !== '') {
    const [line] = await tx
      .select({ id: entitlementBalances.id })
      .from(entitlementBalances)
      .where(
        and(
          eq(entitlementBalances.schoolId, input.schoolId),
          eq(entitlementBalances.academicYear, academicYear),
          eq(entitlementBalances.unit, service.drawsUnit),
          eq(entitlementBalances.category, input.category),
        ),
      );
    if (!line) {
      throw new DomainError({
        code: 'BAD_REQUEST',
        message: `The school has no ${lineName(service.drawsUnit, input.category)} to draw from; choose another line.`,
        field: 'category',
      });
    }
  }
  const result = await drawDownEntitlement(tx, {
    ...input,
    academicYear,
    unit: service.drawsUnit,
    category,
    quantityHundredths: Math.round((service.drawsQuantityHundredths * input.quantityHundredths) / 100),
    description: category ? `${description} (from ${category})` : description,
    chargeAs,
  });
  return { ...result, category: result.outcome === 'charged' ? null : category };
}
