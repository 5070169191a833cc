import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { catalogueItems, subscriptions } from '~/db/schema';
import { recordCharge } from '../entitlements/draw-down-entitlement';
import { ectsInInductionAt } from './ects-in-induction';

/**
 * Packages priced per ECT (pricing basis `ect`) in an Appropriate Body workspace bill the ECTs actually
 * registered, not the units bought: each ECT registered at (or transferred to) a school holding such a
 * package in the year becomes one chargeable item at the subscription's price per unit, and the billing run
 * leaves the subscription itself unbilled (server/invoicing/billing-run.ts). A school that subscribes later is
 * charged for the ECTs already in induction there. Never twice for one ECT and one package: the charge's
 * source id is derived from the package and the ECT, and a unique index lets one live (not cancelled) charge
 * stand, so a transfer to another school holding the same package, or a retry, bills nothing more.
 */
export const perEctPackageSource = 'ect_package';

/** A stable uuid for (package, ECT): the charge's source id. */
export function perEctChargeKey(itemId: string, ectId: string): string {
  const h = createHash('sha256').update(`ect-package:${itemId}:${ectId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Charges one ECT to each per-ECT package the school holds in the year (once each); returns how many. */
export async function chargePerEctPackages(
  tx: Tx,
  input: { tenantId: string; ect: { id: string; name: string }; schoolId: string; academicYear: number },
): Promise<number> {
  const held = await tx
    .select({ sub: subscriptions, item: catalogueItems })
    .from(subscriptions)
    .innerJoin(
      catalogueItems,
      and(eq(catalogueItems.tenantId, subscriptions.tenantId), eq(catalogueItems.id, subscriptions.itemId)),
    )
    .where(
      and(
        eq(subscriptions.schoolId, input.schoolId),
        eq(subscriptions.academicYear, input.academicYear),
        eq(subscriptions.status, 'active'),
        eq(catalogueItems.pricingBasis, 'ect'),
      ),
    );
  let charged = 0;
  for (const { sub, item } of held) {
    const charge = await recordCharge(
      tx,
      {
        tenantId: input.tenantId,
        schoolId: input.schoolId,
        description: `${item.name}: ${input.ect.name}`,
        unitPricePence: Math.round(sub.netPricePence / Math.max(1, sub.units)),
        quantityHundredths: 100,
        vatRateBasisPoints: item.vatRateBasisPoints,
        vatTreatment: item.vatTreatment,
        pricedAsMember: sub.pricedAsMember,
        sourceType: perEctPackageSource,
        sourceId: perEctChargeKey(item.id, input.ect.id),
      },
      { once: true },
    );
    if (charge) charged += 1;
  }
  return charged;
}

/** After a school subscribes to a package priced per ECT: a charge for each ECT in induction there now. */
export async function chargeEctsInInduction(
  tx: Tx,
  input: { tenantId: string; schoolId: string; academicYear: number },
): Promise<number> {
  const inInduction = await ectsInInductionAt(tx, input.schoolId);
  let charged = 0;
  for (const ect of inInduction) charged += await chargePerEctPackages(tx, { ...input, ect });
  return charged;
}
