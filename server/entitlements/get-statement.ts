import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { entitlementBalances, entitlementEntries, users } from '~/db/schema';

/** A school's entitlement statement for a year: per balance, each entry with the running balance. */
export async function getStatement(tx: Tx, input: { schoolId: string; academicYear: number }) {
  const balances = await tx
    .select()
    .from(entitlementBalances)
    .where(
      and(
        eq(entitlementBalances.schoolId, input.schoolId),
        eq(entitlementBalances.academicYear, input.academicYear),
      ),
    )
    .orderBy(asc(entitlementBalances.unit), asc(entitlementBalances.category));
  const entries =
    balances.length === 0
      ? []
      : await tx
          .select({
            id: entitlementEntries.id,
            balanceId: entitlementEntries.balanceId,
            kind: entitlementEntries.kind,
            quantityHundredths: entitlementEntries.quantityHundredths,
            description: entitlementEntries.description,
            reversesEntryId: entitlementEntries.reversesEntryId,
            createdAt: entitlementEntries.createdAt,
            actorName: users.name,
          })
          .from(entitlementEntries)
          .leftJoin(users, eq(users.id, entitlementEntries.actorUserId))
          .where(
            inArray(
              entitlementEntries.balanceId,
              balances.map((b) => b.id),
            ),
          )
          .orderBy(asc(entitlementEntries.createdAt), asc(entitlementEntries.seq));
  const reversed = new Set(entries.flatMap((e) => (e.reversesEntryId ? [e.reversesEntryId] : [])));
  return balances.map((b) => {
    let running = 0;
    const lines = entries
      .filter((e) => e.balanceId === b.id)
      .map((e) => {
        running += e.quantityHundredths;
        // An unlimited entitlement has no running figure to show.
        return {
          ...e,
          runningHundredths: b.unlimited ? null : running,
          /** A drawdown the manager (or a cancellation) has already given back. */
          reversed: reversed.has(e.id),
        };
      });
    return {
      balanceId: b.id,
      unit: b.unit,
      category: b.category,
      unlimited: b.unlimited,
      balanceHundredths: b.balanceHundredths,
      grantedHundredths: lines
        .filter((l) => l.kind === 'grant')
        .reduce((s, l) => s + l.quantityHundredths, 0),
      usedHundredths: -lines
        .filter((l) => l.kind === 'drawdown')
        .reduce((s, l) => s + l.quantityHundredths, 0),
      entries: lines,
    };
  });
}
