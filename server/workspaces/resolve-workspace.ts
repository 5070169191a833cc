import { sql } from 'drizzle-orm';
import { executeRows, type Tx } from '~/db/client';
import type { Tenant } from './find-tenant';
import type { TenantMembership } from './list-memberships';

/**
 * In a transaction already scoped to the user (`scopeTransaction(tx, { userId })`): finds the workspace by
 * its slug with the user's memberships there and their account's current address, and scopes the rest of the transaction to that workspace, all
 * in one statement. The request's lookup, membership check and work then share one transaction.
 */
export async function resolveWorkspace(
  tx: Tx,
  slug: string,
  userId: string | null,
): Promise<{ tenant: Tenant; memberships: TenantMembership[]; account: Account | null } | undefined> {
  // Hand-written: every tenant request runs it, and building it with the query builder cost more CPU than
  // running it. JSON keeps both drivers' answers the same shape (arrays, jsonb and timestamps alike).
  const [row] = await executeRows<{
    tenant: TenantJson;
    memberships: TenantMembership[];
    account: Account | null;
  }>(
    tx,
    sql`select
      json_build_object('id', t.id, 'slug', t.slug, 'name', t.name, 'shortName', t.short_name, 'kind', t.kind,
        'laCodes', t.la_codes, 'modules', t.modules, 'settings', t.settings, 'suspendedAt', t.suspended_at,
        'suspendedReason', t.suspended_reason, 'createdAt', t.created_at) as tenant,
      coalesce((
        select json_agg(json_build_object('id', m.id, 'role', m.role, 'schoolId', m.school_id))
        from memberships m where m.tenant_id = t.id and m.user_id = ${userId}::uuid
      ), '[]'::json) as memberships,
      (select json_build_object('email', u.email, 'name', u.name) from users u where u.id = ${userId}::uuid)
        as account,
      set_config('app.tenant_id', t.id::text, true) as scoped
    from tenants t where t.slug = ${slug} limit 1`,
  );
  if (!row) return undefined;
  const { suspendedAt, createdAt, ...tenant } = row.tenant;
  return {
    tenant: {
      ...tenant,
      suspendedAt: suspendedAt === null ? null : new Date(suspendedAt),
      createdAt: new Date(createdAt),
    },
    memberships: row.memberships,
    account: row.account,
  };
}

/**
 * The signed-in person's address and name as their account has them now: a session cookie keeps the ones it
 * was issued with (up to 12 hours), and records are matched by address (an ECT to their own induction record).
 */
type Account = { email: string; name: string };

type TenantJson = Omit<Tenant, 'suspendedAt' | 'createdAt'> & {
  suspendedAt: string | null;
  createdAt: string;
};
