import { DomainError } from '~/server/errors/domain-error';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import {
  catalogueItems,
  chargeableItems,
  ects,
  entitlementBalances,
  entitlementEntries,
  subscriptionEvents,
  subscriptions,
} from '~/db/schema';
import { perEctChargeKey, perEctPackageSource } from '../induction/bill-per-ect-packages';
import { academicYearStart, type IsoDate } from '../catalogue/academic-year';

export const ZCancelSubscriptionInput = z.object({
  id: z.uuid({ message: 'Choose a subscription.' }),
  reason: z.string().trim().min(3, 'Say why the subscription is being cancelled.').max(500),
});

/**
 * Cancels a subscription. The terms: before the year starts it is cancelled outright; once started, what the
 * school has not used of this subscription's grants is withdrawn (what was used stays used). A package billed
 * per ECT registered loses its charges not yet invoiced; those already invoiced are counted, for a credit note
 * (an issued invoice is never edited). History is kept.
 */
export async function cancelSubscription(
  tx: Tx,
  input: z.infer<typeof ZCancelSubscriptionInput> & { tenantId: string; actorUserId: string; today: IsoDate },
) {
  const [subscription] = await tx
    .update(subscriptions)
    .set({ status: 'cancelled', cancelledAt: sql`now()` })
    .where(and(eq(subscriptions.id, input.id), eq(subscriptions.status, 'active')))
    .returning();
  if (!subscription) {
    const [exists] = await tx
      .select({ id: subscriptions.id })
      .from(subscriptions)
      .where(eq(subscriptions.id, input.id));
    if (!exists) throw new DomainError({ code: 'NOT_FOUND', message: 'That subscription was not found.' });
    throw new DomainError({ code: 'CONFLICT', message: 'That subscription is already cancelled.' });
  }
  const grants = await tx
    .select()
    .from(entitlementEntries)
    .where(
      and(
        eq(entitlementEntries.sourceType, 'subscription'),
        eq(entitlementEntries.sourceId, subscription.id),
        eq(entitlementEntries.kind, 'grant'),
      ),
    );
  let withdrawnHundredths = 0;
  for (const grant of grants) {
    // Withdraw the unused part of this grant: no more than it gave, no more than is left.
    const [balance] = await tx
      .select()
      .from(entitlementBalances)
      .where(eq(entitlementBalances.id, grant.balanceId))
      .for('update');
    if (!balance || balance.unlimited) continue;
    const take = Math.min(grant.quantityHundredths, balance.balanceHundredths);
    if (take <= 0) continue;
    await tx
      .update(entitlementBalances)
      .set({
        balanceHundredths: sql`${entitlementBalances.balanceHundredths} - ${take}`,
        updatedAt: sql`now()`,
      })
      .where(eq(entitlementBalances.id, balance.id));
    await tx.insert(entitlementEntries).values({
      tenantId: input.tenantId,
      balanceId: balance.id,
      schoolId: grant.schoolId,
      kind: 'reversal',
      quantityHundredths: -take,
      sourceType: 'subscription',
      sourceId: subscription.id,
      description: `Subscription cancelled: ${input.reason}`,
      actorUserId: input.actorUserId,
    });
    withdrawnHundredths += take;
  }
  const ectCharges = await cancelPerEctCharges(tx, subscription);
  await tx.insert(subscriptionEvents).values({
    tenantId: input.tenantId,
    subscriptionId: subscription.id,
    event: 'cancelled',
    detail: {
      reason: input.reason,
      beforeStart: input.today < academicYearStart(subscription.academicYear) ? 1 : 0,
      withdrawnHundredths,
      ectChargesCancelled: ectCharges.cancelled,
    },
    actorUserId: input.actorUserId,
  });
  return {
    id: subscription.id,
    withdrawnHundredths,
    ectChargesCancelled: ectCharges.cancelled,
    ectChargesInvoiced: ectCharges.invoiced,
  };
}

async function cancelPerEctCharges(tx: Tx, subscription: { itemId: string; schoolId: string }) {
  const [item] = await tx
    .select({ pricingBasis: catalogueItems.pricingBasis })
    .from(catalogueItems)
    .where(eq(catalogueItems.id, subscription.itemId));
  if (item?.pricingBasis !== 'ect') return { cancelled: 0, invoiced: 0 };
  // The charge's source id is derived from (package, ECT), so the keys of this package are those of every ECT.
  const keys = (await tx.select({ id: ects.id }).from(ects)).map((e) =>
    perEctChargeKey(subscription.itemId, e.id),
  );
  if (keys.length === 0) return { cancelled: 0, invoiced: 0 };
  const ofThisPackage = and(
    eq(chargeableItems.schoolId, subscription.schoolId),
    eq(chargeableItems.sourceType, perEctPackageSource),
    inArray(chargeableItems.sourceId, keys),
  );
  const cancelled = await tx
    .update(chargeableItems)
    .set({ status: 'cancelled' })
    .where(and(ofThisPackage, eq(chargeableItems.status, 'uninvoiced')))
    .returning({ id: chargeableItems.id });
  const invoiced = await tx
    .select({ id: chargeableItems.id })
    .from(chargeableItems)
    .where(and(ofThisPackage, eq(chargeableItems.status, 'invoiced')));
  return { cancelled: cancelled.length, invoiced: invoiced.length };
}
