import { DomainError } from '~/server/errors/domain-error';
import { and, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { chargeableItems, entitlementBalances, entitlementEntries } from '~/db/schema';
import { whereBalance, type BalanceKey } from './balance-key';
import type { Source } from './grant-entitlement';

/**
 * How to charge a use the school has no balance left for (the thing bought, e.g. 1 consultancy day at £600).
 * Without it, such a use is refused.
 */
export type ChargeAs = {
  unitPricePence: number;
  quantityHundredths: number;
  vatRateBasisPoints: number;
  pricedAsMember: boolean;
};

export type DrawDownResult =
  | { outcome: 'drawn'; entryId: string; balanceId: string }
  | { outcome: 'charged'; chargeableItemId: string; netPence: number };

/**
 * Uses some of a school's entitlement, or charges for it when there is not enough.
 *
 * One conditional UPDATE both checks and takes the balance: concurrent drawdowns queue on the row lock and each
 * re-reads the balance the previous one left, so the balance can never go below zero (the CHECK constraint is
 * the backstop). The lock is held only for that statement and one insert.
 */
export async function drawDownEntitlement(
  tx: Tx,
  input: BalanceKey & {
    tenantId: string;
    quantityHundredths: number;
    description: string;
    actorUserId: string | null;
    chargeAs?: ChargeAs;
  } & Source,
): Promise<DrawDownResult> {
  if (input.quantityHundredths <= 0) {
    throw new DomainError({ code: 'BAD_REQUEST', message: 'The amount used must be more than zero.' });
  }
  const q = input.quantityHundredths;
  const [taken] = await tx
    .update(entitlementBalances)
    .set({
      balanceHundredths: sql`case when ${entitlementBalances.unlimited} then ${entitlementBalances.balanceHundredths} else ${entitlementBalances.balanceHundredths} - ${q} end`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        whereBalance(input),
        sql`(${entitlementBalances.unlimited} or ${entitlementBalances.balanceHundredths} >= ${q})`,
      ),
    )
    .returning({ id: entitlementBalances.id });
  if (taken) {
    const [entry] = await tx
      .insert(entitlementEntries)
      .values({
        tenantId: input.tenantId,
        balanceId: taken.id,
        schoolId: input.schoolId,
        kind: 'drawdown',
        quantityHundredths: -q,
        sourceType: input.sourceType,
        sourceId: input.sourceId,
        description: input.description,
        actorUserId: input.actorUserId,
      })
      .returning({ id: entitlementEntries.id });
    if (!entry) throw new Error('could not record the drawdown');
    return { outcome: 'drawn', entryId: entry.id, balanceId: taken.id };
  }
  if (!input.chargeAs) {
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: 'The school has not enough entitlement left for this, and it cannot be charged.',
    });
  }
  const charge = await recordCharge(tx, { ...input, ...input.chargeAs });
  return { outcome: 'charged', chargeableItemId: charge.id, netPence: charge.netPence };
}

/** A chargeable item: a use paid for at the school's rate, invoiced later. */
export async function recordCharge(
  tx: Tx,
  input: ChargeAs & { tenantId: string; schoolId: string; description: string } & Source,
) {
  const netPence = Math.round((input.unitPricePence * input.quantityHundredths) / 100);
  const [charge] = await tx
    .insert(chargeableItems)
    .values({
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      description: input.description,
      quantityHundredths: input.quantityHundredths,
      unitPricePence: input.unitPricePence,
      netPence,
      vatRateBasisPoints: input.vatRateBasisPoints,
      pricedAsMember: input.pricedAsMember,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
    })
    .returning({ id: chargeableItems.id });
  if (!charge) throw new Error('could not record the charge');
  return { id: charge.id, netPence };
}
