import { DomainError } from '~/server/errors/domain-error';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { entitlementBalances, entitlementEntries } from '~/db/schema';

/** Gives back what a drawdown took (a cancelled booking or visit). Each drawdown can be reversed once. */
export async function reverseDrawdown(
  tx: Tx,
  input: { tenantId: string; entryId: string; reason: string; actorUserId: string | null },
) {
  const [original] = await tx
    .select()
    .from(entitlementEntries)
    .where(and(eq(entitlementEntries.id, input.entryId), eq(entitlementEntries.kind, 'drawdown')));
  if (!original)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That use of entitlement was not found.' });
  const giveBack = -original.quantityHundredths;
  // The unique index on reverses_entry_id refuses a second reversal, even a concurrent one.
  const [entry] = await tx
    .insert(entitlementEntries)
    .values({
      tenantId: input.tenantId,
      balanceId: original.balanceId,
      schoolId: original.schoolId,
      kind: 'reversal',
      quantityHundredths: giveBack,
      reversesEntryId: original.id,
      sourceType: original.sourceType,
      sourceId: original.sourceId,
      description: input.reason,
      actorUserId: input.actorUserId,
    })
    .onConflictDoNothing()
    .returning({ id: entitlementEntries.id });
  if (!entry) throw new DomainError({ code: 'CONFLICT', message: 'That use has already been reversed.' });
  await tx
    .update(entitlementBalances)
    .set({
      balanceHundredths: sql`case when ${entitlementBalances.unlimited} then ${entitlementBalances.balanceHundredths} else ${entitlementBalances.balanceHundredths} + ${giveBack} end`,
      updatedAt: sql`now()`,
    })
    .where(eq(entitlementBalances.id, original.balanceId));
  return { id: entry.id };
}
