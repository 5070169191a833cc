import { randomUUID } from 'node:crypto';
import { DomainError } from '~/server/errors/domain-error';
import { auditRowInStatement } from '../unit-of-work/run-in-tenant';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { commitWithNextStatement, executeRows, type Tx } from '~/db/client';

export const ZAdjustEntitlementInput = z.object({
  balanceId: z.uuid({ message: 'Choose an entitlement.' }),
  /** Signed, in units (1.5 = one and a half). */
  quantity: z
    .number({ message: 'Enter an amount, e.g. 1 or -0.5.' })
    .refine((n) => n !== 0, 'An adjustment cannot be zero.')
    .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, {
      message: 'Use at most two decimal places.',
    }),
  reason: z.string().trim().min(3, 'Give a reason for the adjustment.').max(500),
});
export type TAdjustEntitlementInput = z.infer<typeof ZAdjustEntitlementInput>;

/** A manager's correction, with a reason. A reduction can take the balance to zero but never below. */
export async function adjustEntitlement(
  tx: Tx,
  input: TAdjustEntitlementInput & {
    tenantId: string;
    actorUserId: string;
    /**
     * The caller does nothing more in the transaction (the entitlements.adjust procedure): when the audit row
     * is in the statement, COMMIT goes right behind it (see commitWithNextStatement), one round trip less.
     */
    endsTransaction?: boolean;
  },
) {
  const q = Math.round(input.quantity * 100);
  const entryId = randomUUID();
  // The unit of work's audit row goes in the same statement, written only if the balance moved.
  const audit = auditRowInStatement(
    tx,
    { id: entryId, balanceId: input.balanceId },
    sql`exists (select 1 from entry)`,
  );
  if (audit && input.endsTransaction) commitWithNextStatement(tx);
  // One statement (one round trip, the balance row locked only for it): move the balance when it stays at or
  // above zero, and record the entry (and the audit row) beside it. It answers whether the balance exists too,
  // since nothing may follow it when COMMIT went with it.
  const [row] = await executeRows<{ id: string | null; balance_id: string | null; found: boolean }>(
    tx,
    sql`
    with moved as (
      update entitlement_balances set balance_hundredths = balance_hundredths + ${q}, updated_at = now()
      where tenant_id = ${input.tenantId} and id = ${input.balanceId} and balance_hundredths + ${q} >= 0
      returning id, school_id
    ),
    entry as (
      insert into entitlement_entries
        (id, tenant_id, balance_id, school_id, kind, quantity_hundredths, description, actor_user_id)
      select ${entryId}::uuid, ${input.tenantId}, id, school_id, 'adjustment', ${q}, ${input.reason},
        ${input.actorUserId}
      from moved
      returning id, balance_id
    )${audit ? sql`, audit as (${audit})` : sql``}
    select (select id from entry) as id, (select balance_id from entry) as balance_id,
      exists (
        select 1 from entitlement_balances where tenant_id = ${input.tenantId} and id = ${input.balanceId}
      ) as found`,
  );
  if (!row?.id || !row.balance_id) {
    if (!row?.found) throw new DomainError({ code: 'NOT_FOUND', message: 'That entitlement was not found.' });
    throw new DomainError({ code: 'BAD_REQUEST', message: 'That would take the balance below zero.' });
  }
  return { id: row.id, balanceId: row.balance_id };
}
