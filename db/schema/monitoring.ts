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
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './platform';
import { schools } from './schools';
import { tenantIdColumn, tenantIsolation } from './tenancy';

/**
 * The statutory side of an LA workspace: what the LA knows about each school it monitors, Ofsted's
 * inspections of it, the visits the LA plans and the notes of visit its advisers write.
 */

/** The LA's monitoring record for one school (one row per school on the register). */
export const schoolMonitoring = pgTable(
  'school_monitoring',
  {
    tenantId: tenantIdColumn(),
    schoolId: uuid('school_id').notNull(),
    /** Key of one of the tenant's configured LA categories (settings.statutory.categories), e.g. '3-capacity'. */
    laCategory: text('la_category'),
    categorisedOn: date('categorised_on'),
    /** The named link adviser (Barnet: Learning Network Inspector; Birmingham: Priority Partner). */
    linkAdviserUserId: uuid('link_adviser_user_id').references(() => users.id),
    /** A second adviser some schools have (Barnet: BSIP, a BPSI consultant commissioned by the LA). */
    secondAdviserUserId: uuid('second_adviser_user_id').references(() => users.id),
    /** The LA's judgement of the school's capacity to improve; an RI school without it is visited more often. */
    capacitySecure: boolean('capacity_secure'),
    hasSixthForm: boolean('has_sixth_form').notNull().default(false),
    riskNotes: text('risk_notes').notNull().default(''),
    /** DfE RISE team involvement beside LA support, recorded as free text (team, dates, focus). */
    riseInvolvement: text('rise_involvement').notNull().default(''),
    /** When the school joined the register (GIAS import, the demo seed, or an officer by hand) and why. */
    joinedOn: date('joined_on'),
    joinedReason: text('joined_reason').notNull().default(''),
    /**
     * Set when the school leaves the active register (closed in GIAS, or removed by an officer): the row and
     * its history stay; the register, planner and reports read active rows only.
     */
    leftOn: date('left_on'),
    leftReason: text('left_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.schoolId] }),
    index('school_monitoring_link_adviser').on(t.tenantId, t.linkAdviserUserId),
    check(
      'school_monitoring_left_reason',
      sql`${t.leftOn} is null or coalesce(length(trim(${t.leftReason})), 0) > 0`,
    ),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('school_monitoring'),
  ],
);

/** Every change of LA category, so the register can chart the category mix over time. */
export const laCategoryChanges = pgTable(
  'la_category_changes',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    fromCategory: text('from_category'),
    toCategory: text('to_category').notNull(),
    changedOn: date('changed_on').notNull(),
    rationale: text('rationale').notNull().default(''),
    changedByUserId: uuid('changed_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('la_category_changes_school').on(t.tenantId, t.schoolId, t.changedOn),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('la_category_changes'),
  ],
);

/**
 * Three shapes of Ofsted result live side by side: legacy overall grades 1–4 (to Aug 2024), the four
 * sub-grades of Sep 2024–Nov 2025, and report cards (from 10 Nov 2025) with five-point area grades.
 */
export const inspectionFramework = pgEnum('inspection_framework', [
  'legacy_overall',
  'sub_grades_2024',
  'report_card_2025',
]);

export const ofstedCategoryOfConcern = pgEnum('ofsted_category_of_concern', [
  'serious_weaknesses',
  'special_measures',
  'requires_significant_improvement',
]);

export const safeguardingOutcome = pgEnum('safeguarding_outcome', ['met', 'not_met']);

export const ofstedInspections = pgTable(
  'ofsted_inspections',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    inspectedOn: date('inspected_on').notNull(),
    publishedOn: date('published_on'),
    framework: inspectionFramework('framework').notNull(),
    /** Legacy only: 1 Outstanding, 2 Good, 3 Requires improvement, 4 Inadequate. */
    overallGrade: integer('overall_grade'),
    /**
     * Sub-grades 2024 (quality_of_education, behaviour_and_attitudes, personal_development,
     * leadership_and_management → 1–4) or report-card areas (inclusion, curriculum_and_teaching, achievement,
     * attendance_and_behaviour, personal_development, leadership_and_governance, early_years, sixth_form →
     * exceptional | strong | expected | needs_attention | urgent_improvement).
     */
    grades: jsonb('grades').$type<Record<string, string | number>>().notNull().default({}),
    safeguarding: safeguardingOutcome('safeguarding'),
    categoryOfConcern: ofstedCategoryOfConcern('category_of_concern'),
    /** Ungraded/monitoring visits and section 8s are recorded but carry no grades. */
    kind: text('kind').notNull().default('graded'),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('ofsted_inspections_school').on(t.tenantId, t.schoolId, t.inspectedOn),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    check('ofsted_overall_grade_range', sql`${t.overallGrade} is null or ${t.overallGrade} between 1 and 4`),
    tenantIsolation('ofsted_inspections'),
  ],
);

export const plannedVisitKind = pgEnum('planned_visit_kind', [
  'school_effectiveness',
  'keeping_in_touch',
  'concern_monitoring',
  'additional',
]);

export const plannedVisitStatus = pgEnum('planned_visit_status', ['planned', 'done', 'cancelled']);

/** A visit the LA plans for a school in an academic year, generated from the category rules or added by hand. */
export const plannedVisits = pgTable(
  'planned_visits',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    /** Start year of the academic year: 2026 = 2026/27. */
    academicYear: integer('academic_year').notNull(),
    /** 1-based sequence within the school's year, for the generated visits. */
    sequence: integer('sequence').notNull(),
    kind: plannedVisitKind('kind').notNull(),
    /** Additional visits only: new headteacher, Ofsted expected, critical incident, safeguarding… */
    reason: text('reason'),
    dueBy: date('due_by').notNull(),
    adviserUserId: uuid('adviser_user_id').references(() => users.id),
    status: plannedVisitStatus('status').notNull().default('planned'),
    completedOn: date('completed_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('planned_visits_school_year_sequence').on(t.tenantId, t.schoolId, t.academicYear, t.sequence),
    index('planned_visits_adviser').on(t.tenantId, t.adviserUserId, t.dueBy),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('planned_visits'),
  ],
);

export const noteOfVisitStatus = pgEnum('note_of_visit_status', [
  'draft',
  'sent',
  'commented',
  'agreed',
  'shared',
]);

/** One focus area of a visit and the adviser's judgement of it. */
export type NoteFocusArea = {
  area: string;
  /** One of the tenant's judgement scale (Barnet: Emerging, Secure, Highly Effective). */
  judgement: string;
  /** The school's own self-evaluation grade for this area, where it gave one. */
  schoolGrade?: string;
  /** Set when the adviser does not agree with the school's self-evaluation; says why. */
  disagreement?: string;
  commentary: string;
};

export type NoteAgreedAction = { action: string; owner: string; dueBy: string };

export type NoteOfVisitContent = {
  focusKind: 'sev_focus' | 'deep_dive';
  /** For a deep dive: the subject. */
  deepDiveSubject?: string;
  focusAreas: NoteFocusArea[];
  strengths: string;
  areasForDevelopment: string;
  agreedActions: NoteAgreedAction[];
};

/**
 * A note of visit: drafted by the adviser, sent to the headteacher, agreed (or commented on and revised),
 * then shared with the chair of governors. Agreed notes are locked; every send keeps a version.
 */
export const notesOfVisit = pgTable(
  'notes_of_visit',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    plannedVisitId: uuid('planned_visit_id'),
    adviserUserId: uuid('adviser_user_id')
      .notNull()
      .references(() => users.id),
    visitedOn: date('visited_on').notNull(),
    content: jsonb('content').$type<NoteOfVisitContent>().notNull(),
    status: noteOfVisitStatus('status').notNull().default('draft'),
    version: integer('version').notNull().default(0),
    headteacherComment: text('headteacher_comment'),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    agreedByUserId: uuid('agreed_by_user_id').references(() => users.id),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('notes_of_visit_school').on(t.tenantId, t.schoolId, t.visitedOn),
    index('notes_of_visit_adviser').on(t.tenantId, t.adviserUserId),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    foreignKey({
      columns: [t.tenantId, t.plannedVisitId],
      foreignColumns: [plannedVisits.tenantId, plannedVisits.id],
    }),
    tenantIsolation('notes_of_visit'),
  ],
);

/** Each version of a note as it was sent or agreed: what the headteacher saw is never lost. */
export const noteOfVisitVersions = pgTable(
  'note_of_visit_versions',
  {
    tenantId: tenantIdColumn(),
    noteId: uuid('note_id').notNull(),
    version: integer('version').notNull(),
    event: text('event').notNull(),
    content: jsonb('content').$type<NoteOfVisitContent>().notNull(),
    headteacherComment: text('headteacher_comment'),
    byUserId: uuid('by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.noteId, t.version, t.event] }),
    foreignKey({ columns: [t.tenantId, t.noteId], foreignColumns: [notesOfVisit.tenantId, notesOfVisit.id] }),
    tenantIsolation('note_of_visit_versions'),
  ],
);

export type SchoolMonitoring = typeof schoolMonitoring.$inferSelect;
export type OfstedInspection = typeof ofstedInspections.$inferSelect;
export type PlannedVisit = typeof plannedVisits.$inferSelect;
export type NoteOfVisit = typeof notesOfVisit.$inferSelect;
