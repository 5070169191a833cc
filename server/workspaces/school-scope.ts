import { TRPCError } from '@trpc/server';
import { schoolBoundRoles, type Role } from '~/db/schema';
import type { TenantMembership } from './list-memberships';

const isSchoolBound = (role: Role) => (schoolBoundRoles as readonly Role[]).includes(role);

/**
 * School-bound roles (headteacher, staff, governor, ECT) may act only for their own school;
 * workspace staff roles may act for any school of the tenant.
 */
export function assertMaySeeSchool(memberships: readonly TenantMembership[], schoolId: string): void {
  const ok = memberships.some((m) => !isSchoolBound(m.role) || m.schoolId === schoolId);
  // NOT_FOUND, not FORBIDDEN: a school user must not learn which other schools exist.
  if (!ok) throw new TRPCError({ code: 'NOT_FOUND', message: 'That school was not found.' });
}
