import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIdColumn, tenantIsolation } from './tenancy';

/** One row per state-changing procedure call, written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    actorUserId: uuid('actor_user_id').notNull(),
    /** The procedure path, e.g. "schools.update". */
    action: text('action').notNull(),
    /** Ids the caller named (what the change was aimed at). */
    targetIds: jsonb('target_ids').$type<Record<string, string>>().notNull().default({}),
    /** Ids the change produced or touched, as the domain reported them. */
    resultIds: jsonb('result_ids').$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_log_tenant_created').on(t.tenantId, t.createdAt),
    tenantIsolation('audit_log'),
  ],
);
