import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
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

/** Every workspace the user belongs to, with their roles there: the workspace switcher. Runs under withUser. */
export async function listWorkspacesOfUser(tx: Tx, userId: string): Promise<WorkspaceOfUser[]> {
  const rows = await tx
    .select({
      slug: tenants.slug,
      name: tenants.name,
      shortName: tenants.shortName,
      kind: tenants.kind,
      role: memberships.role,
      suspendedAt: tenants.suspendedAt,
    })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(tenants.name));
  const bySlug = new Map<string, WorkspaceOfUser>();
  for (const row of rows) {
    const entry = bySlug.get(row.slug) ?? { ...row, roles: [], suspended: row.suspendedAt !== null };
    if (!entry.roles.includes(row.role)) entry.roles.push(row.role);
    bySlug.set(row.slug, entry);
  }
  return [...bySlug.values()].map(({ slug, name, shortName, kind, roles, suspended }) => ({
    slug,
    name,
    shortName,
    kind,
    roles,
    suspended,
  }));
}
