import { sql } from 'drizzle-orm';
import {
  boolean,
  integer,
  index,
  jsonb,
  pgEnum,
  pgPolicy,
  pgRole,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Platform tables: not owned by any tenant, so they carry no tenant_id and no tenant policy. */

export const tenantKind = pgEnum('tenant_kind', ['la', 'provider', 'appropriate_body']);
export type TenantKind = (typeof tenantKind.enumValues)[number];

export const moduleKeys = [
  'traded',
  'courses',
  'invoices',
  'statutory',
  'commissioning',
  'induction',
  'governance',
] as const;
export type ModuleKey = (typeof moduleKeys)[number];

export const tenants = pgTable('tenants', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  kind: tenantKind('kind').notNull(),
  /** DfE LA codes this workspace covers (Barnet 302, Birmingham 330, Harrow 310). */
  laCodes: text('la_codes')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  modules: text('modules')
    .array()
    .$type<ModuleKey[]>()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** Vocabulary and cadence that differ between LAs live here, not in code. */
  settings: jsonb('settings').$type<TenantSettings>().notNull().default({}),
  /** Set while the platform has suspended the workspace: nobody signs in to it; its data is kept. */
  suspendedAt: timestamp('suspended_at', { withTimezone: true }),
  suspendedReason: text('suspended_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type TenantSettings = {
  /** What this tenant calls its link adviser (Barnet: Learning Network Inspector; Birmingham: Priority Partner). */
  linkAdviserTitle?: string;
  /** What this tenant calls its SCC review meeting (Barnet: Schools Review Group; Birmingham: SIAB). */
  reviewMeetingName?: string;
  /** Days between review meetings (Barnet half-termly ≈ 42; Birmingham fortnightly = 14). */
  reviewMeetingCadenceDays?: number;
  brandColour?: string;
  /** The statutory module's vocabulary and rules; anything left out takes the defaults in server/monitoring. */
  statutory?: StatutorySettings;
  /** Traded services' rules; anything left out takes the defaults in server/entitlements. */
  traded?: TradedSettings;
  /** Appropriate Body settings; anything left out takes the defaults in server/induction. */
  induction?: InductionSettings;
};

export type InductionSettings = {
  /** The AB fee charged to the school for each ECT it registers, in pence (not charged again on a transfer). */
  feePerEctPence?: number;
  /**
   * "Check school registrations before they take effect": a school's registration waits for the AB's
   * acceptance (server/induction/submit-registration.ts). Left out: off, as for every AB before the setting;
   * the platform turns it on for an AB workspace it creates.
   */
  checkRegistrations?: boolean;
};

export type TradedSettings = {
  /**
   * A use the school's entitlement covers only in part (half a day left, a day logged): 'split' draws what is
   * left and charges the rest; 'refuse' refuses it, so the person logging can split it themselves.
   */
  partialCover?: 'split' | 'refuse';
  /** What the workspace calls its member and non-member prices (see server/catalogue/price-names.ts). */
  priceNames?: { member: string; nonMember: string };
};

/** One of the LA's own categories of school (Barnet: 1, 2, good but of concern, 3, 4a, 4b). */
export type LaCategorySetting = {
  key: string;
  label: string;
  /** Schools in this category are causing concern (Barnet: 3, 4a, 4b; Birmingham adds vulnerable, in crisis). */
  causesConcern: boolean;
  /** Minimum visits a year to a maintained school in this category (half-termly = 6, fortnightly ≈ 19). */
  visitsPerYear: number;
  /** Visits a year when the LA judges the school's capacity to improve not secure (Barnet RI: fortnightly). */
  visitsPerYearCapacityNotSecure?: number;
  /** Visits follow the LA's Statement of Action (special measures, serious weaknesses). */
  statementOfAction?: boolean;
};

export type StatutorySettings = {
  categories?: LaCategorySetting[];
  /** The adviser's judgement of each focus area (Barnet: Emerging, Secure, Highly Effective). */
  judgementScale?: string[];
  /** The focus list for school effectiveness visits this term. */
  sevFocusAreas?: string[];
  additionalVisitReasons?: string[];
  /** Visits a year that override the category: secondary with a sixth form, PRUs, academies (keeping in touch). */
  secondarySixthFormVisits?: number;
  pruVisits?: number;
  academyVisits?: number;
  /** What the register of concern is called (Barnet: Schools causing concern; Birmingham: Priority schools). */
  concernListName?: string;
  /** Who leads a designated school's case (Barnet: Lead Officer; Birmingham: Priority Partner). */
  leadOfficerTitle?: string;
  /** How Ofsted results trigger concern and allow removal: today's report-card reading or the seeds' wording. */
  ofstedReading?: 'report_card' | 'legacy';
  /**
   * The LA category a school takes when Ofsted places it in a category of concern (Barnet: special measures
   * → 4b, serious weaknesses and requires significant improvement → 4a; Birmingham: all → inadequate).
   */
  ofstedCategoryMap?: Partial<
    Record<'serious_weaknesses' | 'special_measures' | 'requires_significant_improvement', string>
  >;
  /** The LA category a school joins the register with (on a GIAS import or added by hand); empty: none. */
  defaultCategory?: string;
  /**
   * What must hold before officers recommend a formal (s60) warning notice; the officer confirms which apply
   * (Barnet Part B: the school does not engage; causing concern for more than 12 months and unlikely to be
   * good within 6). Empty: no preconditions beyond the statutory grounds.
   */
  formalNoticePreconditions?: string[];
};

export const users = pgTable('users', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  /** Stored lower-cased; sign-in matches on it. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  jobTitle: text('job_title'),
  emailVerified: timestamp('email_verified', { withTimezone: true }),
  isSuperadmin: boolean('is_superadmin').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A change of sign-in address a person asked for and has not yet proved: one per person (a new request
 * replaces it). Only the hash of the link's token is kept, so a leaked database confirms nobody's change.
 */
export const emailChanges = pgTable('email_changes', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Lower-cased, as users.email is stored. */
  newEmail: text('new_email').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** OAuth accounts (Microsoft Entra ID, Google) linked to a user. */
export const accounts = pgTable(
  'accounts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refreshToken: text('refresh_token'),
    accessToken: text('access_token'),
    expiresAt: integer('expires_at'),
    tokenType: text('token_type'),
    scope: text('scope'),
    idToken: text('id_token'),
    sessionState: text('session_state'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

/** Magic-link tokens; next-auth stores only a hash of the token. */
export const verificationTokens = pgTable(
  'verification_tokens',
  {
    identifier: text('identifier').notNull(),
    token: text('token').notNull(),
    expires: timestamp('expires', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// The runtime role (declared in tenancy.ts, which imports this file); outbox_emails is the one platform table
// with a tenant_id.
const outboxRole = pgRole('stride_app').existing();

/**
 * A file an email carries, named by reference and rendered when the email is delivered: an invoice's or a credit
 * note's PDF, or a
 * course place's calendar invite (REQUEST adds or updates the sessions, CANCEL removes them).
 */
export type EmailAttachmentRef =
  | { kind: 'invoice-pdf'; invoiceId: string; filename: string }
  /** A credit note's PDF (found through the invoice it credits). */
  | { kind: 'credit-note-pdf'; invoiceId: string; creditNoteId: string; filename: string }
  | { kind: 'course-ics'; bookingId: string; method: 'REQUEST' | 'CANCEL'; filename: string }
  /** A waiting-list offer's invite (tentative while held), or its cancellation when the hold ends. */
  | { kind: 'course-offer-ics'; entryId: string; method: 'REQUEST' | 'CANCEL'; filename: string };

export const emailStatus = pgEnum('email_status', ['queued', 'sent', 'kept', 'failed']);

/**
 * Outgoing email. Written in the same transaction as the change that causes it ('queued', as a template name
 * and its props), rendered and delivered after commit by a pg-boss job (retried with backoff): by SMTP
 * ('sent') or, with no SMTP server configured, kept here as the development outbox ('kept'). After its last attempt fails it is 'failed' and shown to the
 * tenant's manager, who may retry it. An email caused by a tenant's change carries its tenant (taken from the
 * transaction), so the tenant sees its own emails under row-level security; sign-in emails have none.
 */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    tenantId: uuid('tenant_id')
      .references(() => tenants.id)
      .default(sql`nullif(current_setting('app.tenant_id', true), '')::uuid`),
    status: emailStatus('status').notNull().default('kept'),
    to: text('to').notNull(),
    /** Rendered when queued (a cheap string), so lists of emails need no rendering. */
    subject: text('subject').notNull(),
    /**
     * The registered template (server/email/templates.ts) and its props: the body is rendered from these when
     * the email is delivered, not in the transaction that queued it. Null only for rows queued before that.
     */
    template: text('template'),
    props: jsonb('props').$type<Record<string, unknown>>(),
    /** The rendered body: written at delivery (null until then), or at once for an email sent now. */
    text: text('text'),
    html: text('html'),
    /** Files rendered at delivery (inside the email's tenant), e.g. an invoice's PDF: references, not bytes. */
    attachments: jsonb('attachments').$type<EmailAttachmentRef[]>().notNull().default([]),
    /** Extra message headers passed to nodemailer at delivery (a bulletin's List-Unsubscribe); null for none. */
    headers: jsonb('headers').$type<Record<string, string>>(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_emails_status').on(t.status, t.createdAt),
    index('outbox_emails_tenant').on(t.tenantId, t.createdAt),
    pgPolicy('outbox_emails_tenant_isolation', {
      as: 'permissive',
      to: outboxRole,
      for: 'all',
      // Read once per query, not per row (see policyTenantId in tenancy.ts, which imports this file).
      using: sql`tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)`,
      withCheck: sql`tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)`,
    }),
    // Delivery (the email worker, sign-in links, the development outbox) works across tenants, and only
    // inside withMailroom, which switches this on for one transaction.
    // An email about a person's own account (a change of sign-in address), queued in a transaction with no
    // workspace: it may add an email of no tenant, and read none.
    pgPolicy('outbox_emails_account', {
      as: 'permissive',
      to: outboxRole,
      for: 'insert',
      withCheck: sql`tenant_id is null and (select nullif(current_setting('app.tenant_id', true), '')) is null`,
    }),
    pgPolicy('outbox_emails_mailroom', {
      as: 'permissive',
      to: outboxRole,
      for: 'all',
      using: sql`current_setting('app.mailroom', true) = 'on'`,
      withCheck: sql`current_setting('app.mailroom', true) = 'on'`,
    }),
  ],
);
/**
 * What platform administrators did (create, suspend, reinstate a workspace; switch modules; invite its first
 * manager), and what people changed of their own accounts (account.update: their name, no workspace). A
 * platform table: it belongs to no tenant, and tenants never read it.
 */
export const platformAuditLog = pgTable('platform_audit_log', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  actorUserId: uuid('actor_user_id').notNull(),
  /** The procedure path, e.g. "platform.suspend". */
  action: text('action').notNull(),
  /** The workspace the action was about, when there was one. */
  workspaceId: uuid('workspace_id').references(() => tenants.id),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
