import { and, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { catalogueItems, subscriptions } from '~/db/schema';

/**
 * The schools subscribed to governor services in an academic year: those with a live subscription to a
 * package priced per governing body (HSIP's "Governor training, advice and information", BPSI's "Governor
 * Services"). Their boards receive the termly bulletin.
 */
export async function governorPackageSchoolIds(tx: Tx, academicYear: number): Promise<Set<string>> {
  const rows = await tx
    .selectDistinct({ schoolId: subscriptions.schoolId })
    .from(subscriptions)
    .innerJoin(catalogueItems, eq(catalogueItems.id, subscriptions.itemId))
    .where(
      and(
        eq(subscriptions.academicYear, academicYear),
        eq(subscriptions.status, 'active'),
        eq(catalogueItems.kind, 'package'),
        eq(catalogueItems.pricingBasis, 'governing_body'),
      ),
    );
  return new Set(rows.map((r) => r.schoolId));
}
