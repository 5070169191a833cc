import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { chargeableItems, invoiceLines, invoices } from '~/db/schema';
import { DomainError } from '../errors/domain-error';
import { lockInvoice } from './load-invoice';

export const ZVoidInvoiceInput = z.object({
  id: z.uuid(),
  reason: z.string().trim().min(1, 'Say why the invoice is void').max(500),
});

/**
 * Voids a draft or an issued invoice nothing has been paid or credited against. An issued invoice keeps its
 * number (the sequence stays gapless, the void shows in the register); what it billed is released so a later
 * run can bill it again.
 */
export async function voidInvoice(tx: Tx, input: z.infer<typeof ZVoidInvoiceInput>) {
  const invoice = await lockInvoice(tx, input.id);
  if (invoice.status === 'void')
    throw new DomainError({ code: 'CONFLICT', message: 'That invoice is already void.' });
  if (invoice.paidPence > 0 || invoice.creditedPence > 0)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'Money has been paid or credited against this invoice: raise a credit note instead.',
    });
  const lines = await tx
    .update(invoiceLines)
    .set({ releasedSourceKey: sql`${invoiceLines.sourceKey}`, sourceKey: null })
    .where(and(eq(invoiceLines.invoiceId, invoice.id), isNotNull(invoiceLines.sourceKey)))
    .returning({ chargeableItemId: invoiceLines.chargeableItemId });
  const items = lines.flatMap((l) => (l.chargeableItemId ? [l.chargeableItemId] : []));
  if (items.length > 0)
    await tx.update(chargeableItems).set({ status: 'uninvoiced' }).where(inArray(chargeableItems.id, items));
  await tx
    .update(invoices)
    .set({ status: 'void', voidReason: input.reason, updatedAt: new Date() })
    .where(eq(invoices.id, invoice.id));
  return { id: invoice.id };
}
