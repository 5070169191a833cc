import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { catalogueItems, schools, subscriptionEvents, subscriptions } from '~/db/schema';

/** Subscriptions for a year, optionally one school's, with package and school names. */
export function listSubscriptions(tx: Tx, input: { academicYear: number; schoolId?: string }) {
  return tx
    .select({
      id: subscriptions.id,
      status: subscriptions.status,
      units: subscriptions.units,
      purchaseOrderNumber: subscriptions.purchaseOrderNumber,
      netPricePence: subscriptions.netPricePence,
      vatPence: subscriptions.vatPence,
      pricedAsMember: subscriptions.pricedAsMember,
      termsCharged: subscriptions.termsCharged,
      startsOn: subscriptions.startsOn,
      createdAt: subscriptions.createdAt,
      schoolId: schools.id,
      schoolName: schools.name,
      itemId: catalogueItems.id,
      itemName: catalogueItems.name,
      itemCode: catalogueItems.code,
    })
    .from(subscriptions)
    .innerJoin(
      schools,
      and(eq(schools.tenantId, subscriptions.tenantId), eq(schools.id, subscriptions.schoolId)),
    )
    .innerJoin(
      catalogueItems,
      and(eq(catalogueItems.tenantId, subscriptions.tenantId), eq(catalogueItems.id, subscriptions.itemId)),
    )
    .where(
      and(
        eq(subscriptions.academicYear, input.academicYear),
        input.schoolId ? eq(subscriptions.schoolId, input.schoolId) : undefined,
      ),
    )
    .orderBy(asc(schools.name), asc(catalogueItems.name));
}

export function listSubscriptionHistory(tx: Tx, subscriptionId: string) {
  return tx
    .select()
    .from(subscriptionEvents)
    .where(eq(subscriptionEvents.subscriptionId, subscriptionId))
    .orderBy(asc(subscriptionEvents.createdAt));
}
