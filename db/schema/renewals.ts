import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
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

/** Buy-back season: the manager invites this year's subscribers to renew for next year. */
export const renewalRounds = pgTable(
  'renewal_rounds',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** The share of schools that must sign for the offer to be viable (HSIP: 90%). */
    targetPercent: integer('target_percent').notNull().default(90),
    /**
     * Schools that have not answered are reminded automatically this many days after their invitation or
     * last reminder, until the round closes; null = reminders only when the manager sends them.
     */
    reminderIntervalDays: integer('reminder_interval_days'),
    openedByUserId: uuid('opened_by_user_id').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('renewal_rounds_tenant_to_year').on(t.tenantId, t.toYear),
    tenantIsolation('renewal_rounds'),
  ],
);

export const renewalDecision = pgEnum('renewal_decision', ['pending', 'renewed', 'changed', 'declined']);

/** One school's invitation in a round, and its answer. */
export const renewalInvitations = pgTable(
  'renewal_invitations',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    roundId: uuid('round_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    decision: renewalDecision('decision').notNull().default('pending'),
    declineReason: text('decline_reason'),
    respondedByUserId: uuid('responded_by_user_id'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('renewal_invitations_round_school').on(t.tenantId, t.roundId, t.schoolId),
    foreignKey({
      columns: [t.tenantId, t.roundId],
      foreignColumns: [renewalRounds.tenantId, renewalRounds.id],
    }),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('renewal_invitations'),
  ],
);

/**
 * A one-click link emailed to one person at the school. Only a hash of the token is kept; the link acts as
 * that user for this invitation only, until the round closes.
 */
export const renewalLinks = pgTable(
  'renewal_links',
  {
    tenantId: tenantIdColumn(),
    tokenHash: text('token_hash').notNull(),
    invitationId: uuid('invitation_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.tokenHash] }),
    index('renewal_links_invitation').on(t.tenantId, t.invitationId),
    foreignKey({
      columns: [t.tenantId, t.invitationId],
      foreignColumns: [renewalInvitations.tenantId, renewalInvitations.id],
    }),
    tenantIsolation('renewal_links'),
  ],
);
