import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { invoices, schoolContacts } from '~/db/schema';
import type { JobRunSummary } from '~/db/schema';
import { formatPence } from '../catalogue/money';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { daysBetween } from './rules';
import { getInvoiceSettings } from './settings';

/**
 * Overdue reminders at the tenant's intervals (days after the due date, e.g. 7 and 30). Each invoice counts the
 * reminders it has had, so running again the same day (or a late run) sends each reminder at most once and a
 * missed day catches up with one email. Goes to the school's finance contact.
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
  let noContact = 0;
  for (const invoice of overdue) {
    const late = daysBetween(invoice.dueOn ?? context.today, context.today);
    const due = thresholds.filter((d) => late >= d).length;
    if (due <= invoice.remindersSent) continue;
    const outstanding = invoice.grossPence - invoice.paidPence - invoice.creditedPence;
    if (outstanding <= 0) continue;
    const [contact] = await tx
      .select({ name: schoolContacts.name, email: schoolContacts.email })
      .from(schoolContacts)
      .where(and(eq(schoolContacts.schoolId, invoice.schoolId), eq(schoolContacts.role, 'finance')))
      .limit(1);
    await tx.update(invoices).set({ remindersSent: due }).where(eq(invoices.id, invoice.id));
    if (!contact?.email) {
      noContact += 1;
      continue;
    }
    await queueEmail(tx, {
      to: contact.email,
      ...emailOf('notice', {
        subject: `Reminder: invoice ${invoice.number ?? ''} is overdue`,
        heading: `Invoice ${invoice.number ?? ''} is overdue`,
        recipientName: contact.name,
        paragraphs: [
          `Invoice ${invoice.number ?? ''} from ${settings.legalName} to ${invoice.customerName} was due on ${invoice.dueOn} and ${formatPence(outstanding)} is still outstanding (${late} days overdue).`,
          settings.bankDetails
            ? `To pay by BACS: ${settings.bankDetails}. Please quote ${invoice.number ?? ''}.`
            : '',
        ].filter(Boolean),
        action: {
          label: 'View or pay the invoice',
          url: `${context.appUrl}/${context.tenantSlug}/invoices/${invoice.id}`,
        },
        footnote: 'If you have already paid, thank you, and please ignore this reminder.',
      }),
    });
    sent += 1;
  }
  return { remindersSent: sent, invoicesWithoutFinanceContact: noContact };
}
