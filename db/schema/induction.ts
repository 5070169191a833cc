import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { schools } from './schools';
import { tenantTable } from './tenancy';

/**
 * ECT induction, kept by a workspace acting as Appropriate Body (kind appropriate_body with the induction
 * module). One ECT per TRN per workspace; their induction runs through one or more periods at schools (an
 * ECT who moves school continues the same induction); checkpoints are the termly progress reviews and formal
 * assessments (server/induction/induction-schedule.ts computes their due dates).
 */

export const inductionStatus = pgEnum('induction_status', ['in_progress', 'completed']);
export const checkpointKind = pgEnum('induction_checkpoint_kind', ['review', 'formal', 'interim']);
export const checkpointStatus = pgEnum('induction_checkpoint_status', [
  'due',
  'submitted',
  'changes_requested',
  'accepted',
]);
export const inductionJudgement = pgEnum('induction_judgement', ['on_track', 'not_on_track']);
export const inductionOutcome = pgEnum('induction_outcome', ['pass', 'fail', 'extension']);
export const supportPlanStatus = pgEnum('induction_support_plan_status', ['open', 'closed']);
export const appealResult = pgEnum('induction_appeal_result', ['pending', 'upheld', 'dismissed', 'varied']);
export const deadlineReminderKind = pgEnum('induction_deadline_reminder_kind', [
  'recommendation',
  'decision',
  'appeal',
]);

export const ects = tenantTable(
  'ects',
  {
    /** Teacher reference number: seven digits. */
    trn: text('trn').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    /** The first day of induction (the first period's start). */
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** A reduction for prior experience, in tenths of a term (at the AB's discretion, up to 5 terms). */
    reductionTenths: integer('reduction_tenths').notNull().default(0),
    /** Why the AB reduced induction (e.g. previous teaching experience); empty when there is no reduction. */
    reductionReason: text('reduction_reason').notNull().default(''),
    /** Terms added by an extension outcome, in tenths of a term. */
    extensionTenths: integer('extension_tenths').notNull().default(0),
    /** Previous induction periods elsewhere, as the school described them. */
    previousInduction: text('previous_induction').notNull().default(''),
    status: inductionStatus('status').notNull().default('in_progress'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('ects_tenant_trn').on(t.tenantId, t.trn),
    // An ECT anonymised after the retention period keeps their row (and outcome) under "erased-<n>".
    check('ects_trn_seven_digits', sql`${t.trn} ~ '^[0-9]{7}$' or ${t.trn} ~ '^erased-[0-9a-f]{8}$'`),
    check('ects_reduction_range', sql`${t.reductionTenths} between 0 and 50`),
  ],
);

/** An ECT's time at one school: closed (endsOn) when they move on; the induction continues at the next. */
export const inductionPeriods = tenantTable(
  'induction_periods',
  {
    ectId: uuid('ect_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    /** Full-time equivalent in hundredths (100 = full time, 60 = 0.6). */
    fteHundredths: integer('fte_hundredths').notNull(),
    tutorName: text('tutor_name').notNull(),
    tutorEmail: text('tutor_email').notNull(),
    mentorName: text('mentor_name').notNull(),
    mentorEmail: text('mentor_email').notNull(),
    /**
     * The day the AB received the registration: today, or an earlier day an AB officer enters for a registration
     * made late (e.g. sent on paper). Null on periods registered before the column existed: they read the London
     * date of created_at instead (registeredOnOf in server/induction/late-registration.ts), so no backfill.
     */
    registeredOn: date('registered_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.ectId], foreignColumns: [ects.tenantId, ects.id] }),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    index('induction_periods_school').on(t.tenantId, t.schoolId),
    check('induction_periods_fte', sql`${t.fteHundredths} between 10 and 100`),
  ],
);

/** Where a school's registration of an ECT stands with the AB (see server/induction/submit-registration.ts). */
export const ectRegistrationStatus = pgEnum('ect_registration_status', [
  'awaiting',
  'accepted',
  'rejected',
  'withdrawn',
]);

/**
 * A school's registration of an ECT awaiting the AB's acceptance, kept where the AB checks registrations before
 * they take effect (its induction setting `checkRegistrations`). Until the AB accepts it there is no ECT record,
 * period, checkpoint or charge: accepting registers the ECT from these details as registerEct does, dated the
 * day the school sent it (`submittedOn`); rejecting keeps the reason for the school. Registrations that took
 * effect at once (the setting off, or made by the AB's own staff) have no row here.
 */
export const ectRegistrations = tenantTable(
  'ect_registrations',
  {
    schoolId: uuid('school_id').notNull(),
    status: ectRegistrationStatus('status').notNull().default('awaiting'),
    trn: text('trn').notNull(),
    name: text('name').notNull(),
    /** May be empty when continuing an induction: the email on the ECT's record is kept. */
    email: text('email').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    fteHundredths: integer('fte_hundredths').notNull(),
    tutorName: text('tutor_name').notNull(),
    tutorEmail: text('tutor_email').notNull(),
    mentorName: text('mentor_name').notNull(),
    mentorEmail: text('mentor_email').notNull(),
    previousInduction: text('previous_induction').notNull().default(''),
    continueInduction: boolean('continue_induction').notNull().default(false),
    /** The day the school sent it: the registration's day once accepted (lateness counts from it). */
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    submittedByUserId: uuid('submitted_by_user_id').notNull(),
    decidedByUserId: uuid('decided_by_user_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why the AB declined it (e.g. the school should use another AB, the TRN is wrong, no QTS). */
    rejectionReason: text('rejection_reason').notNull().default(''),
    /** The ECT registered on acceptance. */
    ectId: uuid('ect_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    foreignKey({ columns: [t.tenantId, t.ectId], foreignColumns: [ects.tenantId, ects.id] }),
    index('ect_registrations_school').on(t.tenantId, t.schoolId, t.status),
    // One registration of a TRN waits for the AB at a time.
    uniqueIndex('ect_registrations_one_awaiting')
      .on(t.tenantId, t.trn)
      .where(sql`${t.status} = 'awaiting'`),
    check('ect_registrations_trn_seven_digits', sql`${t.trn} ~ '^[0-9]{7}$'`),
    check('ect_registrations_fte', sql`${t.fteHundredths} between 10 and 100`),
  ],
);

/** Days of absence, which extend an induction year once they reach the threshold (30 days). */
export const inductionAbsences = tenantTable(
  'induction_absences',
  {
    ectId: uuid('ect_id').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    days: integer('days').notNull(),
    reason: text('reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.ectId], foreignColumns: [ects.tenantId, ects.id] }),
    check('induction_absences_days', sql`${t.days} > 0`),
  ],
);

/** A progress review, formal assessment or interim assessment, submitted by the school and reviewed by the AB. */
export const inductionCheckpoints = tenantTable(
  'induction_checkpoints',
  {
    ectId: uuid('ect_id').notNull(),
    /** The period (school) it falls in. */
    periodId: uuid('period_id').notNull(),
    kind: checkpointKind('kind').notNull(),
    /** The induction term it closes (1–6, more after an extension); null for an interim assessment. */
    termNumber: integer('term_number'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: checkpointStatus('status').notNull().default('due'),
    judgement: inductionJudgement('judgement'),
    evidence: text('evidence').notNull().default(''),
    submittedByUserId: uuid('submitted_by_user_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    abComment: text('ab_comment').notNull().default(''),
    reviewedByUserId: uuid('reviewed_by_user_id'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** How far an overdue checkpoint has been escalated: 0 none, 1 tutor, 2 head, 3 AB. */
    escalationLevel: integer('escalation_level').notNull().default(0),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.ectId], foreignColumns: [ects.tenantId, ects.id] }),
    foreignKey({
      columns: [t.tenantId, t.periodId],
      foreignColumns: [inductionPeriods.tenantId, inductionPeriods.id],
    }),
    unique('induction_checkpoints_term').on(t.tenantId, t.ectId, t.termNumber),
    index('induction_checkpoints_due').on(t.tenantId, t.status, t.dueOn),
  ],
);

/** Opened when an ECT is judged not on track: what the school will do, watched by the AB. */
export const inductionSupportPlans = tenantTable(
  'induction_support_plans',
  {
    ectId: uuid('ect_id').notNull(),
    checkpointId: uuid('checkpoint_id').notNull(),
    status: supportPlanStatus('status').notNull().default('open'),
    actions: text('actions').notNull().default(''),
    /** The adviser-time request raised for consultancy support, where the school has bought it. */
    adviserRequestId: uuid('adviser_request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Who closed it by hand (the AB), and why; a plan closed by an outcome has neither. */
    closedByUserId: uuid('closed_by_user_id'),
    closingNote: text('closing_note').notNull().default(''),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.ectId], foreignColumns: [ects.tenantId, ects.id] }),
    foreignKey({
      columns: [t.tenantId, t.checkpointId],
      foreignColumns: [inductionCheckpoints.tenantId, inductionCheckpoints.id],
    }),
  ],
);

/** The AB's decision: pass, fail, or an extension (which adds terms and checkpoints). */
export const inductionOutcomes = tenantTable(
  'induction_outcomes',
  {
    ectId: uuid('ect_id').notNull(),
    outcome: inductionOutcome('outcome').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    /** Terms served, in tenths (the DfE service records one decimal place). */
    termsServedTenths: integer('terms_served_tenths').notNull(),
    extensionTenths: integer('extension_tenths'),
    /**
     * An extension the Teaching Regulation Agency set on appeal resumes induction on this date (the result's),
     * after `resumesAfterTenths` terms: its terms run from the first school term starting then, not straight on
     * from the end of induction. Null for the AB's own decisions.
     */
    resumesOn: date('resumes_on', { mode: 'string' }),
    resumesAfterTenths: integer('resumes_after_tenths'),
    note: text('note').notNull().default(''),
    recordedByUserId: uuid('recorded_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.ectId], foreignColumns: [ects.tenantId, ects.id] }),
    check(
      'induction_outcomes_resumption',
      sql`(${t.resumesOn} is null) = (${t.resumesAfterTenths} is null) and (${t.resumesOn} is null or ${t.outcome} = 'extension')`,
    ),
  ],
);

/**
 * The headteacher's recommendation after the final assessment (due within 10 working days of the end of
 * induction), the ECT's representations on it (within 10 working days of receiving it), which the AB decides on
 * within 20 working days. A recommendation is answered by the first outcome recorded on or after it.
 */
export const inductionRecommendations = tenantTable(
  'induction_recommendations',
  {
    ectId: uuid('ect_id').notNull(),
    recommendation: inductionOutcome('recommendation').notNull(),
    recommendedOn: date('recommended_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    recordedByUserId: uuid('recorded_by_user_id').notNull(),
    representations: text('representations'),
    representationsOn: date('representations_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('induction_recommendations_ect').on(t.tenantId, t.ectId, t.recommendedOn),
    foreignKey({ columns: [t.tenantId, t.ectId], foreignColumns: [ects.tenantId, ects.id] }),
  ],
);

/** An ECT's appeal to the Teaching Regulation Agency against a fail or an extension, and its result. */
export const inductionAppeals = tenantTable(
  'induction_appeals',
  {
    ectId: uuid('ect_id').notNull(),
    outcomeId: uuid('outcome_id').notNull(),
    lodgedOn: date('lodged_on', { mode: 'string' }).notNull(),
    result: appealResult('result').notNull().default('pending'),
    resultOn: date('result_on', { mode: 'string' }),
    /**
     * The outcome the result put in place of the one appealed against: a pass (upheld) or an extension
     * (varied); null while pending and when dismissed (the outcome stands).
     */
    resultOutcomeId: uuid('result_outcome_id'),
    note: text('note').notNull().default(''),
    recordedByUserId: uuid('recorded_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('induction_appeals_one_per_outcome').on(t.tenantId, t.outcomeId),
    foreignKey({ columns: [t.tenantId, t.ectId], foreignColumns: [ects.tenantId, ects.id] }),
    foreignKey({
      columns: [t.tenantId, t.outcomeId],
      foreignColumns: [inductionOutcomes.tenantId, inductionOutcomes.id],
    }),
    foreignKey({
      name: 'induction_appeals_result_outcome_fk',
      columns: [t.tenantId, t.resultOutcomeId],
      foreignColumns: [inductionOutcomes.tenantId, inductionOutcomes.id],
    }),
  ],
);

/**
 * A reminder of a deadline at the end of induction, sent once: the headteacher's recommendation (to the tutor
 * and the school's heads), the AB's decision (to the AB's staff) or, after a fail, the ECT's appeal to the
 * Teaching Regulation Agency (to the ECT and their tutor). `stage` is the number of outcomes recorded so far
 * (0 for the first end of induction, 1 after an extension or a fail, …), so an extended induction is reminded
 * again at its new end. Who it went to is in the outbox, not here.
 */
export const inductionDeadlineReminders = tenantTable(
  'induction_deadline_reminders',
  {
    ectId: uuid('ect_id').notNull(),
    kind: deadlineReminderKind('kind').notNull(),
    stage: integer('stage').notNull(),
    /** The deadline reminded of. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Whether it was already past when the reminder went. */
    overdue: boolean('overdue').notNull(),
    emails: integer('emails').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('induction_deadline_reminders_once').on(t.tenantId, t.ectId, t.kind, t.stage),
    foreignKey({ columns: [t.tenantId, t.ectId], foreignColumns: [ects.tenantId, ects.id] }),
  ],
);

export type Ect = typeof ects.$inferSelect;
export type InductionCheckpoint = typeof inductionCheckpoints.$inferSelect;
export type EctRegistration = typeof ectRegistrations.$inferSelect;
