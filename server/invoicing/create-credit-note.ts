import { and, eq, like, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { creditNoteLines, creditNotes, invoiceLines, invoices } from '~/db/schema';
import type { Actor } from '../access/actor';
import { todayInLondon } from '../catalogue/academic-year';
import { formatPence } from '../catalogue/money';
import { DomainError } from '../errors/domain-error';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { creditNoteEmailProps } from './invoice-emails';
import { invoiceRecipientsOf } from './invoice-recipients';
import { getInvoice } from './load-invoice';
import { takeNextNumber } from './numbering';
import { roundHalfUp, settledStatus, sumTotals } from './rules';
import { getInvoiceSettings } from './settings';

export const ZCreditNoteInput = z.object({
  invoiceId: z.uuid(),
  reason: z.string().trim().min(1, 'Say why the invoice is being credited').max(500),
  /** 'full' credits whatever is left of every line; 'partial' credits the net amounts given per line. */
  scope: z.enum(['full', 'partial']),
  lines: z
    .array(z.object({ invoiceLineId: z.uuid(), netPence: z.number().int().min(1, 'Credit at least 1p') }))
    .max(200)
    .default([]),
});

/**
 * A credit note against an issued invoice, full or partial, numbered in its own gapless series. A line is
 * never credited beyond its net; a full credit takes exactly the VAT left on each line, a partial one the VAT
 * on the amount credited (rounded per line). Like an issued invoice, it is emailed to the school's invoice
 * recipients with its PDF attached. Once an invoice is credited in full, the subscription terms it billed count
 * as not invoiced.
 */
export async function createCreditNote(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name' | 'userId' | 'appUrl' | 'slug'>,
  input: z.infer<typeof ZCreditNoteInput> & {
    today?: string;
    /** false: email no one (demo data made by the seed). */
    notify?: boolean;
  },
) {
  // Lock the invoice first so two credit notes against it queue.
  await tx.select({ id: invoices.id }).from(invoices).where(eq(invoices.id, input.invoiceId)).for('update');
  const view = await getInvoice(tx, input.invoiceId);
  const { invoice } = view;
  if (invoice.status === 'draft' || invoice.status === 'void')
    throw new DomainError({ code: 'CONFLICT', message: 'Only an issued invoice can be credited.' });
  const chosen =
    input.scope === 'full'
      ? view.lines
          .map((l) => ({
            line: l,
            netPence: l.netPence - l.credited.netPence,
            vatPence: l.vatPence - l.credited.vatPence,
          }))
          .filter((c) => c.netPence > 0 || c.vatPence > 0)
      : input.lines.map((wanted) => {
          const line = view.lines.find((l) => l.id === wanted.invoiceLineId);
          if (!line)
            throw new DomainError({ code: 'NOT_FOUND', message: 'That invoice line was not found.' });
          const left = line.netPence - line.credited.netPence;
          if (wanted.netPence > left)
            throw new DomainError({
              code: 'BAD_REQUEST',
              message: `Only ${formatPence(left)} (net) is left to credit on "${line.description}".`,
              field: 'lines',
            });
          const vat =
            wanted.netPence === left
              ? line.vatPence - line.credited.vatPence
              : roundHalfUp((wanted.netPence * line.vatRateBasisPoints) / 10_000);
          return { line, netPence: wanted.netPence, vatPence: vat };
        });
  if (chosen.length === 0)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'There is nothing left to credit on this invoice.',
    });
  const totals = sumTotals(chosen);
  const settings = await getInvoiceSettings(tx, actor);
  const today = input.today ?? todayInLondon();
  const { number, sequenceNumber } = await takeNextNumber(
    tx,
    actor.tenantId,
    'credit_note',
    settings.creditNotePrefix,
  );
  const [note] = await tx
    .insert(creditNotes)
    .values({
      tenantId: actor.tenantId,
      invoiceId: invoice.id,
      schoolId: invoice.schoolId,
      number,
      sequenceNumber,
      issuedOn: today,
      reason: input.reason,
      ...totals,
      createdByUserId: actor.userId,
    })
    .returning({ id: creditNotes.id });
  if (!note) throw new Error('credit note not created');
  await tx.insert(creditNoteLines).values(
    chosen.map((c) => ({
      tenantId: actor.tenantId,
      creditNoteId: note.id,
      invoiceLineId: c.line.id,
      description: c.line.description,
      netPence: c.netPence,
      vatTreatment: c.line.vatTreatment,
      vatRateBasisPoints: c.line.vatRateBasisPoints,
      vatPence: c.vatPence,
    })),
  );
  const credited = invoice.creditedPence + totals.grossPence;
  await tx
    .update(invoices)
    .set({
      creditedPence: sql`${credited}`,
      status: settledStatus(invoice.grossPence, invoice.paidPence, credited),
      updatedAt: new Date(),
    })
    .where(eq(invoices.id, invoice.id));
  // Credited for its whole value, the invoice bills nothing any more: the subscription terms it billed are
  // released, as a void releases them, so the billing run bills them again (at the subscription's price). A
  // part credit leaves them invoiced. Charges stay invoiced: a place or service credited in full was cancelled
  // or given up, and is not billed a second time.
  if (credited >= invoice.grossPence) await releaseSubscriptionTerms(tx, invoice.id);
  const emails = input.notify !== false && invoice.kind === 'invoice';
  const recipients = emails ? await invoiceRecipientsOf(tx, invoice.schoolId) : [];
  for (const recipient of recipients) {
    await queueEmail(tx, {
      to: recipient.email,
      ...emailOf(
        'notice',
        creditNoteEmailProps({
          recipient,
          legalName: settings.legalName,
          creditNote: { number, grossPence: totals.grossPence, reason: input.reason },
          invoice: { number: invoice.number ?? '', customerName: invoice.customerName },
          outstandingPence: Math.max(0, invoice.grossPence - invoice.paidPence - credited),
          url: `${actor.appUrl}/${actor.slug}/invoices/${invoice.id}`,
        }),
      ),
      attachments: [
        {
          kind: 'credit-note-pdf',
          invoiceId: invoice.id,
          creditNoteId: note.id,
          filename: `${number}.pdf`,
        },
      ],
    });
  }
  /**
   * Who it was emailed to: empty for a school with nobody to email (its page says so, and whoever raised it is
   * told to send it), null when it is not emailed at all (a journal's).
   */
  return { id: note.id, number, ...totals, emailedTo: emails ? recipients.map((r) => r.email) : null };
}

/** Frees the subscription parts an invoice billed (their source keys), so a later run may bill them again. */
async function releaseSubscriptionTerms(tx: Tx, invoiceId: string) {
  await tx
    .update(invoiceLines)
    .set({ releasedSourceKey: sql`${invoiceLines.sourceKey}`, sourceKey: null })
    .where(and(eq(invoiceLines.invoiceId, invoiceId), like(invoiceLines.sourceKey, 'subscription:%')));
}
