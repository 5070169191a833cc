import { sql } from 'drizzle-orm';
import {
  boolean,
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './platform';
import { schools } from './schools';
import { tenantIdColumn, tenantIsolation, tenantTable } from './tenancy';

/**
 * Governance: the register of each school's governing body (who sits on it, in which category, appointed by
 * whom and until when), the board's constitution (places per category), and governors' training outside the
 * course engine. The LA keeps it to know its chairs and vice-chairs and to spot people on several boards.
 */

/** How a member of the board came to be on it; associate members and the clerk are not governors. */
export const governorCategory = pgEnum('governor_category', [
  'headteacher',
  'parent',
  'staff',
  'la',
  'co_opted',
  'foundation',
  'partnership',
  'associate_member',
  'clerk',
  // An academy's board, per its trust's articles and scheme of delegation: the trust board's trustees, and a
  // local governing body's governors appointed by the trust.
  'trustee',
  'local_governor',
]);
export type GovernorCategory = (typeof governorCategory.enumValues)[number];

/** An office on the board, held beside the category (a co-opted governor may chair it). */
export const governorOffice = pgEnum('governor_office', ['chair', 'vice_chair']);

export const governors = tenantTable(
  'governors',
  {
    schoolId: uuid('school_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    category: governorCategory('category').notNull(),
    office: governorOffice('office'),
    appointingBody: text('appointing_body').notNull().default(''),
    appointedOn: date('appointed_on', { mode: 'string' }).notNull(),
    /** Term of office in years (commonly four); null for the headteacher ex officio and the clerk. */
    termYears: integer('term_years'),
    termEndsOn: date('term_ends_on', { mode: 'string' }),
    steppedDownOn: date('stepped_down_on', { mode: 'string' }),
    /** Register of business and pecuniary interests: text, or a link to the school's published register. */
    businessInterests: text('business_interests').notNull().default(''),
    businessInterestsUrl: text('business_interests_url').notNull().default(''),
    /**
     * Meetings attended, as typed (e.g. "5 of 6"): published only while the school has recorded no meetings in
     * the last 12 months; otherwise attendance is counted from `governor_meeting_attendance`.
     */
    attendance: text('attendance').notNull().default(''),
    /** The person's Stride account, when they have one: they then see their record and book training. */
    userId: uuid('user_id').references(() => users.id),
    /** The term end date the 60-day alert went out for: once per term end (a renewed term is alerted again). */
    termEndAlertedFor: date('term_end_alerted_for', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('governors_school').on(t.tenantId, t.schoolId),
    index('governors_email').on(t.tenantId, sql`lower(${t.email})`),
    index('governors_user').on(t.tenantId, t.userId),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
  ],
);

/** Places per category on one school's board; the default follows the rules for maintained schools. */
export type ConstitutionPlaces = Partial<Record<GovernorCategory, number>>;

export const governingBodyConstitutions = pgTable(
  'governing_body_constitutions',
  {
    tenantId: tenantIdColumn(),
    schoolId: uuid('school_id').notNull(),
    places: jsonb('places').$type<ConstitutionPlaces>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.schoolId] }),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('governing_body_constitutions'),
  ],
);

/** Training a governor did outside the workspace's courses (another provider, online modules). */
export const governorTrainingRecords = tenantTable(
  'governor_training_records',
  {
    governorId: uuid('governor_id').notNull(),
    title: text('title').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    provider: text('provider').notNull().default(''),
    recordedByUserId: uuid('recorded_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('governor_training_governor').on(t.tenantId, t.governorId),
    foreignKey({
      columns: [t.tenantId, t.governorId],
      foreignColumns: [governors.tenantId, governors.id],
    }).onDelete('cascade'),
  ],
);

export type Governor = typeof governors.$inferSelect;

/** A meeting of the whole board, or of one of its committees (named: "Finance and resources"). */
export const governorMeetingKind = pgEnum('governor_meeting_kind', ['full_board', 'committee']);
export type GovernorMeetingKind = (typeof governorMeetingKind.enumValues)[number];

/**
 * A committee of one school's board ("Finance and resources", "Pupil discipline"), kept by the register's
 * keepers; its members are chosen from the register (`governor_committee_members`).
 */
export const governorCommittees = tenantTable(
  'governor_committees',
  {
    schoolId: uuid('school_id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('governor_committees_name').on(t.tenantId, t.schoolId, sql`lower(${t.name})`),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
  ],
);

/**
 * A membership of a committee, from the day the member joined it (`joinedOn`, which the clerk may backdate; at
 * the earliest their appointment to the board) to the day they were taken off it (`leftOn`, which they sat on it
 * until; null while they sit on it), kept afterwards so the board can say who sat on a committee in a past
 * year. A committee meeting expects those who were members on its day. Someone may rejoin: one open membership
 * each at a time, and memberships of one committee do not overlap.
 */
export const governorCommitteeMembers = tenantTable(
  'governor_committee_members',
  {
    committeeId: uuid('committee_id').notNull(),
    governorId: uuid('governor_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The database's date is only the migration's fill for older rows (set from `created_at` in London). */
    joinedOn: date('joined_on', { mode: 'string' })
      .notNull()
      .default(sql`current_date`),
    leftOn: date('left_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('governor_committee_members_once')
      .on(t.tenantId, t.committeeId, t.governorId)
      .where(sql`${t.leftOn} is null`),
    index('governor_committee_members_governor').on(t.tenantId, t.governorId),
    foreignKey({
      columns: [t.tenantId, t.committeeId],
      foreignColumns: [governorCommittees.tenantId, governorCommittees.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.governorId],
      foreignColumns: [governors.tenantId, governors.id],
    }).onDelete('cascade'),
  ],
);

export type GovernorCommittee = typeof governorCommittees.$inferSelect;

/**
 * A meeting the clerk recorded: who came to it (`governor_meeting_attendance`) is what the school publishes as
 * each governor's attendance over the last 12 months.
 */
export const governorMeetings = tenantTable(
  'governor_meetings',
  {
    schoolId: uuid('school_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    kind: governorMeetingKind('kind').notNull(),
    /**
     * The committee's name (kept in step with the committee's when it is renamed); empty for a full board
     * meeting. A committee meeting recorded before committees were kept has only this name.
     */
    committeeName: text('committee_name').notNull().default(''),
    /** The committee met; null for a full board meeting, one recorded before committees, or a deleted committee. */
    committeeId: uuid('committee_id'),
    /**
     * Whether the committee's members were recorded as expected at it (`governor_meeting_expected`): true for a
     * committee meeting recorded since committees are kept; false for the board's meetings, which expect
     * everyone on the board that day, and for older committee meetings (anyone on the board may be marked).
     */
    membersListed: boolean('members_listed').notNull().default(false),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('governor_meetings_school').on(t.tenantId, t.schoolId, t.heldOn),
    index('governor_meetings_committee').on(t.tenantId, t.committeeId),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    // No cascade: deleting a committee first detaches its meetings, which keep its name and attendance.
    foreignKey({
      columns: [t.tenantId, t.committeeId],
      foreignColumns: [governorCommittees.tenantId, governorCommittees.id],
    }),
  ],
);

/**
 * Who a committee meeting expected: the committee's members (on the board that day) when the meeting was
 * recorded, so a later change to the committee leaves the meeting's attendance and counts as they were.
 */
export const governorMeetingExpected = tenantTable(
  'governor_meeting_expected',
  {
    meetingId: uuid('meeting_id').notNull(),
    governorId: uuid('governor_id').notNull(),
  },
  (t) => [
    unique('governor_meeting_expected_once').on(t.tenantId, t.meetingId, t.governorId),
    index('governor_meeting_expected_governor').on(t.tenantId, t.governorId),
    foreignKey({
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [governorMeetings.tenantId, governorMeetings.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.governorId],
      foreignColumns: [governors.tenantId, governors.id],
    }).onDelete('cascade'),
  ],
);

/** Present, apologies sent and accepted by the board, or absent without them. Unmarked: not recorded. */
export const governorAttendanceStatus = pgEnum('governor_attendance_status', [
  'present',
  'apologies',
  'absent',
]);
export type GovernorAttendanceStatus = (typeof governorAttendanceStatus.enumValues)[number];

/** One governor's attendance at one meeting: at most one mark each. */
export const governorMeetingAttendance = tenantTable(
  'governor_meeting_attendance',
  {
    meetingId: uuid('meeting_id').notNull(),
    governorId: uuid('governor_id').notNull(),
    status: governorAttendanceStatus('status').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('governor_meeting_attendance_once').on(t.tenantId, t.meetingId, t.governorId),
    index('governor_meeting_attendance_governor').on(t.tenantId, t.governorId),
    foreignKey({
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [governorMeetings.tenantId, governorMeetings.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.governorId],
      foreignColumns: [governors.tenantId, governors.id],
    }).onDelete('cascade'),
  ],
);

export type GovernorMeeting = typeof governorMeetings.$inferSelect;

/** A link listed under a bulletin's text (a guidance document, a training page). */
export type BulletinLink = { label: string; url: string };

/**
 * Who a bulletin goes to: the boards of schools holding a governing-body package (their chairs and clerks, or
 * every member), or every governor and clerk on every board in the register (news every governor should have,
 * package or not).
 */
export const governorBulletinAudience = pgEnum('governor_bulletin_audience', [
  'package_schools',
  'all_boards',
]);
export type GovernorBulletinAudience = (typeof governorBulletinAudience.enumValues)[number];

/**
 * The termly governor bulletin: composed once by the workspace's governance officers and sent to the chairs
 * and clerks (optionally every governor) of the schools that hold a governing-body package.
 */
export const governorBulletins = tenantTable('governor_bulletins', {
  title: text('title').notNull(),
  /** Plain text with a little markdown (paragraphs, "- " lists, **bold**). */
  body: text('body').notNull(),
  links: jsonb('links').$type<BulletinLink[]>().notNull().default([]),
  /** Send to every current member of the boards, not only chairs and clerks (package schools' boards). */
  includeAllGovernors: boolean('include_all_governors').notNull().default(false),
  audience: governorBulletinAudience('audience').notNull().default('package_schools'),
  createdByUserId: uuid('created_by_user_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** The first send; later sends reach only people not yet sent it. */
  sentAt: timestamp('sent_at', { withTimezone: true }),
  sentByUserId: uuid('sent_by_user_id'),
  /** What the latest send found: addresses unsubscribed, and board members with no email address. */
  skippedUnsubscribed: integer('skipped_unsubscribed').notNull().default(0),
  skippedNoEmail: integer('skipped_no_email').notNull().default(0),
});

/** One address a bulletin was queued for: the unique key is what makes sending twice send nothing twice. */
export const governorBulletinRecipients = tenantTable(
  'governor_bulletin_recipients',
  {
    bulletinId: uuid('bulletin_id').notNull(),
    /** Lower case. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    schoolId: uuid('school_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('governor_bulletin_recipients_once').on(t.tenantId, t.bulletinId, t.email),
    foreignKey({
      columns: [t.tenantId, t.bulletinId],
      foreignColumns: [governorBulletins.tenantId, governorBulletins.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
  ],
);

/** Addresses that asked (by the link in a bulletin) to receive no more bulletins from this workspace. */
export const governorBulletinUnsubscribes = tenantTable(
  'governor_bulletin_unsubscribes',
  {
    /** Lower case. */
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('governor_bulletin_unsubscribes_email').on(t.tenantId, t.email)],
);

export type GovernorBulletin = typeof governorBulletins.$inferSelect;
