import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, tenants } from '~/db/schema';
import type { Tenant } from './find-tenant';
import type { TenantMembership } from './list-memberships';

/**
 * In a transaction already scoped to the user (`scopeTransaction(tx, { userId })`): finds the workspace by
 * its slug with the user's memberships there, and scopes the rest of the transaction to that workspace, all
 * in one statement. The request's lookup, membership check and work then share one transaction.
 */
export async function resolveWorkspace(
  tx: Tx,
  slug: string,
  userId: string | null,
): Promise<{ tenant: Tenant; memberships: TenantMembership[] } | undefined> {
  const mine = userId
    ? sql<TenantMembership[]>`coalesce((
        select json_agg(json_build_object('id', ${memberships.id}, 'role', ${memberships.role}, 'schoolId', ${memberships.schoolId}))
        from ${memberships}
        where ${and(eq(memberships.tenantId, tenants.id), eq(memberships.userId, userId))}
      ), '[]'::json)`
    : sql<TenantMembership[]>`'[]'::json`;
  const [row] = await tx
    .select({
      tenant: tenants,
      memberships: mine,
      scoped: sql<string>`set_config('app.tenant_id', ${tenants.id}::text, true)`,
    })
    .from(tenants)
    .where(eq(tenants.slug, slug))
    .limit(1);
  if (!row) return undefined;
  return { tenant: row.tenant, memberships: row.memberships };
}
