import { sql } from 'drizzle-orm';
import { check, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantTable } from './tenancy';

/** One row per state-changing procedure call or job run, written in the same transaction as the change. */
export const auditLog = tenantTable(
  'audit_log',
  {
    /** The person who made the change; null when a system job did (see actor_label). */
    actorUserId: uuid('actor_user_id'),
    /** Who made the change when it was not a person, e.g. "job:renewal-reminders". */
    actorLabel: text('actor_label'),
    /** The procedure path, e.g. "schools.update". */
    action: text('action').notNull(),
    /** Ids the caller named (what the change was aimed at). */
    targetIds: jsonb('target_ids').$type<Record<string, string>>().notNull().default({}),
    /** Ids the change produced or touched, as the domain reported them. */
    resultIds: jsonb('result_ids').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_tenant_created').on(t.tenantId, t.createdAt),
    check('audit_log_actor', sql`actor_user_id is not null or actor_label is not null`),
  ],
);
