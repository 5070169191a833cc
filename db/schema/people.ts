import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { membershipRole } from './memberships';
import { users } from './platform';
import { schools } from './schools';
import { tenantIdColumn, tenantIsolation } from './tenancy';

/**
 * An invitation to join a workspace in a role (bound to one of its schools for school roles). The emailed
 * token is kept only as a hash; it works once, until it expires, for the address it was sent to.
 */
export const invitations = pgTable(
  'invitations',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    /** Stored lower-cased; only a person signed in with this address may accept. */
    email: text('email').notNull(),
    role: membershipRole('role').notNull(),
    schoolId: uuid('school_id'),
    tokenHash: text('token_hash').notNull(),
    /** The inviter (a tenant manager, or a platform administrator inviting a workspace's first manager). */
    invitedBy: uuid('invited_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    /** Set when a manager withdraws it, or a newer invitation (a resend) replaces it. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('invitations_token_hash').on(t.tokenHash),
    index('invitations_tenant_email').on(t.tenantId, t.email),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('invitations'),
  ],
);

/** A membership that ended (removed, or replaced by a role change): who, what, from when to when, by whom. */
export const membershipHistory = pgTable(
  'membership_history',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    membershipId: uuid('membership_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: membershipRole('role').notNull(),
    schoolId: uuid('school_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }).notNull().defaultNow(),
    endedBy: uuid('ended_by').notNull(),
    reason: text('reason').$type<'removed' | 'role_changed'>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('membership_history_user').on(t.tenantId, t.userId),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('membership_history'),
  ],
);

export const accessRequestStatus = pgEnum('access_request_status', ['pending', 'approved', 'declined']);

/**
 * A signed-in person with no membership asks to join one of a workspace's schools as a member of staff; the
 * school's headteacher (school_admin) or the workspace's manager decides. Until then they see nothing.
 */
export const accessRequests = pgTable(
  'access_requests',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    schoolId: uuid('school_id').notNull(),
    jobTitle: text('job_title').notNull(),
    message: text('message').notNull().default(''),
    status: accessRequestStatus('status').notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('access_requests_tenant_status').on(t.tenantId, t.status),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('access_requests'),
  ],
);
