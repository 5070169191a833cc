import { sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { invoiceNumberSequences } from '~/db/schema';

export type Series = 'invoice' | 'credit_note' | 'journal';

/** INV-000042: the prefix and the sequence number, padded so numbers sort as text too. */
export const formatNumber = (prefix: string, n: number) => `${prefix}${String(n).padStart(6, '0')}`;

/**
 * The next number in a tenant's series and prefix, taken inside the caller's transaction. The upsert locks the
 * counter row until commit, so concurrent issuers queue on it; a rollback returns the number. Gapless.
 */
export async function takeNextNumber(tx: Tx, tenantId: string, series: Series, prefix: string) {
  const [row] = await tx
    .insert(invoiceNumberSequences)
    .values({ tenantId, series, prefix, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [invoiceNumberSequences.tenantId, invoiceNumberSequences.series, invoiceNumberSequences.prefix],
      set: { lastNumber: sql`${invoiceNumberSequences.lastNumber} + 1` },
    })
    .returning({ lastNumber: invoiceNumberSequences.lastNumber });
  if (!row) throw new Error('no number taken');
  return { sequenceNumber: row.lastNumber, number: formatNumber(prefix, row.lastNumber) };
}
