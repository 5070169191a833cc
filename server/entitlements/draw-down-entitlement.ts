import { DomainError } from '~/server/errors/domain-error';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { chargeableItems, entitlementBalances, entitlementEntries } from '~/db/schema';
import { describeQuantity, lineName, whereBalance, type BalanceKey } from './balance-key';
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

/** What to do when the balance covers only part of a use: draw that part and charge the rest, or refuse. */
export type PartialCover = 'split' | 'refuse';

export type DrawDownResult =
  | { outcome: 'drawn'; entryId: string; balanceId: string; drawnHundredths: number }
  | {
      outcome: 'part_drawn';
      entryId: string;
      balanceId: string;
      drawnHundredths: number;
      chargeableItemId: string;
      netPence: number;
    }
  | { outcome: 'charged'; chargeableItemId: string; netPence: number };

/**
 * Uses some of a school's entitlement line (a unit, and a category or the general line ''), or charges for it
 * when there is not enough.
 *
 * One conditional UPDATE takes what the balance can give, up to the amount used: its CTE locks the balance row
 * first (FOR UPDATE waits for any concurrent drawdown and then reads the balance it left), so each drawdown
 * sees its predecessor's result and the balance can never go below zero (the CHECK constraint is the
 * backstop). With partial cover 'split', a balance smaller than the use is emptied and the rest charged;
 * with 'refuse' (or no way to charge), only a balance that covers the whole use is taken. The lock is held
 * for that statement, one insert and, when part is charged, one more.
 */
export async function drawDownEntitlement(
  tx: Tx,
  input: BalanceKey & {
    tenantId: string;
    quantityHundredths: number;
    description: string;
    actorUserId: string | null;
    chargeAs?: ChargeAs;
    partialCover?: PartialCover;
  } & Source,
): Promise<DrawDownResult> {
  if (input.quantityHundredths <= 0) {
    throw new DomainError({ code: 'BAD_REQUEST', message: 'The amount used must be more than zero.' });
  }
  const q = input.quantityHundredths;
  const split = input.partialCover !== 'refuse' && input.chargeAs !== undefined;
  const locked = tx.$with('locked').as(
    tx
      .select({
        id: entitlementBalances.id,
        tenantId: entitlementBalances.tenantId,
        before: sql<number>`${entitlementBalances.balanceHundredths}`.as('before'),
        unlimited: sql<boolean>`${entitlementBalances.unlimited}`.as('was_unlimited'),
      })
      .from(entitlementBalances)
      .where(whereBalance(input))
      .for('update'),
  );
  const drawn = sql<number>`case when ${locked.unlimited} then ${q} else least(${locked.before}, ${q}) end`;
  const [taken] = await tx
    .with(locked)
    .update(entitlementBalances)
    .set({
      balanceHundredths: sql`case when ${locked.unlimited} then ${locked.before} else ${locked.before} - least(${locked.before}, ${q}) end`,
      updatedAt: sql`now()`,
    })
    .from(locked)
    .where(
      and(
        eq(entitlementBalances.tenantId, locked.tenantId),
        eq(entitlementBalances.id, locked.id),
        split
          ? sql`(${locked.unlimited} or ${locked.before} > 0)`
          : sql`(${locked.unlimited} or ${locked.before} >= ${q})`,
      ),
    )
    .returning({ id: entitlementBalances.id, drawnHundredths: drawn });
  if (taken) {
    const drawnHundredths = Number(taken.drawnHundredths);
    const [entry] = await tx
      .insert(entitlementEntries)
      .values({
        tenantId: input.tenantId,
        balanceId: taken.id,
        schoolId: input.schoolId,
        kind: 'drawdown',
        quantityHundredths: -drawnHundredths,
        sourceType: input.sourceType,
        sourceId: input.sourceId,
        description: input.description,
        actorUserId: input.actorUserId,
      })
      .returning({ id: entitlementEntries.id });
    if (!entry) throw new Error('could not record the drawdown');
    if (drawnHundredths === q || !input.chargeAs) {
      return { outcome: 'drawn', entryId: entry.id, balanceId: taken.id, drawnHundredths };
    }
    const rest = uncoveredQuantity(input.chargeAs.quantityHundredths, q, drawnHundredths);
    const charge = await recordCharge(tx, {
      ...input,
      ...input.chargeAs,
      quantityHundredths: rest,
      description: `${input.description} (not covered by the entitlement)`,
    });
    return {
      outcome: 'part_drawn',
      entryId: entry.id,
      balanceId: taken.id,
      drawnHundredths,
      chargeableItemId: charge.id,
      netPence: charge.netPence,
    };
  }
  if (input.chargeAs && input.partialCover === 'refuse') {
    // Refused only when the balance would have covered part of it; with nothing left the use is charged.
    const [left] = await tx
      .select({ balance: entitlementBalances.balanceHundredths })
      .from(entitlementBalances)
      .where(whereBalance(input));
    if (left && left.balance > 0) {
      throw new DomainError({
        code: 'PRECONDITION_FAILED',
        message: `Only ${describeQuantity(left.balance, input.unit)} left of ${lineName(input.unit, input.category)}, less than this use needs. Log what it covers separately from the rest.`,
      });
    }
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

/**
 * The part of a use the entitlement did not cover, in the units it is charged in: a day logged against half a
 * day left charges half a day. `chargedHundredths` is the whole use in charged units, `usedHundredths` in
 * entitlement units (they differ when a service draws, say, 12 hours per review).
 */
export function uncoveredQuantity(
  chargedHundredths: number,
  usedHundredths: number,
  drawnHundredths: number,
) {
  return Math.round((chargedHundredths * (usedHundredths - drawnHundredths)) / usedHundredths);
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
