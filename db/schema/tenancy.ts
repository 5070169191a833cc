import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './platform';

/**
 * The role the app runs as at request time. It owns nothing, so row-level security always
 * applies to it. Created by the first (hand-written) migration; drizzle-kit must not manage it.
 */
export const appRole = pgRole('stride_app').existing();

/** The tenant of the current transaction; an empty or missing setting matches no rows. */
export const currentTenantId = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;
/** The signed-in user of the current transaction (used only where a user spans tenants). */
export const currentUserId = sql`nullif(current_setting('app.user_id', true), '')::uuid`;

/** Every tenant-owned table starts with this column. */
export const tenantIdColumn = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id);

/** The one policy every tenant-owned table carries: rows of the current tenant only, for every command. */
export const tenantIsolation = (table: string) =>
  pgPolicy(`${table}_tenant_isolation`, {
    as: 'permissive',
    to: appRole,
    for: 'all',
    using: sql`tenant_id = ${currentTenantId}`,
    withCheck: sql`tenant_id = ${currentTenantId}`,
  });
