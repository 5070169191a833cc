import { DomainError } from '~/server/errors/domain-error';
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
  if (!ok) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
}

/**
 * The school a list is limited to: the one asked for (if the caller may see it); for a caller with only
 * school-bound roles and no choice, their own school; for staff with no choice, every school (undefined).
 */
export function scopeToSchool(
  memberships: readonly TenantMembership[],
  requested?: string,
): string | undefined {
  if (requested) {
    assertMaySeeSchool(memberships, requested);
    return requested;
  }
  if (memberships.some((m) => !isSchoolBound(m.role))) return undefined;
  const own = memberships.find((m) => m.schoolId)?.schoolId;
  if (!own)
    throw new DomainError({
      code: 'NOT_FOUND',
      message: 'You are not linked to a school in this workspace.',
    });
  return own;
}
