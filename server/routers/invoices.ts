import { z } from 'zod';
import { financeUsers, invoiceReaders, managers as managersOnly } from '../access/role-groups';
import { billingRunLabel, previewBillingRun, runBilling, ZBillingRunInput } from '../invoicing/billing-run';
import {
  billingRunJobLive,
  billingRunPhase,
  resumeBillingRun,
  startBillingRun,
} from '../invoicing/billing-job';
import { createCreditNote, ZCreditNoteInput } from '../invoicing/create-credit-note';
import { issueDraftsOfRun, issueInvoice, ZIssueInvoiceInput } from '../invoicing/issue-invoice';
import {
  listBillingRuns,
  listCreditNotes,
  listInvoices,
  ZListInvoicesInput,
} from '../invoicing/list-invoices';
import { invoicePdfDocument } from '../invoicing/invoice-pdf';
import { moneyOwed } from '../invoicing/money-owed';
import { statementPdfDocument } from '../invoicing/statement-pdf';
import { creditNotePdfDocument } from '../invoicing/credit-note-pdf';
import { DomainError } from '../errors/domain-error';
import { getInvoice, getInvoicePage } from '../invoicing/load-invoice';
import { createCheckout } from '../invoicing/create-checkout';
import {
  agedDebt,
  financeExportCsv,
  statementOfAccount,
  ZExportInput,
  ZStatementInput,
} from '../invoicing/finance-reports';
import { recordManualPayment, ZRecordPaymentInput, ZRefundInput } from '../invoicing/record-payment';
import { refundPaymentAsFinance } from '../invoicing/refund-payment';
import { todayInLondon } from '../catalogue/academic-year';
import {
  getInvoiceSettings,
  updateInvoiceSettings,
  viewInvoiceSettings,
  ZInvoiceSettingsInput,
  connectStripe,
  setInvoiceLogo,
  ZConnectStripeInput,
  ZInvoiceLogoInput,
} from '../invoicing/settings';
import { voidInvoice, ZVoidInvoiceInput } from '../invoicing/void-invoice';
import { router, tenantProcedure } from '../trpc';
import { hasMembershipIn } from '../access/role-groups';
import { scopeToSchool } from '../workspaces/school-scope';
import type { Actor } from '../access/actor';

/** A school user's own school (they see only its issued invoices); undefined for finance staff. */
const ownSchool = (actor: Actor) =>
  hasMembershipIn(actor.memberships, financeUsers) ? undefined : scopeToSchool(actor.memberships);

const staffOnly = (actor: Actor) =>
  actor.memberships.filter((m) => (financeUsers as readonly string[]).includes(m.role));

export const invoicesRouter = router({
  list: tenantProcedure({ module: 'invoices', roles: invoiceReaders })
    .input(ZListInvoicesInput)
    .query(async ({ ctx, input }) => {
      const own = ownSchool(ctx.actor);
      return listInvoices(ctx.tx, {
        ...input,
        schoolId: own ?? (input.schoolId ? scopeToSchool(staffOnly(ctx.actor), input.schoolId) : undefined),
        ownSchoolOnly: own !== undefined,
        today: todayInLondon(),
        // Finance is told of overdue reminders not sent for want of anyone to email (a school is not).
        reminderDays: own === undefined ? (await getInvoiceSettings(ctx.tx, ctx.actor)).reminderDays : [],
      });
    }),
  /**
   * What is owed on issued invoices and what of it is overdue, for the dashboard: every school's for the
   * finance team, their own school's for a headteacher.
   */
  owed: tenantProcedure({ module: 'invoices', roles: invoiceReaders })
    .input(z.object({}).optional())
    .query(({ ctx }) => moneyOwed(ctx.tx, { schoolId: ownSchool(ctx.actor), today: todayInLondon() })),
  byId: tenantProcedure({ module: 'invoices', roles: invoiceReaders })
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) =>
      getInvoicePage(ctx.tx, ctx.actor, input.id, { schoolId: ownSchool(ctx.actor) }),
    ),
  /** The invoice as a PDF document (rendered by the route handler). */
  pdf: tenantProcedure({ module: 'invoices', roles: invoiceReaders })
    .input(z.object({ id: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const view = await getInvoice(ctx.tx, input.id, { schoolId: ownSchool(ctx.actor) });
      return invoicePdfDocument(view, await getInvoiceSettings(ctx.tx, ctx.actor));
    }),
  /** A credit note as a PDF (a school user: one against their own school's invoice). */
  creditNotePdf: tenantProcedure({ module: 'invoices', roles: invoiceReaders })
    .input(z.object({ invoiceId: z.uuid(), creditNoteId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const view = await getInvoice(ctx.tx, input.invoiceId, { schoolId: ownSchool(ctx.actor) });
      return creditNotePdfDocument(view, input.creditNoteId, await getInvoiceSettings(ctx.tx, ctx.actor));
    }),
  creditNotes: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(z.object({ schoolId: z.uuid().optional() }))
    .query(({ ctx, input }) => listCreditNotes(ctx.tx, input)),
  settings: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(z.object({}).optional())
    .query(({ ctx }) => viewInvoiceSettings(ctx.tx, ctx.actor)),
  updateSettings: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(ZInvoiceSettingsInput)
    .mutation(({ ctx, input }) => updateInvoiceSettings(ctx.tx, ctx.actor, input)),
  issue: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(ZIssueInvoiceInput)
    .mutation(({ ctx, input }) => issueInvoice(ctx.tx, ctx.actor, input)),
  void: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(ZVoidInvoiceInput)
    .mutation(({ ctx, input }) => voidInvoice(ctx.tx, input)),
  creditNote: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(ZCreditNoteInput)
    .mutation(({ ctx, input }) => createCreditNote(ctx.tx, ctx.actor, input)),
  /** The runs, each with its phase: running, stalled (no progress: may be resumed), stopped or done. */
  billingRuns: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(z.object({}).optional())
    .query(async ({ ctx }) => {
      const runs = await listBillingRuns(ctx.tx);
      return Promise.all(
        runs.map(async (r) => ({
          ...r,
          phase: billingRunPhase(
            r,
            r.status === 'running' && !r.stale ? await billingRunJobLive(ctx.db, r.id) : undefined,
          ),
        })),
      );
    }),
  previewRun: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(ZBillingRunInput)
    .query(async ({ ctx, input }) => ({
      label: billingRunLabel(input),
      ...(await previewBillingRun(ctx.tx, ctx.actor, input)),
    })),
  run: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(ZBillingRunInput)
    .mutation(({ ctx, input }) => runBilling(ctx.tx, ctx.actor, input)),
  /** Confirms a previewed run: a job creates its invoices school by school, with progress on the run. */
  startRun: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(ZBillingRunInput)
    .mutation(({ ctx, input }) => startBillingRun(ctx.tx, ctx.actor, input)),
  /**
   * Starts a failed or stopped run's job again: it completes what is left, billing nothing twice. Refused while
   * the run is still running.
   */
  resumeRun: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(z.object({ billingRunId: z.uuid() }))
    .mutation(async ({ ctx, input }) =>
      resumeBillingRun(ctx.tx, ctx.actor, input, await billingRunJobLive(ctx.db, input.billingRunId)),
    ),
  /** Issues the drafts a billing run made, each with the next number (not those with nobody to send them to). */
  issueRun: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(z.object({ billingRunId: z.uuid() }))
    .mutation(({ ctx, input }) => issueDraftsOfRun(ctx.tx, ctx.actor, input)),
  recordPayment: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(ZRecordPaymentInput)
    .mutation(({ ctx, input }) => recordManualPayment(ctx.tx, ctx.actor, input)),
  refund: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(ZRefundInput)
    .mutation(({ ctx, input }) => refundPaymentAsFinance(ctx.tx, ctx.actor, input)),
  agedDebt: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(z.object({}).optional())
    .query(({ ctx }) => agedDebt(ctx.tx, todayInLondon())),
  /**
   * A school's statement of account for a period (by default the school's financial year to date), with the
   * balance brought forward (a school user: their own school's).
   */
  statement: tenantProcedure({ module: 'invoices', roles: invoiceReaders })
    .input(ZStatementInput)
    .query(({ ctx, input }) => {
      scopeToSchool(ctx.actor.memberships, input.schoolId);
      return statementOfAccount(ctx.tx, input, todayInLondon());
    }),
  /** The statement of account for a period as a PDF (a school user: their own school's). */
  statementPdf: tenantProcedure({ module: 'invoices', roles: invoiceReaders })
    .input(ZStatementInput)
    .query(async ({ ctx, input }) => {
      scopeToSchool(ctx.actor.memberships, input.schoolId);
      const today = todayInLondon();
      const statement = await statementOfAccount(ctx.tx, input, today);
      if (!statement) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
      return statementPdfDocument(statement, await getInvoiceSettings(ctx.tx, ctx.actor), today);
    }),
  export: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(ZExportInput)
    .query(({ ctx, input }) => financeExportCsv(ctx.tx, input)),
  /** A Stripe Checkout address to pay an issued invoice online (a school user: their own school's). */
  checkout: tenantProcedure({ module: 'invoices', roles: invoiceReaders })
    .input(z.object({ invoiceId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      createCheckout(ctx.tx, ctx.actor, { ...input, schoolId: ownSchool(ctx.actor) }),
    ),
  /** The logo drawn on invoices (PNG or JPEG, at most 200 KB), or null to remove it. */
  setLogo: tenantProcedure({ module: 'invoices', roles: financeUsers })
    .input(ZInvoiceLogoInput)
    .mutation(({ ctx, input }) => setInvoiceLogo(ctx.tx, ctx.actor, input)),
  /** Connects the tenant's own Stripe account: the key is encrypted at rest (STRIPE_SECRET_ENCRYPTION_KEY). */
  connectStripe: tenantProcedure({ module: 'invoices', roles: managersOnly })
    .input(ZConnectStripeInput)
    .mutation(({ ctx, input }) => connectStripe(ctx.tx, ctx.actor, input)),
});
