import { DomainError } from '~/server/errors/domain-error';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { entitlementBalances, entitlementEntries } from '~/db/schema';

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
  input: TAdjustEntitlementInput & { tenantId: string; actorUserId: string },
) {
  const q = Math.round(input.quantity * 100);
  const [balance] = await tx
    .update(entitlementBalances)
    .set({ balanceHundredths: sql`${entitlementBalances.balanceHundredths} + ${q}`, updatedAt: sql`now()` })
    .where(
      and(
        eq(entitlementBalances.id, input.balanceId),
        sql`${entitlementBalances.balanceHundredths} + ${q} >= 0`,
      ),
    )
    .returning({ id: entitlementBalances.id, schoolId: entitlementBalances.schoolId });
  if (!balance) {
    const [exists] = await tx
      .select({ id: entitlementBalances.id })
      .from(entitlementBalances)
      .where(eq(entitlementBalances.id, input.balanceId));
    if (!exists) throw new DomainError({ code: 'NOT_FOUND', message: 'That entitlement was not found.' });
    throw new DomainError({ code: 'BAD_REQUEST', message: 'That would take the balance below zero.' });
  }
  const [entry] = await tx
    .insert(entitlementEntries)
    .values({
      tenantId: input.tenantId,
      balanceId: balance.id,
      schoolId: balance.schoolId,
      kind: 'adjustment',
      quantityHundredths: q,
      description: input.reason,
      actorUserId: input.actorUserId,
    })
    .returning({ id: entitlementEntries.id });
  return { id: entry?.id, balanceId: balance.id };
}
