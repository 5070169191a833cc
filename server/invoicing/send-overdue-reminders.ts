import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { invoices } from '~/db/schema';
import type { JobRunSummary } from '~/db/schema';
import { formatPence } from '../catalogue/money';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { bankTransferParagraph } from './invoice-emails';
import { longDate } from '../format/dates';
import { invoiceRecipientsOf } from './invoice-recipients';
import { daysBetween } from './rules';
import { getInvoiceSettings } from './settings';

/** How many of the reminders (days after the due date, e.g. 7 and 30) an invoice `late` days overdue is owed. */
export const remindersDueBy = (late: number, reminderDays: readonly number[]) =>
  reminderDays.filter((d) => late >= d).length;

/**
 * What finance is told about an overdue invoice's reminder and the school having no one to email, from what the
 * reminder run found rather than a guess made when the page loads:
 * - `not_sent`: the run owed it a reminder on `triedOn` (its last try) and found no one to email, and there is
 *   still no one (once someone can be emailed the next run sends it, so there is nothing to warn of);
 * - `unchecked`: a reminder is owed but no run has tried yet, and the school has no one to email now: nothing
 *   alarming, only that the next run will check (the invoice page says so; the list says nothing);
 * - null: nothing to say (paid, not overdue, no reminder owed, or someone to email).
 */
export function reminderRecipientState(
  invoice: {
    status: string;
    kind: string;
    dueOn: string | null;
    remindersSent: number;
    outstandingPence: number;
    reminderNoRecipientOn: string | null;
  },
  reminderDays: readonly number[],
  today: string,
  noRecipientNow: boolean,
): { state: 'not_sent'; triedOn: string } | { state: 'unchecked' } | null {
  const owed =
    (invoice.status === 'issued' || invoice.status === 'part_paid') &&
    invoice.kind === 'invoice' &&
    invoice.dueOn !== null &&
    invoice.dueOn < today &&
    invoice.outstandingPence > 0 &&
    remindersDueBy(daysBetween(invoice.dueOn, today), reminderDays) > invoice.remindersSent;
  if (!owed || !noRecipientNow) return null;
  return invoice.reminderNoRecipientOn !== null
    ? { state: 'not_sent', triedOn: invoice.reminderNoRecipientOn }
    : { state: 'unchecked' };
}

/**
 * Overdue reminders at the tenant's intervals (days after the due date, e.g. 7 and 30). Each invoice counts the
 * reminders it has had, so running again the same day (or a late run) sends each reminder at most once and a
 * missed day catches up with one email. Goes where issuing the invoice went: the school's finance contacts, else
 * its heads/SBMs. An invoice with nobody to email is not marked reminded, the run names it, and the invoice
 * keeps the day it was tried (reminderNoRecipientOn) until a reminder goes.
 */
export async function sendOverdueReminders(
  tx: Tx,
  context: { tenantId: string; tenantName: string; tenantSlug: string; appUrl: string; today: string },
): Promise<JobRunSummary> {
  const settings = await getInvoiceSettings(tx, { tenantId: context.tenantId, name: context.tenantName });
  const thresholds = [...settings.reminderDays].sort((a, b) => a - b);
  if (thresholds.length === 0) return { remindersSent: 0 };
  const overdue = await tx
    .select()
    .from(invoices)
    .where(
      and(
        inArray(invoices.status, ['issued', 'part_paid']),
        eq(invoices.kind, 'invoice'),
        isNotNull(invoices.dueOn),
        lt(invoices.dueOn, context.today),
      ),
    );
  let sent = 0;
  const notReminded: string[] = [];
  for (const invoice of overdue) {
    const late = daysBetween(invoice.dueOn ?? context.today, context.today);
    const due = remindersDueBy(late, thresholds);
    if (due <= invoice.remindersSent) continue;
    const outstanding = invoice.grossPence - invoice.paidPence - invoice.creditedPence;
    if (outstanding <= 0) continue;
    // The same people issuing the invoice emailed: its finance contacts, else the school's heads/SBMs.
    const recipients = await invoiceRecipientsOf(tx, invoice.schoolId);
    if (recipients.length === 0) {
      // Left unmarked, so it is counted (and named) on the jobs page every day until someone can be emailed;
      // the day it was tried is kept on the invoice, which is what its page and the list show finance.
      await tx
        .update(invoices)
        .set({ reminderNoRecipientOn: context.today })
        .where(eq(invoices.id, invoice.id));
      notReminded.push(invoice.number ?? invoice.customerName);
      continue;
    }
    for (const recipient of recipients)
      await queueEmail(tx, {
        to: recipient.email,
        ...emailOf('notice', {
          subject: `Reminder: invoice ${invoice.number ?? ''} is overdue`,
          heading: `Invoice ${invoice.number ?? ''} is overdue`,
          recipientName: recipient.name,
          paragraphs: [
            `Invoice ${invoice.number ?? ''} from ${settings.legalName} to ${invoice.customerName} was due on ${longDate(invoice.dueOn)} and ${formatPence(outstanding)} is still outstanding (${late} ${late === 1 ? 'day' : 'days'} overdue).`,
            bankTransferParagraph(settings.bankDetails ?? '', invoice.number ?? ''),
          ].filter(Boolean),
          action: {
            // Paying online is offered only where the workspace takes payments online, as on the invoice email.
            label:
              settings.stripeKeyEncrypted !== null ? 'View or pay the invoice online' : 'View the invoice',
            url: `${context.appUrl}/${context.tenantSlug}/invoices/${invoice.id}`,
          },
          footnote: 'If you have already paid, thank you, and please ignore this reminder.',
        }),
      });
    // Marked only once an email is queued: an invoice nobody could be told about is tried again tomorrow.
    await tx
      .update(invoices)
      .set({ remindersSent: due, reminderNoRecipientOn: null })
      .where(eq(invoices.id, invoice.id));
    sent += 1;
  }
  return {
    remindersSent: sent,
    ...(notReminded.length > 0
      ? {
          overdueWithNobodyToEmail: notReminded.length,
          notReminded: notReminded.slice(0, 20).join(', ') + (notReminded.length > 20 ? ', …' : ''),
        }
      : {}),
  };
}
