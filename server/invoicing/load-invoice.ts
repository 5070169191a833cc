import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  creditNoteLines,
  creditNotes,
  invoiceLines,
  invoices,
  paymentAllocations,
  payments,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import { todayInLondon } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { invoiceRecipientsOf } from './invoice-recipients';
import { reminderRecipientState } from './send-overdue-reminders';
import { getInvoiceSettings } from './settings';

/**
 * Whether an invoice was ever issued (it has a number and an issue date, whether or not it was voided since).
 * Drafts, voided or not, are internal to the finance team.
 */
export const wasIssued = (invoice: { issuedOn: string | null }) => invoice.issuedOn !== null;

/** An invoice of the transaction's tenant, locked for update (issue, void, credit and payment all change it). */
export async function lockInvoice(tx: Tx, id: string) {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, id)).for('update');
  if (!invoice) throw new DomainError({ code: 'NOT_FOUND', message: 'That invoice was not found.' });
  return invoice;
}

/**
 * One invoice with its lines, credit notes and payments. `schoolId` (a school user's own school) hides every
 * other school's invoice and every draft, including a draft voided without ever being issued: a school sees
 * only what was issued to it.
 */
export async function getInvoice(tx: Tx, id: string, scope: { schoolId?: string } = {}) {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, id));
  const hidden =
    !invoice ||
    (scope.schoolId !== undefined && (invoice.schoolId !== scope.schoolId || !wasIssued(invoice)));
  if (!invoice || hidden)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That invoice was not found.' });
  const lines = await tx
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, id))
    .orderBy(asc(invoiceLines.position));
  const notes = await tx
    .select()
    .from(creditNotes)
    .where(eq(creditNotes.invoiceId, id))
    .orderBy(asc(creditNotes.sequenceNumber));
  const noteLines =
    notes.length === 0
      ? []
      : await tx
          .select()
          .from(creditNoteLines)
          .where(
            inArray(
              creditNoteLines.creditNoteId,
              notes.map((n) => n.id),
            ),
          );
  const paid = await tx
    .select({
      paymentId: payments.id,
      kind: payments.kind,
      method: payments.method,
      reference: payments.reference,
      receivedOn: payments.receivedOn,
      amountPence: paymentAllocations.amountPence,
    })
    .from(paymentAllocations)
    .innerJoin(
      payments,
      and(eq(payments.tenantId, paymentAllocations.tenantId), eq(payments.id, paymentAllocations.paymentId)),
    )
    .where(eq(paymentAllocations.invoiceId, id))
    .orderBy(asc(payments.receivedOn));
  const creditedByLine = new Map<string, { netPence: number; vatPence: number }>();
  for (const l of noteLines) {
    const c = creditedByLine.get(l.invoiceLineId) ?? { netPence: 0, vatPence: 0 };
    c.netPence += l.netPence;
    c.vatPence += l.vatPence;
    creditedByLine.set(l.invoiceLineId, c);
  }
  return {
    invoice,
    lines: lines.map((l) => ({ ...l, credited: creditedByLine.get(l.id) ?? { netPence: 0, vatPence: 0 } })),
    creditNotes: notes.map((n) => ({ ...n, lines: noteLines.filter((l) => l.creditNoteId === n.id) })),
    payments: paid,
    // Nothing is owed on a void invoice, nor on a draft until it is issued.
    outstandingPence:
      invoice.status === 'void' || invoice.status === 'draft'
        ? 0
        : invoice.grossPence - invoice.paidPence - invoice.creditedPence,
  };
}
export type InvoiceView = Awaited<ReturnType<typeof getInvoice>>;

/**
 * An invoice as its page shows it, with how the school may pay it: online when the workspace takes payments
 * through Stripe (and by Direct Debit only when it offers that), otherwise by transfer to its bank account.
 */
export async function getInvoicePage(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name'>,
  id: string,
  scope: { schoolId?: string } = {},
) {
  const view = await getInvoice(tx, id, scope);
  const settings = await getInvoiceSettings(tx, actor);
  // Finance sees who issuing a draft, a credit note or an overdue reminder emails (a journal is emailed to no one),
  // and is told when that is nobody.
  const emailed =
    view.invoice.kind === 'invoice' && ['draft', 'issued', 'part_paid'].includes(view.invoice.status);
  const recipients = emailed ? await invoiceRecipientsOf(tx, view.invoice.schoolId) : null;
  return {
    ...view,
    recipients,
    /**
     * Overdue and owed a reminder with nobody at the school to email: `not_sent` on the day the reminder run
     * tried, or `unchecked` before any run has (the next one will check); null when there is nothing to say.
     */
    reminder: reminderRecipientState(
      { ...view.invoice, outstandingPence: view.outstandingPence },
      settings.reminderDays,
      todayInLondon(),
      recipients?.length === 0,
    ),
    payOnline: settings.stripeKeyEncrypted ? { directDebit: settings.offerBacsDebit } : null,
    bankDetails: settings.bankDetails,
  };
}
