import { and, desc, eq, getTableColumns, isNotNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { billingRuns, creditNotes, invoices, invoiceStatus } from '~/db/schema';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { billingRunStale } from './billing-job';
import { hasInvoiceRecipient } from './invoice-recipients';
import { owingWhere } from './money-owed';
import { reminderRecipientState } from './send-overdue-reminders';

export const ZListInvoicesInput = z.object({
  schoolId: z.uuid().optional(),
  status: z.enum(invoiceStatus.enumValues).optional(),
  billingRunId: z.uuid().optional(),
  /** Only issued invoices still owed money on ("outstanding"), or those of them past their due date ("overdue"). */
  owing: z.enum(['outstanding', 'overdue']).optional(),
});

/**
 * Invoices, newest first by issue date and number (drafts to issue before them, voided drafts after). A school user (`ownSchoolOnly`) sees their school's issued invoices (and those voided
 * after issue), never a draft, voided or not.
 */
export async function listInvoices(
  tx: Tx,
  input: z.infer<typeof ZListInvoicesInput> & {
    ownSchoolOnly?: boolean;
    today?: IsoDate;
    /** The workspace's overdue reminders (days after the due date): marks those not sent for want of anyone. */
    reminderDays?: readonly number[];
  },
) {
  const today = input.today ?? todayInLondon();
  const where: SQL[] = [];
  if (input.schoolId) where.push(eq(invoices.schoolId, input.schoolId));
  if (input.status) where.push(eq(invoices.status, input.status));
  if (input.billingRunId) where.push(eq(invoices.billingRunId, input.billingRunId));
  if (input.owing) where.push(owingWhere(input.owing, today));
  // Drafts are internal, including one voided without ever being issued: a school sees what was issued to it.
  if (input.ownSchoolOnly) where.push(isNotNull(invoices.issuedOn));
  const rows = await tx
    .select({
      id: invoices.id,
      number: invoices.number,
      kind: invoices.kind,
      status: invoices.status,
      schoolId: invoices.schoolId,
      customerName: invoices.customerName,
      issuedOn: invoices.issuedOn,
      dueOn: invoices.dueOn,
      purchaseOrderNumber: invoices.purchaseOrderNumber,
      billingRunId: invoices.billingRunId,
      netPence: invoices.netPence,
      vatPence: invoices.vatPence,
      grossPence: invoices.grossPence,
      paidPence: invoices.paidPence,
      creditedPence: invoices.creditedPence,
      /** Nothing is owed on a draft (until it is issued) or a void invoice: null, shown as a dash. */
      outstandingPence: sql<number | null>`case when ${invoices.status} in ('draft', 'void') then null
          else ${invoices.grossPence} - ${invoices.paidPence} - ${invoices.creditedPence} end`,
      /** A draft whose school has no one to email it to (issuing would send it to nobody). */
      noRecipient: sql<boolean>`(${invoices.status} = 'draft' and ${invoices.kind} = 'invoice'
          and not ${hasInvoiceRecipient(invoices.schoolId)})`,
      remindersSent: invoices.remindersSent,
      reminderNoRecipientOn: invoices.reminderNoRecipientOn,
      /** The reminder run found no one to email, and there is still no one (asked only of those it found so). */
      stillNoRecipient: sql<boolean>`(${invoices.reminderNoRecipientOn} is not null
          and not ${hasInvoiceRecipient(invoices.schoolId)})`,
    })
    .from(invoices)
    .where(and(...where))
    // Drafts waiting to be issued first (newest made first), then what was issued by issue date and number,
    // newest first, then drafts voided without ever being issued. A school's list has only the issued ones.
    .orderBy(
      sql`case when ${invoices.status} = 'draft' then 0 when ${invoices.issuedOn} is not null then 1 else 2 end`,
      desc(invoices.issuedOn),
      desc(invoices.sequenceNumber),
      desc(invoices.createdAt),
    )
    .limit(1000);
  return rows.map(({ stillNoRecipient, reminderNoRecipientOn, ...r }) => {
    const reminder = reminderRecipientState(
      { ...r, reminderNoRecipientOn, outstandingPence: r.outstandingPence ?? 0 },
      input.ownSchoolOnly ? [] : (input.reminderDays ?? []),
      today,
      stillNoRecipient,
    );
    return {
      ...r,
      /**
       * The day the reminder run last tried to send this invoice's overdue reminder and found no one to email
       * (still no one, still owed); null otherwise. The list says nothing before a run has tried.
       */
      reminderNotSentOn: reminder?.state === 'not_sent' ? reminder.triedOn : null,
    };
  });
}

export function listCreditNotes(tx: Tx, input: { schoolId?: string }) {
  return tx
    .select()
    .from(creditNotes)
    .where(input.schoolId ? eq(creditNotes.schoolId, input.schoolId) : undefined)
    .orderBy(desc(creditNotes.sequenceNumber))
    .limit(1000);
}

/** The latest runs, newest first, each with whether it has shown no progress for a while (`stale`). */
export function listBillingRuns(tx: Tx) {
  return tx
    .select({ ...getTableColumns(billingRuns), stale: billingRunStale })
    .from(billingRuns)
    .orderBy(desc(billingRuns.createdAt))
    .limit(50);
}
