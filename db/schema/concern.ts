import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './platform';
import { schools } from './schools';
import { appRole, tenantIdColumn, tenantIsolation } from './tenancy';

/**
 * Schools causing concern ("support and intervention" since Nov 2024): the LA's register of cases, the review
 * meetings that decide on them, letters, action plans, warning notices, intervention powers and the SCC budget.
 */

/**
 * The commissioned provider may read a school's SCC case and action plan while an active contract covers that
 * school, and only inside a query that opts in (app.commissioned_read, set by the commissioning module's
 * partner view): every other query in the provider's workspace sees none of the LA's rows. The procedures
 * narrow it further to the partner assigned to the school.
 */
const commissionedProviderRead = (table: string) =>
  pgPolicy(`${table}_commissioned_provider_read`, {
    as: 'permissive',
    to: appRole,
    for: 'select',
    // The switch is read once per query: off (every query but the partner view) it costs no check per row.
    using: sql.raw(`(select current_setting('app.commissioned_read', true) = 'on') and exists (
      select 1 from contract_schools cs
      join commissioning_contracts c on c.tenant_id = cs.tenant_id and c.id = cs.contract_id
      where cs.tenant_id = ${table}.tenant_id and cs.school_id = ${table}.school_id
        and cs.provider_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
        and c.status = 'active')`),
  });

export const sccCaseStatus = pgEnum('scc_case_status', [
  'candidate',
  'designated',
  'removed',
  'not_designated',
]);

/** One trigger of concern met by a school, with the evidence the officer recorded. */
export type SccTriggerEvidence = { trigger: string; evidence: string; recordedOn: string };

export const sccCases = pgTable(
  'scc_cases',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    status: sccCaseStatus('status').notNull().default('candidate'),
    identifiedOn: date('identified_on').notNull(),
    designatedOn: date('designated_on'),
    closedOn: date('closed_on'),
    /** Triggers the LA judges met on evidence (those derived from Ofsted are evaluated live, not stored). */
    triggers: jsonb('triggers').$type<SccTriggerEvidence[]>().notNull().default([]),
    concerns: text('concerns').notNull().default(''),
    leadOfficerUserId: uuid('lead_officer_user_id').references(() => users.id),
    proposedStructuralSolution: text('proposed_structural_solution').notNull().default(''),
    nextReviewOn: date('next_review_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // One open case per school at a time.
    uniqueIndex('scc_cases_one_open')
      .on(t.tenantId, t.schoolId)
      .where(sql`status in ('candidate', 'designated')`),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('scc_cases'),
    commissionedProviderRead('scc_cases'),
  ],
);

export const reviewMeetingStatus = pgEnum('review_meeting_status', ['scheduled', 'held']);

/** A sitting of the tenant's review meeting (Barnet: Schools Review Group; Birmingham: SIAB). */
export const reviewMeetings = pgTable(
  'review_meetings',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    meetingOn: date('meeting_on').notNull(),
    status: reviewMeetingStatus('status').notNull().default('scheduled'),
    chairName: text('chair_name').notNull().default(''),
    attendees: text('attendees').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), tenantIsolation('review_meetings')],
);

export const reviewDecisionKind = pgEnum('review_decision_kind', [
  'designate',
  'remove',
  'continue',
  'not_designated',
  'letter_of_concern',
  'recommend_warning_notice',
]);

export const reviewDecisions = pgTable(
  'review_decisions',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    meetingId: uuid('meeting_id').notNull(),
    caseId: uuid('case_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    decision: reviewDecisionKind('decision').notNull(),
    rationale: text('rationale').notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('review_decisions_case').on(t.tenantId, t.caseId),
    foreignKey({
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [reviewMeetings.tenantId, reviewMeetings.id],
    }),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [sccCases.tenantId, sccCases.id] }),
    check('review_decisions_rationale', sql`length(trim(${t.rationale})) > 0`),
    tenantIsolation('review_decisions'),
  ],
);

export const sccLetterKind = pgEnum('scc_letter_kind', [
  'designation',
  'concern',
  'removal',
  'warning_notice',
  /** The annual letter to every maintained school: its LA category and why (Birmingham, 003). */
  'categorisation',
]);

/** A letter to the headteacher and chair of governors; the school may read its own. */
export const sccLetters = pgTable(
  'scc_letters',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    caseId: uuid('case_id'),
    kind: sccLetterKind('kind').notNull(),
    issuedOn: date('issued_on').notNull(),
    /** Names and addresses as sent, e.g. "Mrs Anita Shah (headteacher), Mr … (chair of governors)". */
    addressedTo: text('addressed_to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    issuedByUserId: uuid('issued_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('scc_letters_school').on(t.tenantId, t.schoolId),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('scc_letters'),
  ],
);

export const actionPlanKind = pgEnum('action_plan_kind', ['action_plan', 'statement_of_action']);

export const actionPlans = pgTable(
  'action_plans',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    caseId: uuid('case_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    kind: actionPlanKind('kind').notNull(),
    title: text('title').notNull(),
    nextReviewOn: date('next_review_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('action_plans_case').on(t.tenantId, t.caseId),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [sccCases.tenantId, sccCases.id] }),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('action_plans'),
    commissionedProviderRead('action_plans'),
  ],
);

export const actionOwnerKind = pgEnum('action_owner_kind', ['school', 'la', 'provider', 'broker']);
export const ragStatus = pgEnum('rag_status', ['red', 'amber', 'green']);

export const actionPlanItems = pgTable(
  'action_plan_items',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    planId: uuid('plan_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    priority: text('priority').notNull(),
    action: text('action').notNull(),
    ownerKind: actionOwnerKind('owner_kind').notNull(),
    ownerName: text('owner_name').notNull().default(''),
    milestone: text('milestone').notNull().default(''),
    dueOn: date('due_on').notNull(),
    rag: ragStatus('rag').notNull().default('amber'),
    evidence: text('evidence').notNull().default(''),
    reviewOn: date('review_on'),
    completedOn: date('completed_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('action_plan_items_plan').on(t.tenantId, t.planId),
    foreignKey({
      columns: [t.tenantId, t.planId],
      foreignColumns: [actionPlans.tenantId, actionPlans.id],
    }).onDelete('cascade'),
    tenantIsolation('action_plan_items'),
    commissionedProviderRead('action_plan_items'),
  ],
);

export const sccMeetingKind = pgEnum('scc_meeting_kind', ['progress_review', 'monitoring_and_challenge']);

/** Termly School Progress Review meetings and Monitoring & Challenge meetings with the Head of SI. */
export const sccMeetings = pgTable(
  'scc_meetings',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    caseId: uuid('case_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    kind: sccMeetingKind('kind').notNull(),
    heldOn: date('held_on').notNull(),
    attendees: text('attendees').notNull().default(''),
    notes: text('notes').notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('scc_meetings_case').on(t.tenantId, t.caseId),
    foreignKey({ columns: [t.tenantId, t.caseId], foreignColumns: [sccCases.tenantId, sccCases.id] }),
    tenantIsolation('scc_meetings'),
  ],
);

export const warningNoticeKind = pgEnum('warning_notice_kind', [
  'informal',
  'formal_s60',
  'pay_and_conditions_s60a',
]);

export const warningNoticeStatus = pgEnum('warning_notice_status', [
  'recommended',
  'issued',
  'complied',
  'not_complied',
  'withdrawn',
]);

export const warningNotices = pgTable(
  'warning_notices',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    caseId: uuid('case_id'),
    kind: warningNoticeKind('kind').notNull(),
    /** s60 grounds: unacceptably_low_standards, breakdown_of_management_or_governance, safety_threatened. */
    grounds: text('grounds')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: warningNoticeStatus('status').notNull().default('recommended'),
    /**
     * The tenant's preconditions for a formal notice the recommending officer confirmed (Barnet Part B:
     * the school does not engage; causing concern for more than 12 months), in the words of the setting.
     */
    preconditions: text('preconditions')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    recommendedByUserId: uuid('recommended_by_user_id').references(() => users.id),
    issuedOn: date('issued_on'),
    /** Set by the issuer: there has been no fixed period since 2016. */
    complianceBy: date('compliance_by'),
    dcsDecisionOn: date('dcs_decision_on'),
    dcsDecisionByUserId: uuid('dcs_decision_by_user_id').references(() => users.id),
    outcomeOn: date('outcome_on'),
    outcomeNotes: text('outcome_notes').notNull().default(''),
    /** The notice itself, written to the headteacher and governors when a formal notice is issued. */
    letterId: uuid('letter_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('warning_notices_school').on(t.tenantId, t.schoolId),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    foreignKey({ columns: [t.tenantId, t.letterId], foreignColumns: [sccLetters.tenantId, sccLetters.id] }),
    // A formal notice is issued only on the DCS's decision, with a compliance period; a recommendation the
    // DCS does not take up is withdrawn without either.
    check(
      'warning_notices_formal_issue',
      sql`${t.kind} = 'informal' or ${t.status} in ('recommended', 'withdrawn') or (${t.dcsDecisionOn} is not null and ${t.complianceBy} is not null)`,
    ),
    tenantIsolation('warning_notices'),
  ],
);

export const interventionPower = pgEnum('intervention_power', [
  's63_require_arrangements',
  's64_additional_governors',
  's65_interim_executive_board',
  's66_suspend_delegated_budget',
]);

export const dcsDecision = pgEnum('dcs_decision', ['approved', 'declined']);

export const interventionPowers = pgTable(
  'intervention_powers',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    noticeId: uuid('notice_id'),
    power: interventionPower('power').notNull(),
    dcsDecision: dcsDecision('dcs_decision').notNull(),
    dcsDecisionOn: date('dcs_decision_on').notNull(),
    dcsDecisionByUserId: uuid('dcs_decision_by_user_id').references(() => users.id),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('intervention_powers'),
  ],
);

/** Concerns about an academy go to the DfE Regional Director (formerly Regional Schools Commissioner). */
export const regionalDirectorReferrals = pgTable(
  'regional_director_referrals',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    referredOn: date('referred_on').notNull(),
    concern: text('concern').notNull(),
    response: text('response').notNull().default(''),
    respondedOn: date('responded_on'),
    referredByUserId: uuid('referred_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('regional_director_referrals'),
  ],
);

export const sccPaymentStatus = pgEnum('scc_payment_status', ['requested', 'approved', 'paid', 'declined']);
export const sccPayeeKind = pgEnum('scc_payee_kind', ['school', 'other']);

/**
 * The SCC budget: payments to maintained schools causing concern in financial difficulty. A payment to anyone
 * other than the school needs the DCS's approval recorded before it is approved or paid.
 */
export const sccBudgetPayments = pgTable(
  'scc_budget_payments',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    caseId: uuid('case_id'),
    payeeKind: sccPayeeKind('payee_kind').notNull(),
    payeeName: text('payee_name').notNull(),
    amountPence: integer('amount_pence').notNull(),
    purpose: text('purpose').notNull(),
    /** Financial year the payment falls in (April–March), start year: 2026 = 2026-27. */
    financialYear: integer('financial_year').notNull(),
    status: sccPaymentStatus('status').notNull().default('requested'),
    dcsApprovedOn: date('dcs_approved_on'),
    dcsApprovedByUserId: uuid('dcs_approved_by_user_id').references(() => users.id),
    paidOn: date('paid_on'),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('scc_budget_payments_year').on(t.tenantId, t.financialYear),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    check('scc_budget_payments_amount', sql`${t.amountPence} > 0`),
    check(
      'scc_budget_payments_dcs_approval',
      sql`${t.payeeKind} = 'school' or ${t.status} in ('requested', 'declined') or ${t.dcsApprovedOn} is not null`,
    ),
    tenantIsolation('scc_budget_payments'),
  ],
);

export type SccCase = typeof sccCases.$inferSelect;
export type ReviewMeeting = typeof reviewMeetings.$inferSelect;
export type ReviewDecision = typeof reviewDecisions.$inferSelect;
export type SccLetter = typeof sccLetters.$inferSelect;
export type ActionPlan = typeof actionPlans.$inferSelect;
export type ActionPlanItem = typeof actionPlanItems.$inferSelect;
export type WarningNotice = typeof warningNotices.$inferSelect;

export const dcsDesignationRole = pgEnum('dcs_designation_role', ['dcs', 'delegate']);

/**
 * Who may record the Director of Children's Services' decisions in this workspace (formal warning notices,
 * intervention powers, SCC budget approvals): the DCS and the delegates they name. Officers recommend; only
 * a designated person decides. Set by the workspace's manager; removing someone keeps the row (history).
 */
export const dcsDesignations = pgTable(
  'dcs_designations',
  {
    tenantId: tenantIdColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: dcsDesignationRole('role').notNull(),
    designatedOn: date('designated_on').notNull(),
    designatedByUserId: uuid('designated_by_user_id').references(() => users.id),
    endedOn: date('ended_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.designatedOn] }),
    tenantIsolation('dcs_designations'),
  ],
);

export type DcsDesignation = typeof dcsDesignations.$inferSelect;
