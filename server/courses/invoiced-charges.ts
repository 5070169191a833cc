import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { chargeableItems, invoiceLines, invoices } from '~/db/schema';

/**
 * The charges among `chargeIds` already on an invoice that stands (not void), with that invoice: such a charge
 * can no longer be voided, only credited by finance.
 */
export async function invoicesHolding(tx: Tx, chargeIds: readonly string[]) {
  if (chargeIds.length === 0) return [];
  return tx
    .select({
      itemId: chargeableItems.id,
      invoiceId: invoices.id,
      invoiceNumber: invoices.number,
      invoiceStatus: invoices.status,
    })
    .from(chargeableItems)
    .innerJoin(invoiceLines, eq(invoiceLines.chargeableItemId, chargeableItems.id))
    .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .where(
      and(
        inArray(chargeableItems.id, [...chargeIds]),
        eq(chargeableItems.status, 'invoiced'),
        ne(invoices.status, 'void'),
      ),
    );
}
