import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { retentionSettings } from '~/db/schema';
import type { Actor } from '../access/actor';
import { defaultRetention, type RetentionYears } from './retention-rules';

const years = z.coerce
  .number()
  .int('Whole years only.')
  .min(1, 'At least 1 year.')
  .max(50, 'At most 50 years.');
export const ZRetentionInput = z.object({ governorYears: years, ectYears: years, delegateYears: years });
export type TRetentionInput = z.infer<typeof ZRetentionInput>;

/** The workspace's retention periods, or the defaults where it has set none. */
export async function getRetention(
  tx: Tx,
  tenantId: string,
): Promise<RetentionYears & { isDefault: boolean }> {
  const [row] = await tx.select().from(retentionSettings).where(eq(retentionSettings.tenantId, tenantId));
  if (!row) return { ...defaultRetention, isDefault: true };
  return {
    governorYears: row.governorYears,
    ectYears: row.ectYears,
    delegateYears: row.delegateYears,
    isDefault: false,
  };
}

export async function setRetention(tx: Tx, actor: Actor, input: TRetentionInput) {
  const values = { ...input, updatedByUserId: actor.userId, updatedAt: sql`now()` };
  await tx
    .insert(retentionSettings)
    .values({ tenantId: actor.tenantId, ...values })
    .onConflictDoUpdate({ target: retentionSettings.tenantId, set: values });
  return getRetention(tx, actor.tenantId);
}
