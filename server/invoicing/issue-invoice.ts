import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { invoiceLines, invoices, subscriptions } from '~/db/schema';
import type { Actor } from '../access/actor';
import { todayInLondon } from '../catalogue/academic-year';
import { formatPence } from '../catalogue/money';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { DomainError } from '../errors/domain-error';
import { invoiceEmailProps } from './invoice-emails';
import { hasInvoiceRecipient, invoiceRecipientsOf, noRecipientWarning } from './invoice-recipients';
import { lockInvoice } from './load-invoice';
import { takeNextNumber } from './numbering';
import { addDays } from './rules';
import { getInvoiceSettings } from './settings';

export const ZIssueInvoiceInput = z.object({
  id: z.uuid(),
  /** The tax point, when it differs from the issue date (the date the service was supplied). */
  taxPointOn: z.iso.date('Enter the tax point as a date').nullable().optional(),
  /** The school's purchase-order number, when it came after the draft was made (empty: none). */
  purchaseOrderNumber: z
    .string()
    .trim()
    .max(40, 'Keep the purchase order number to 40 characters')
    .optional(),
  /**
   * The school has no one to email it to, and whoever issues it will send it themselves: without this such an
   * invoice is not issued (it would otherwise go to nobody without anyone noticing).
   */
  sendItMyself: z.boolean().optional(),
});

/**
 * Issues a draft: takes the next gapless number of its series (invoice or journal), dates it, fixes its due
 * date from the payment terms, and emails the school's finance contact (else its school administrators) the
 * PDF with a link to it. Never edited afterwards.
 */
export async function issueInvoice(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name' | 'appUrl' | 'slug'>,
  input: z.infer<typeof ZIssueInvoiceInput> & {
    today?: string;
    /** false: email no one (demo data issued by the seed). */
    notify?: boolean;
  },
) {
  const invoice = await lockInvoice(tx, input.id);
  if (invoice.status !== 'draft')
    throw new DomainError({
      code: 'CONFLICT',
      message: `Invoice ${invoice.number ?? ''} is already issued.`.trim(),
    });
  const [line] = await tx
    .select({ id: invoiceLines.id })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoice.id))
    .limit(1);
  if (!line)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'An invoice needs at least one line to be issued.',
    });
  // Who it goes to is settled before anything is numbered: an invoice nobody would be sent is refused unless
  // whoever issues it says they will send it themselves.
  const emails = invoice.kind === 'invoice' && input.notify !== false;
  const recipients = emails ? await invoiceRecipientsOf(tx, invoice.schoolId) : [];
  if (emails && recipients.length === 0 && !input.sendItMyself)
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: noRecipientWarning(invoice.customerName),
      field: 'sendItMyself',
    });
  const settings = await getInvoiceSettings(tx, actor);
  // Not VAT-registered, not allowed to charge VAT: a draft made while the settings had a VAT number keeps its VAT
  // lines, so it is stopped here rather than issued as a plain invoice that charges VAT (the billing run and its
  // preview charge none without a number: vat-for-school.ts).
  if (invoice.kind === 'invoice' && invoice.vatPence !== 0 && !settings.vatNumber)
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: `This draft charges ${formatPence(invoice.vatPence)} VAT, but the invoice settings have no VAT registration number, and only a VAT-registered supplier may charge VAT. Enter the VAT number in the invoice settings, or void this draft and bill again without VAT.`,
    });
  const today = input.today ?? todayInLondon();
  // The tax point of a supply invoiced later is the supply date; an invoice issued first is its own tax point.
  if (input.taxPointOn && input.taxPointOn > today)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'The tax point cannot be after the date of issue: leave it empty to use the date of issue.',
      field: 'taxPointOn',
    });
  const series = invoice.kind === 'journal' ? 'journal' : 'invoice';
  const prefix = series === 'journal' ? settings.journalPrefix : settings.invoicePrefix;
  const { number, sequenceNumber } = await takeNextNumber(tx, actor.tenantId, series, prefix);
  const [issued] = await tx
    .update(invoices)
    .set({
      status: 'issued',
      number,
      sequenceNumber,
      issuedOn: today,
      taxPointOn: input.taxPointOn && input.taxPointOn !== today ? input.taxPointOn : null,
      ...(input.purchaseOrderNumber !== undefined
        ? { purchaseOrderNumber: input.purchaseOrderNumber || null }
        : {}),
      dueOn: addDays(today, settings.paymentTermsDays),
      updatedAt: new Date(),
    })
    .where(eq(invoices.id, invoice.id))
    .returning();
  if (!issued) throw new Error('invoice not issued');
  if (input.purchaseOrderNumber) await keepPurchaseOrder(tx, issued.id, input.purchaseOrderNumber);
  if (emails) {
    const link = `${actor.appUrl}/${actor.slug}/invoices/${issued.id}`;
    for (const recipient of recipients) {
      await queueEmail(tx, {
        to: recipient.email,
        ...emailOf(
          'notice',
          invoiceEmailProps({
            recipient,
            legalName: settings.legalName,
            bankDetails: settings.bankDetails,
            paysOnline: settings.stripeKeyEncrypted !== null,
            invoice: { ...issued, number },
            url: link,
          }),
        ),
        attachments: [{ kind: 'invoice-pdf', invoiceId: issued.id, filename: `${number}.pdf` }],
      });
    }
  }
  /** Who it was emailed to: none for a journal, or one its issuer will send themselves. */
  return { id: issued.id, number, emailedTo: recipients.map((r) => r.email) };
}

/**
 * Issues the drafts a billing run made, each with the next number, except those whose school has no one to
 * email them to: they stay drafts, named in the answer, for someone to issue one by one and send themselves
 * (or after adding the school's finance contact). A journal is never emailed, so it is always issued.
 */
export async function issueDraftsOfRun(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name' | 'appUrl' | 'slug'>,
  input: { billingRunId: string },
) {
  const drafts = await tx
    .select({
      id: invoices.id,
      customerName: invoices.customerName,
      reachable: sql<boolean>`(${invoices.kind} = 'journal' or ${hasInvoiceRecipient(invoices.schoolId)})`,
    })
    .from(invoices)
    .where(and(eq(invoices.billingRunId, input.billingRunId), eq(invoices.status, 'draft')))
    .orderBy(invoices.customerName);
  let issued = 0;
  for (const d of drafts.filter((d) => d.reachable)) {
    await issueInvoice(tx, actor, { id: d.id });
    issued += 1;
  }
  return {
    issued,
    /** Left as drafts: nobody to send them to. */
    noRecipient: drafts.filter((d) => !d.reachable).map((d) => ({ id: d.id, customerName: d.customerName })),
  };
}

/**
 * A PO number the school gave only at issue is kept on the subscriptions the invoice bills (those with none
 * yet), so the same order's later terms are invoiced with it rather than without.
 */
async function keepPurchaseOrder(tx: Tx, invoiceId: string, purchaseOrderNumber: string) {
  const lines = await tx
    .select({ sourceKey: invoiceLines.sourceKey })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId));
  const ids = [
    ...new Set(
      lines.flatMap((l) => {
        const [kind, id] = (l.sourceKey ?? '').split(':');
        return kind === 'subscription' && id ? [id] : [];
      }),
    ),
  ];
  if (ids.length === 0) return;
  await tx
    .update(subscriptions)
    .set({ purchaseOrderNumber })
    .where(and(inArray(subscriptions.id, ids), isNull(subscriptions.purchaseOrderNumber)));
}
