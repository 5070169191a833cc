import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { schools } from './schools';
import { tenantTable } from './tenancy';

/** How VAT applies to one line (HMRC): standard-rated, zero-rated, exempt, or outside the scope of VAT. */
export const vatTreatment = pgEnum('vat_treatment', ['standard', 'zero', 'exempt', 'outside_scope']);
export type VatTreatment = (typeof vatTreatment.enumValues)[number];

/** Who a school is to the tenant for VAT and billing: its own maintained school, an academy, or out of area. */
export type CustomerCategory = 'maintained' | 'academy' | 'out_of_area';
/** What is sold: an annual package (subscription) or a service / charge bought one at a time. */
export type ProductKind = 'package' | 'service';

/** One VAT rule the tenant configures: product kind × customer category → treatment ('any' matches all). */
export type VatRule = {
  productKind: ProductKind | 'any';
  customerCategory: CustomerCategory | 'any';
  treatment: VatTreatment;
};

/** Finance codes put on a line: CFR code, nominal (ledger) code and cost centre. */
export type FinanceCodes = { cfrCode?: string; nominalCode?: string; costCentre?: string };

/** How subscriptions are billed: the whole year at once, each term, or split across a maintained school's April year. */
export type SubscriptionBilling = 'annual' | 'termly' | 'financial_year_split';

/** One row per tenant: what its invoices say and how it bills. */
export const invoiceSettings = tenantTable(
  'invoice_settings',
  {
    legalName: text('legal_name').notNull(),
    address: text('address').notNull().default(''),
    vatNumber: text('vat_number'),
    invoicePrefix: text('invoice_prefix').notNull().default('INV-'),
    creditNotePrefix: text('credit_note_prefix').notNull().default('CN-'),
    journalPrefix: text('journal_prefix').notNull().default('JNL-'),
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    bankDetails: text('bank_details').notNull().default(''),
    logoUrl: text('logo_url'),
    /** The logo drawn on invoices: a PNG or JPEG of at most 200 KB, base64, with its media type. */
    logoData: text('logo_data'),
    logoMimeType: text('logo_mime_type').$type<'image/png' | 'image/jpeg'>(),
    standardRateBasisPoints: integer('standard_rate_basis_points').notNull().default(2000),
    vatRules: jsonb('vat_rules').$type<VatRule[]>().notNull().default([]),
    /** Finance codes by catalogue item code, with '*' as the default for every product. */
    financeCodes: jsonb('finance_codes').$type<Record<string, FinanceCodes>>().notNull().default({}),
    subscriptionBilling: text('subscription_billing')
      .$type<SubscriptionBilling>()
      .notNull()
      .default('annual'),
    /** LA tenants: recharge their own maintained schools by internal journal instead of an invoice. */
    journalForMaintained: boolean('journal_for_maintained').notNull().default(false),
    /** Days after the due date on which overdue reminders go (e.g. 7, 30, 60). */
    reminderDays: jsonb('reminder_days').$type<number[]>().notNull().default([7, 30]),
    /** Offer Bacs Direct Debit beside card in Stripe Checkout (the Stripe account must have it switched on). */
    offerBacsDebit: boolean('offer_bacs_debit').notNull().default(false),
    stripeAccountId: text('stripe_account_id'),
    /** A restricted key, AES-256-GCM encrypted with STRIPE_SECRET_ENCRYPTION_KEY (iv.tag.ciphertext, base64). */
    stripeKeyEncrypted: text('stripe_key_encrypted'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('invoice_settings_one_per_tenant').on(t.tenantId)],
);

/**
 * The gapless counter: one row per tenant, series and prefix. Issuing increments it with an upsert inside the
 * issuing transaction, so the row lock serialises concurrent issues and a rolled-back issue rolls back its number.
 */
export const invoiceNumberSequences = tenantTable(
  'invoice_number_sequences',
  {
    series: text('series').$type<'invoice' | 'credit_note' | 'journal'>().notNull(),
    prefix: text('prefix').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [unique('invoice_number_sequences_key').on(t.tenantId, t.series, t.prefix)],
);

export const billingRunStatus = pgEnum('billing_run_status', ['running', 'done', 'failed']);

/** A finance user's run: "invoice all uninvoiced charges to date", "invoice autumn term subscriptions". */
export const billingRuns = tenantTable(
  'billing_runs',
  {
    kind: text('kind').$type<'charges' | 'subscriptions'>().notNull(),
    label: text('label').notNull(),
    /** The run's parameters (term, academic year, date up to). */
    params: jsonb('params').$type<Record<string, string | number | null>>().notNull().default({}),
    status: billingRunStatus('status').notNull().default('running'),
    schoolsTotal: integer('schools_total').notNull().default(0),
    schoolsDone: integer('schools_done').notNull().default(0),
    /** Schools whose invoices could not be written on the last pass (retried when the run is resumed). */
    schoolsFailed: integer('schools_failed').notNull().default(0),
    /** The school being invoiced now (shown as progress while the job runs). */
    currentSchool: text('current_school'),
    invoicesCreated: integer('invoices_created').notNull().default(0),
    error: text('error'),
    createdByUserId: uuid('created_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Last sign of life of the run's job (started, a school done or failed): a running run with none for a while has stopped. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('billing_runs_created').on(t.tenantId, t.createdAt)],
);

export const invoiceStatus = pgEnum('invoice_status', ['draft', 'issued', 'part_paid', 'paid', 'void']);
export type InvoiceStatus = (typeof invoiceStatus.enumValues)[number];

/** An invoice (or, for an LA's own maintained school, an internal journal recharge) to one school. */
export const invoices = tenantTable(
  'invoices',
  {
    schoolId: uuid('school_id').notNull(),
    kind: text('kind').$type<'invoice' | 'journal'>().notNull().default('invoice'),
    status: invoiceStatus('status').notNull().default('draft'),
    /** Assigned at issue, never before: prefix + sequence number. */
    number: text('number'),
    sequenceNumber: integer('sequence_number'),
    issuedOn: date('issued_on', { mode: 'string' }),
    /** The tax point when it differs from the issue date (e.g. the supply date). */
    taxPointOn: date('tax_point_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }),
    purchaseOrderNumber: text('purchase_order_number'),
    customerName: text('customer_name').notNull(),
    customerAddress: text('customer_address').notNull().default(''),
    customerCategory: text('customer_category').$type<CustomerCategory>().notNull(),
    netPence: integer('net_pence').notNull().default(0),
    vatPence: integer('vat_pence').notNull().default(0),
    grossPence: integer('gross_pence').notNull().default(0),
    paidPence: integer('paid_pence').notNull().default(0),
    creditedPence: integer('credited_pence').notNull().default(0),
    billingRunId: uuid('billing_run_id'),
    /** How many of the tenant's overdue reminders have gone for this invoice. */
    remindersSent: integer('reminders_sent').notNull().default(0),
    /**
     * The day the overdue-reminder run last owed this invoice a reminder and found no one at the school to email
     * (no finance contact with an address, no headteacher or business manager with an account): what finance is
     * shown, with that date, rather than a guess made when the page loads. Cleared when a reminder goes.
     */
    reminderNoRecipientOn: date('reminder_no_recipient_on', { mode: 'string' }),
    voidReason: text('void_reason'),
    /**
     * A Stripe Bacs Direct Debit for this invoice is clearing (its checkout completed unpaid): set by the webhook,
     * cleared when the payment succeeds or fails, so the school is not offered a second payment meanwhile.
     */
    directDebitPendingSince: timestamp('direct_debit_pending_since', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invoices_number')
      .on(t.tenantId, t.number)
      .where(sql`number is not null`),
    index('invoices_school').on(t.tenantId, t.schoolId, t.status),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    foreignKey({
      columns: [t.tenantId, t.billingRunId],
      foreignColumns: [billingRuns.tenantId, billingRuns.id],
    }),
    check('invoices_issued_have_number', sql`status in ('draft', 'void') or number is not null`),
  ],
);

/** One line. `sourceKey` names what it bills (a chargeable item, a subscription's term): unique, so billed once. */
export const invoiceLines = tenantTable(
  'invoice_lines',
  {
    invoiceId: uuid('invoice_id').notNull(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantityHundredths: integer('quantity_hundredths').notNull(),
    unitPricePence: integer('unit_price_pence').notNull(),
    discountPence: integer('discount_pence').notNull().default(0),
    netPence: integer('net_pence').notNull(),
    vatTreatment: vatTreatment('vat_treatment').notNull(),
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull(),
    vatPence: integer('vat_pence').notNull(),
    productCode: text('product_code'),
    cfrCode: text('cfr_code'),
    nominalCode: text('nominal_code'),
    costCentre: text('cost_centre'),
    /** e.g. "chargeable:<id>", "subscription:<id>:autumn"; released (moved to releasedSourceKey) on void. */
    sourceKey: text('source_key'),
    releasedSourceKey: text('released_source_key'),
    chargeableItemId: uuid('chargeable_item_id'),
  },
  (t) => [
    uniqueIndex('invoice_lines_source_once')
      .on(t.tenantId, t.sourceKey)
      .where(sql`source_key is not null`),
    index('invoice_lines_invoice').on(t.tenantId, t.invoiceId),
    foreignKey({ columns: [t.tenantId, t.invoiceId], foreignColumns: [invoices.tenantId, invoices.id] }),
  ],
);

/** A correction to an issued invoice, full or partial, with its own gapless numbering. */
export const creditNotes = tenantTable(
  'credit_notes',
  {
    invoiceId: uuid('invoice_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    number: text('number').notNull(),
    sequenceNumber: integer('sequence_number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    netPence: integer('net_pence').notNull(),
    vatPence: integer('vat_pence').notNull(),
    grossPence: integer('gross_pence').notNull(),
    createdByUserId: uuid('created_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('credit_notes_number').on(t.tenantId, t.number),
    index('credit_notes_invoice').on(t.tenantId, t.invoiceId),
    foreignKey({ columns: [t.tenantId, t.invoiceId], foreignColumns: [invoices.tenantId, invoices.id] }),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
  ],
);

export const creditNoteLines = tenantTable(
  'credit_note_lines',
  {
    creditNoteId: uuid('credit_note_id').notNull(),
    invoiceLineId: uuid('invoice_line_id').notNull(),
    description: text('description').notNull(),
    netPence: integer('net_pence').notNull(),
    vatTreatment: vatTreatment('vat_treatment').notNull(),
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull(),
    vatPence: integer('vat_pence').notNull(),
  },
  (t) => [
    index('credit_note_lines_note').on(t.tenantId, t.creditNoteId),
    index('credit_note_lines_line').on(t.tenantId, t.invoiceLineId),
    foreignKey({
      columns: [t.tenantId, t.creditNoteId],
      foreignColumns: [creditNotes.tenantId, creditNotes.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.invoiceLineId],
      foreignColumns: [invoiceLines.tenantId, invoiceLines.id],
    }),
  ],
);

export const paymentMethod = pgEnum('payment_method', ['bacs', 'cheque', 'journal', 'stripe']);

/** Money received from a school (or, negative kind 'refund', returned to it). */
export const payments = tenantTable(
  'payments',
  {
    schoolId: uuid('school_id').notNull(),
    kind: text('kind').$type<'payment' | 'refund'>().notNull().default('payment'),
    method: paymentMethod('method').notNull(),
    reference: text('reference').notNull().default(''),
    amountPence: integer('amount_pence').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** Stripe's payment intent or charge id: one payment per id however often a webhook repeats. */
    stripeReference: text('stripe_reference'),
    recordedByUserId: uuid('recorded_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payments_positive', sql`amount_pence > 0`),
    uniqueIndex('payments_stripe_once')
      .on(t.tenantId, t.kind, t.stripeReference)
      .where(sql`stripe_reference is not null`),
    index('payments_school').on(t.tenantId, t.schoolId),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
  ],
);

/** How a payment (or refund, negative) is spread over invoices. */
export const paymentAllocations = tenantTable(
  'payment_allocations',
  {
    paymentId: uuid('payment_id').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    amountPence: integer('amount_pence').notNull(),
  },
  (t) => [
    index('payment_allocations_invoice').on(t.tenantId, t.invoiceId),
    index('payment_allocations_payment').on(t.tenantId, t.paymentId),
    foreignKey({ columns: [t.tenantId, t.paymentId], foreignColumns: [payments.tenantId, payments.id] }),
    foreignKey({ columns: [t.tenantId, t.invoiceId], foreignColumns: [invoices.tenantId, invoices.id] }),
  ],
);

/** Each Stripe webhook event recorded once: a replay finds its row and does nothing. */
export const stripeEvents = tenantTable(
  'stripe_events',
  {
    eventId: text('event_id').notNull(),
    type: text('type').notNull(),
    objectId: text('object_id'),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('stripe_events_once').on(t.eventId)],
);

export type Invoice = typeof invoices.$inferSelect;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
export type InvoiceSettings = typeof invoiceSettings.$inferSelect;
export type CreditNote = typeof creditNotes.$inferSelect;
