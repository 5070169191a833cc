import { DomainError } from '~/server/errors/domain-error';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { entitlementBalances, entitlementEntries } from '~/db/schema';
import { academicYearEnd, academicYearLabel, type IsoDate } from '../catalogue/academic-year';

export const ZReverseDrawdownInput = z.object({
  entryId: z.uuid({ message: 'Choose a use of entitlement.' }),
  reason: z.string().trim().min(3, 'Give a reason for the reversal.').max(500),
});

/**
 * Gives back what a drawdown took (a mistaken or cancelled use), with a reason that shows in the statement.
 * Each drawdown can be reversed once. A reversal never brings back an expired balance: once the year has ended
 * or been closed, the given-back amount lapses in the same step, so the record is put right but nothing new
 * can be spent.
 */
export async function reverseDrawdown(
  tx: Tx,
  input: z.output<typeof ZReverseDrawdownInput> & {
    tenantId: string;
    actorUserId: string | null;
    today: IsoDate;
  },
) {
  const [original] = await tx
    .select()
    .from(entitlementEntries)
    .where(and(eq(entitlementEntries.id, input.entryId), eq(entitlementEntries.kind, 'drawdown')));
  if (!original)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That use of entitlement was not found.' });
  // The balance row is the lock here too: year-end expiry takes it, so the two cannot interleave.
  const [balance] = await tx
    .select()
    .from(entitlementBalances)
    .where(eq(entitlementBalances.id, original.balanceId))
    .for('update');
  if (!balance) throw new Error('drawdown without a balance');
  const [expiry] = await tx
    .select({ id: entitlementEntries.id })
    .from(entitlementEntries)
    .where(and(eq(entitlementEntries.balanceId, balance.id), eq(entitlementEntries.kind, 'expiry')))
    .limit(1);
  const expired = expiry !== undefined || input.today > academicYearEnd(balance.academicYear);
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
  if (expired) {
    if (!balance.unlimited) {
      await tx.insert(entitlementEntries).values({
        tenantId: input.tenantId,
        balanceId: balance.id,
        schoolId: original.schoolId,
        kind: 'expiry',
        quantityHundredths: -giveBack,
        description: `Given back after ${academicYearLabel(balance.academicYear)} ended, so it lapses`,
        actorUserId: input.actorUserId,
      });
    }
    return { id: entry.id, restoredHundredths: 0 };
  }
  await tx
    .update(entitlementBalances)
    .set({
      balanceHundredths: sql`case when ${entitlementBalances.unlimited} then ${entitlementBalances.balanceHundredths} else ${entitlementBalances.balanceHundredths} + ${giveBack} end`,
      updatedAt: sql`now()`,
    })
    .where(eq(entitlementBalances.id, original.balanceId));
  return { id: entry.id, restoredHundredths: balance.unlimited ? 0 : giveBack };
}
