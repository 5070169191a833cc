import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { entitlementBalances, entitlementEntries } from '~/db/schema';
import { academicYearLabel } from '../catalogue/academic-year';

/** At year end, what is left lapses: one expiry entry per balance takes it to zero. */
export async function expireEntitlements(tx: Tx, input: { tenantId: string; academicYear: number }) {
  const open = await tx
    .select({
      id: entitlementBalances.id,
      schoolId: entitlementBalances.schoolId,
      balanceHundredths: entitlementBalances.balanceHundredths,
    })
    .from(entitlementBalances)
    .where(
      and(
        eq(entitlementBalances.academicYear, input.academicYear),
        gt(entitlementBalances.balanceHundredths, 0),
      ),
    )
    .for('update');
  if (open.length === 0) return { expiredBalances: 0 };
  await tx
    .update(entitlementBalances)
    .set({ balanceHundredths: 0, updatedAt: sql`now()` })
    .where(
      inArray(
        entitlementBalances.id,
        open.map((b) => b.id),
      ),
    );
  await tx.insert(entitlementEntries).values(
    open.map((b) => ({
      tenantId: input.tenantId,
      balanceId: b.id,
      schoolId: b.schoolId,
      kind: 'expiry' as const,
      quantityHundredths: -b.balanceHundredths,
      description: `Unused at the end of ${academicYearLabel(input.academicYear)}`,
      actorUserId: null,
    })),
  );
  return { expiredBalances: open.length };
}
