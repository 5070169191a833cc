import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { entitlementUnit } from './catalogue';
import { schools } from './schools';
import { tenantIdColumn, tenantIsolation } from './tenancy';

/**
 * Courses: CPD courses, seminars and networks, and (through `programme`) the ECT induction programme and
 * governor training, which share the same engine: sessions, places, waiting list, attendance, evaluation.
 */

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const courseProgramme = pgEnum('course_programme', ['cpd', 'ect_induction', 'governor_training']);
export const courseFormat = pgEnum('course_format', ['in_person', 'online', 'hybrid', 'twilight']);
export const courseStatus = pgEnum('course_status', ['draft', 'published', 'cancelled']);
export const courseSessionKind = pgEnum('course_session_kind', [
  'full_day',
  'half_day',
  'twilight',
  'session',
]);

/** What a cancelled or missed place costs, as data on the course (e.g. free until 10 working days, 50% after). */
export type CancellationTerms = {
  /** A place cancelled at least this many working days before the first session is free (entitlement returned). */
  freeUntilWorkingDays: number;
  /** The share of the price charged for a later cancellation (0–100). */
  lateCancellationPercent: number;
  /** The share charged when a booked delegate does not attend (0–100). */
  noShowPercent: number;
};

export type Facilitator = { name: string; userId: string | null };

export const courses = pgTable(
  'courses',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    programme: courseProgramme('programme').notNull().default('cpd'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Who it is for: teachers, leaders, support_staff, governors, clerks, ects, mentors. */
    audiences: text('audiences')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** GIAS-like phase: Primary, Secondary, All phases… */
    phase: text('phase').notNull().default('All phases'),
    subject: text('subject').notNull().default(''),
    keyStage: text('key_stage').notNull().default(''),
    format: courseFormat('format').notNull(),
    venue: text('venue').notNull().default(''),
    /** Sent to booked delegates only; never shown in the public catalogue. */
    joiningLink: text('joining_link').notNull().default(''),
    facilitators: jsonb('facilitators').$type<Facilitator[]>().notNull().default([]),
    status: courseStatus('status').notNull().default('draft'),
    capacity: integer('capacity').notNull(),
    /**
     * Confirmed places plus waiting-list offers on hold. The booking takes it with one conditional UPDATE, so
     * it is the lock; the CHECK makes overbooking impossible even for a bug.
     */
    placesTaken: integer('places_taken').notNull().default(0),
    bookingDeadline: date('booking_deadline', { mode: 'string' }),
    minimumNumbers: integer('minimum_numbers').notNull().default(0),
    goNoGoOn: date('go_no_go_on', { mode: 'string' }),
    /**
     * The go/no-go date the managers were last warned of (the course below its minimum numbers): a date moved
     * later is warned of again.
     */
    goNoGoAlertedFor: date('go_no_go_alerted_for', { mode: 'string' }),
    memberPricePence: integer('member_price_pence').notNull().default(0),
    nonMemberPricePence: integer('non_member_price_pence').notNull().default(0),
    /** For schools outside the workspace's local authorities. */
    outOfAreaPricePence: integer('out_of_area_price_pence').notNull().default(0),
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull().default(0),
    /** The entitlement line a place may draw from; null = always charged. */
    entitlementUnit: entitlementUnit('entitlement_unit'),
    entitlementCategory: text('entitlement_category').notNull().default(''),
    cancellationTerms: jsonb('cancellation_terms').$type<CancellationTerms>().notNull(),
    /** How long a waiting-list offer is held for the person offered it. */
    holdHours: integer('hold_hours').notNull().default(48),
    /** School staff bookings wait for their headteacher's approval. */
    staffBookingNeedsApproval: boolean('staff_booking_needs_approval').notNull().default(false),
    /** Training the LA considers necessary: free to every governor of a maintained school (s22 Education Act 2002). */
    statutoryFreeForGovernors: boolean('statutory_free_for_governors').notNull().default(false),
    /** The first and last session, kept in step with the sessions: the catalogue sorts and filters on them. */
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    duplicatedFromId: uuid('duplicated_from_id'),
    cancelledReason: text('cancelled_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Raised by one on every change that sends delegates an updated invite (details or dates edited, course
     * cancelled). With the booking's own counter it makes each place's ics SEQUENCE (server/courses/course-invite.ts).
     */
    inviteSequence: integer('invite_sequence').notNull().default(0),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', title || ' ' || subject || ' ' || description)`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('courses_places_within_capacity', sql`${t.placesTaken} >= 0 and ${t.placesTaken} <= ${t.capacity}`),
    check('courses_capacity_positive', sql`${t.capacity} > 0`),
    check(
      'courses_prices_non_negative',
      sql`${t.memberPricePence} >= 0 and ${t.nonMemberPricePence} >= 0 and ${t.outOfAreaPricePence} >= 0`,
    ),
    index('courses_catalogue').on(t.tenantId, t.status, t.startsOn),
    // The public catalogue's order (starts_on, title, id) over published courses: a page reads its own rows.
    index('courses_catalogue_published')
      .on(t.tenantId, t.startsOn, t.title, t.id)
      .where(sql`${t.status} = 'published'`),
    index('courses_search').using('gin', t.search),
    tenantIsolation('courses'),
  ],
);

/** One dated session of a course, in London local time (a 34-session induction programme has 34). */
export const courseSessions = pgTable(
  'course_sessions',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    courseId: uuid('course_id').notNull(),
    sequence: integer('sequence').notNull(),
    title: text('title').notNull().default(''),
    kind: courseSessionKind('kind').notNull().default('session'),
    on: date('on', { mode: 'string' }).notNull(),
    /** Local London wall-clock times, "HH:MM". */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    /** The same instants in UTC, computed from the London times (BST or GMT as the date falls). */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Attendance at every required session earns the certificate. */
    required: boolean('required').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('course_sessions_sequence').on(t.tenantId, t.courseId, t.sequence),
    check('course_sessions_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    foreignKey({
      columns: [t.tenantId, t.courseId],
      foreignColumns: [courses.tenantId, courses.id],
    }).onDelete('cascade'),
    tenantIsolation('course_sessions'),
  ],
);

export const bookingStatus = pgEnum('course_booking_status', ['pending_approval', 'confirmed', 'cancelled']);
export const bookingFunding = pgEnum('course_booking_funding', ['entitlement', 'charge', 'free']);

/** One delegate's place on a course, booked for (and paid by) a school. */
export const courseBookings = pgTable(
  'course_bookings',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    courseId: uuid('course_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    delegateName: text('delegate_name').notNull(),
    delegateEmail: text('delegate_email').notNull(),
    delegateRole: text('delegate_role').notNull().default(''),
    /**
     * Access or dietary needs the booker told the organisers of (optional, free text): shown to the course's
     * organisers and on the register, erased with the delegate's other details.
     */
    delegateNeeds: text('delegate_needs').notNull().default(''),
    /** The delegate's own account, when they have one (a school_staff booking themselves). */
    delegateUserId: uuid('delegate_user_id'),
    bookedByUserId: uuid('booked_by_user_id'),
    status: bookingStatus('status').notNull(),
    funding: bookingFunding('funding'),
    pricePence: integer('price_pence').notNull().default(0),
    entitlementEntryId: uuid('entitlement_entry_id'),
    chargeableItemId: uuid('chargeable_item_id'),
    /** The charge a late cancellation or no-show raised. */
    penaltyChargeItemId: uuid('penalty_charge_item_id'),
    /** Earlier delegates the place was handed on from (substitution). */
    previousDelegates: jsonb('previous_delegates')
      .$type<{ name: string; email: string; role: string; until: string }[]>()
      .notNull()
      .default([]),
    /** Hash of the delegate's own link (certificate, evaluation) — the link itself is only in their email. */
    accessTokenHash: text('access_token_hash'),
    /** Hash of the link in the post-course evaluation request (the link itself is only in that email). */
    evaluationTokenHash: text('evaluation_token_hash'),
    /** When the reminder (two working days before) was queued: the job sends it once. */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    /** When the evaluation request was queued: the job sends it once. */
    evaluationRequestedAt: timestamp('evaluation_requested_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledReason: text('cancelled_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Raised by one on every change to this place that sends an invite (cancelled, delegate substituted). */
    inviteSequence: integer('invite_sequence').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('course_bookings_course').on(t.tenantId, t.courseId, t.status),
    index('course_bookings_school').on(t.tenantId, t.schoolId),
    // One live place per person per course.
    uniqueIndex('course_bookings_one_per_delegate')
      .on(t.tenantId, t.courseId, sql`lower(${t.delegateEmail})`)
      .where(sql`status <> 'cancelled'`),
    uniqueIndex('course_bookings_access_token').on(t.accessTokenHash),
    uniqueIndex('course_bookings_evaluation_token').on(t.evaluationTokenHash),
    foreignKey({ columns: [t.tenantId, t.courseId], foreignColumns: [courses.tenantId, courses.id] }),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('course_bookings'),
  ],
);

export const waitlistStatus = pgEnum('course_waitlist_status', [
  'waiting',
  'offered',
  'claimed',
  'expired',
  'withdrawn',
]);

/** A delegate waiting for a place; when one frees up, the first waiting is offered it with a hold. */
export const courseWaitlistEntries = pgTable(
  'course_waitlist_entries',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    courseId: uuid('course_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    delegateName: text('delegate_name').notNull(),
    delegateEmail: text('delegate_email').notNull(),
    delegateRole: text('delegate_role').notNull().default(''),
    delegateUserId: uuid('delegate_user_id'),
    addedByUserId: uuid('added_by_user_id'),
    status: waitlistStatus('status').notNull().default('waiting'),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    /** Hash of the claim link in the offer email. */
    claimTokenHash: text('claim_token_hash'),
    bookingId: uuid('booking_id'),
    /**
     * Why the entry ended without anyone choosing it, for the manager: a place came free (or its offer was
     * claimed) after the school had closed, so the place passed over them ("… closed on 31 August 2025, so it
     * cannot be booked onto courses."). Null for an entry that is live, claimed, expired or left.
     */
    endedReason: text('ended_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Place in the queue: people joining in one booking share a created_at (the transaction's start). */
    queuedOrder: bigserial('queued_order', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('course_waitlist_queue').on(t.tenantId, t.courseId, t.status, t.queuedOrder),
    index('course_waitlist_holds')
      .on(t.holdExpiresAt)
      .where(sql`status = 'offered'`),
    uniqueIndex('course_waitlist_one_per_delegate')
      .on(t.tenantId, t.courseId, sql`lower(${t.delegateEmail})`)
      .where(sql`status in ('waiting', 'offered')`),
    uniqueIndex('course_waitlist_claim_token').on(t.claimTokenHash),
    foreignKey({ columns: [t.tenantId, t.courseId], foreignColumns: [courses.tenantId, courses.id] }),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('course_waitlist_entries'),
  ],
);

export const attendanceStatus = pgEnum('course_attendance_status', ['attended', 'absent', 'late']);

/** The register: one mark per booked delegate per session. */
export const courseAttendance = pgTable(
  'course_attendance',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    bookingId: uuid('booking_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    status: attendanceStatus('status').notNull(),
    markedByUserId: uuid('marked_by_user_id'),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('course_attendance_one_mark').on(t.tenantId, t.bookingId, t.sessionId),
    foreignKey({
      columns: [t.tenantId, t.bookingId],
      foreignColumns: [courseBookings.tenantId, courseBookings.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.sessionId],
      foreignColumns: [courseSessions.tenantId, courseSessions.id],
    }).onDelete('cascade'),
    tenantIsolation('course_attendance'),
  ],
);

/** A delegate's evaluation of the course: ratings 1–5 by question, and free text. */
export const courseEvaluations = pgTable(
  'course_evaluations',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    bookingId: uuid('booking_id').notNull(),
    courseId: uuid('course_id').notNull(),
    ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
    comments: text('comments').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('course_evaluations_one_per_booking').on(t.tenantId, t.bookingId),
    index('course_evaluations_course').on(t.tenantId, t.courseId),
    foreignKey({
      columns: [t.tenantId, t.bookingId],
      foreignColumns: [courseBookings.tenantId, courseBookings.id],
    }),
    foreignKey({ columns: [t.tenantId, t.courseId], foreignColumns: [courses.tenantId, courses.id] }),
    tenantIsolation('course_evaluations'),
  ],
);

/**
 * A message the course's organisers emailed to its delegates (joining instructions, what to bring, a room
 * change): kept so the course page can say what was sent, when, by whom and to how many.
 */
export const courseMessages = pgTable(
  'course_messages',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    courseId: uuid('course_id').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** How many people it went to (confirmed delegates, and the waiting list when included). */
    recipients: integer('recipients').notNull(),
    includesWaitingList: boolean('includes_waiting_list').notNull().default(false),
    sentByUserId: uuid('sent_by_user_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('course_messages_course').on(t.tenantId, t.courseId, t.sentAt),
    foreignKey({ columns: [t.tenantId, t.courseId], foreignColumns: [courses.tenantId, courses.id] }),
    tenantIsolation('course_messages'),
  ],
);

export type Course = typeof courses.$inferSelect;
export type CourseSession = typeof courseSessions.$inferSelect;
export type CourseBooking = typeof courseBookings.$inferSelect;
export type CourseWaitlistEntry = typeof courseWaitlistEntries.$inferSelect;
export type CourseMessage = typeof courseMessages.$inferSelect;
