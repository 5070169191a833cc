import { and, eq, sql } from 'drizzle-orm';
import { executeRows, type Tx } from '~/db/client';
import { memberships, tenants } from '~/db/schema';

export type TenantMembership = {
  id: string;
  role: (typeof memberships.$inferSelect)['role'];
  schoolId: string | null;
};

/** The user's memberships in one tenant. Runs under withUser (the own-rows policy). */
export function listMembershipsInTenant(
  tx: Tx,
  tenantId: string,
  userId: string,
): Promise<TenantMembership[]> {
  return tx
    .select({ id: memberships.id, role: memberships.role, schoolId: memberships.schoolId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
}

export type WorkspaceOfUser = {
  slug: string;
  name: string;
  shortName: string;
  kind: (typeof tenants.$inferSelect)['kind'];
  roles: TenantMembership['role'][];
  /** Suspended by the platform: listed so the person knows, but it opens only the suspended page. */
  suspended: boolean;
};

/**
 * Every workspace the user belongs to, with their roles there: the workspace switcher. Runs under withUser.
 * Hand-written, one row per workspace: every workspace page's layout reads it.
 */
export async function listWorkspacesOfUser(tx: Tx, userId: string): Promise<WorkspaceOfUser[]> {
  return executeRows<WorkspaceOfUser>(
    tx,
    sql`select t.slug, t.name, t.short_name as "shortName", t.kind,
        json_agg(distinct m.role::text order by m.role::text) as roles,
        t.suspended_at is not null as suspended
      from memberships m
      join tenants t on t.id = m.tenant_id
      where m.user_id = ${userId}::uuid
      group by t.id
      order by t.name, t.slug`,
  );
}
