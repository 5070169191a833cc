import { sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { entitlementBalances, entitlementEntries } from '~/db/schema';
import type { BalanceKey } from './balance-key';

export type Source = { sourceType: string; sourceId: string };

/**
 * Adds to a school's entitlement (a subscription activating). Upserts the balance row so the first grant
 * creates it; `quantityHundredths: null` makes the balance unlimited.
 */
export async function grantEntitlement(
  tx: Tx,
  input: BalanceKey & {
    tenantId: string;
    quantityHundredths: number | null;
    description: string;
    actorUserId: string | null;
  } & Partial<Source>,
) {
  const quantity = input.quantityHundredths ?? 0;
  const unlimited = input.quantityHundredths === null;
  const [balance] = await tx
    .insert(entitlementBalances)
    .values({
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      academicYear: input.academicYear,
      unit: input.unit,
      category: input.category ?? '',
      balanceHundredths: quantity,
      unlimited,
    })
    .onConflictDoUpdate({
      target: [
        entitlementBalances.tenantId,
        entitlementBalances.schoolId,
        entitlementBalances.academicYear,
        entitlementBalances.unit,
        entitlementBalances.category,
      ],
      set: {
        balanceHundredths: sql`${entitlementBalances.balanceHundredths} + ${quantity}`,
        unlimited: sql`${entitlementBalances.unlimited} or ${unlimited}`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: entitlementBalances.id });
  if (!balance) throw new Error('could not upsert the balance');
  const [entry] = await tx
    .insert(entitlementEntries)
    .values({
      tenantId: input.tenantId,
      balanceId: balance.id,
      schoolId: input.schoolId,
      kind: 'grant',
      quantityHundredths: quantity,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
      description: unlimited ? `${input.description} (unlimited)` : input.description,
      actorUserId: input.actorUserId,
    })
    .returning({ id: entitlementEntries.id });
  return { balanceId: balance.id, entryId: entry?.id };
}
