import { count, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, schools, type Role } from '~/db/schema';
import type { Actor } from '../access/actor';
import { hasRole, staff } from '../access/role-groups';
import type { TenantMembership } from './list-memberships';
import { visibleSections } from './navigation';
import { openStatuses } from '../schools/school-status';
import { membershipsHere } from '~/server/workspaces/memberships-here';

/** What every page of a workspace needs: the tenant, the caller's roles and schools, and the navigation. */
export async function getWorkspace(tx: Tx, tenant: Actor, mine: readonly TenantMembership[]) {
  const roles = [...new Set(mine.map((m) => m.role))];
  const schoolIds = mine.flatMap((m) => (m.schoolId ? [m.schoolId] : []));
  const mySchools =
    schoolIds.length === 0
      ? []
      : await tx
          .select({
            id: schools.id,
            name: schools.name,
            urn: schools.urn,
            phase: schools.phase,
            type: schools.type,
            numberOfPupils: schools.numberOfPupils,
            headteacherName: schools.headteacherName,
            status: schools.status,
            closedOn: schools.closedOn,
          })
          .from(schools)
          .where(inArray(schools.id, schoolIds));
  return {
    tenant: {
      id: tenant.tenantId,
      slug: tenant.slug,
      name: tenant.name,
      shortName: tenant.shortName,
      kind: tenant.kind,
      laCodes: tenant.laCodes,
      modules: tenant.modules,
      settings: tenant.settings,
    },
    roles,
    mySchools,
    /** The schools the caller leads (as headteacher or business manager). */
    ledSchoolIds: mine.flatMap((m) => (m.role === 'school_admin' && m.schoolId ? [m.schoolId] : [])),
    sections: visibleSections(tenant.modules, roles, tenant),
  };
}

/** Headline figures for workspace staff; school users see their own school instead. */
export async function getStaffFigures(tx: Tx, roles: readonly Role[]) {
  if (!hasRole(roles, staff)) return null;
  const [open] = await tx
    .select({ n: count() })
    .from(schools)
    .where(inArray(schools.status, [...openStatuses]));
  const [people] = await tx.select({ n: count() }).from(memberships).where(membershipsHere);
  const byPhase = await tx
    .select({ phase: schools.phase, n: count() })
    .from(schools)
    .where(inArray(schools.status, [...openStatuses]))
    .groupBy(schools.phase)
    .orderBy(schools.phase);
  return { openSchools: open?.n ?? 0, memberships: people?.n ?? 0, byPhase };
}
