import { DomainError } from '~/server/errors/domain-error';
import { sql } from 'drizzle-orm';
import { executeRows, type Tx } from '~/db/client';
import { chargeableItems, entitlementBalances } from '~/db/schema';
import type { VatTreatment } from '~/db/schema/invoicing';
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
  /** The catalogue item's own VAT treatment, when its manager chose one (the invoice applies it). */
  vatTreatment?: VatTreatment | null;
  pricedAsMember: boolean;
  /** The school's purchase order for the charge, when it gave one. */
  purchaseOrderNumber?: string | null;
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
 * with 'refuse' (or no way to charge), only a balance that covers the whole use is taken. The entry is written
 * in the same statement; the lock is held for it and, when part is charged, one more insert.
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
  // One statement (one round trip): lock the balance, take what it can give, record the entry.
  const [taken] = await executeRows<{ entry_id: string; balance_id: string; drawn: number }>(
    tx,
    sql`with locked as (
        select id, tenant_id, balance_hundredths as before, unlimited from entitlement_balances
        where tenant_id = ${input.tenantId} and school_id = ${input.schoolId}
          and academic_year = ${input.academicYear} and unit = ${input.unit} and category = ${input.category ?? ''}
        for update
      ), taken as (
        update entitlement_balances b
        set balance_hundredths = case when l.unlimited then l.before else l.before - least(l.before, ${q}::int) end,
          updated_at = now()
        from locked l
        where b.tenant_id = l.tenant_id and b.id = l.id
          and (l.unlimited or l.before ${split ? sql`> 0` : sql`>= ${q}::int`})
        returning b.id, case when l.unlimited then ${q}::int else least(l.before, ${q}::int) end as drawn
      ), entry as (
        insert into entitlement_entries (tenant_id, balance_id, school_id, kind, quantity_hundredths,
          source_type, source_id, description, actor_user_id)
        select ${input.tenantId}, id, ${input.schoolId}, 'drawdown', -drawn, ${input.sourceType},
          ${input.sourceId}::uuid, ${input.description}, ${input.actorUserId}::uuid
        from taken
        returning id, balance_id
      )
      select entry.id as entry_id, entry.balance_id, taken.drawn from entry join taken on taken.id = entry.balance_id`,
  );
  if (taken) {
    const drawnHundredths = Number(taken.drawn);
    const entry = { id: taken.entry_id };
    const balanceId = taken.balance_id;
    if (drawnHundredths === q || !input.chargeAs) {
      return { outcome: 'drawn', entryId: entry.id, balanceId, drawnHundredths };
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
      balanceId,
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

/**
 * A chargeable item: a use paid for at the school's rate, invoiced later. With `once`, a source that may be
 * charged only once (a unique index says which) returns null instead of charging it again, even under a race.
 */
export async function recordCharge(
  tx: Tx,
  input: ChargeAs & { tenantId: string; schoolId: string; description: string } & Source,
): Promise<{ id: string; netPence: number }>;
export async function recordCharge(
  tx: Tx,
  input: ChargeAs & { tenantId: string; schoolId: string; description: string } & Source,
  options: { once: true },
): Promise<{ id: string; netPence: number } | null>;
export async function recordCharge(
  tx: Tx,
  input: ChargeAs & { tenantId: string; schoolId: string; description: string } & Source,
  options?: { once: true },
) {
  const netPence = Math.round((input.unitPricePence * input.quantityHundredths) / 100);
  const insert = tx.insert(chargeableItems).values({
    tenantId: input.tenantId,
    schoolId: input.schoolId,
    description: input.description,
    quantityHundredths: input.quantityHundredths,
    unitPricePence: input.unitPricePence,
    netPence,
    vatRateBasisPoints: input.vatRateBasisPoints,
    vatTreatment: input.vatTreatment ?? null,
    pricedAsMember: input.pricedAsMember,
    sourceType: input.sourceType,
    sourceId: input.sourceId,
    purchaseOrderNumber: input.purchaseOrderNumber ?? null,
  });
  const [charge] = await (options?.once ? insert.onConflictDoNothing() : insert).returning({
    id: chargeableItems.id,
  });
  if (!charge) {
    if (options?.once) return null;
    throw new Error('could not record the charge');
  }
  return { id: charge.id, netPence };
}
