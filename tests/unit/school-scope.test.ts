import { DomainError } from '~/server/errors/domain-error';
import { describe, expect, it } from 'vitest';
import { roles, schoolBoundRoles, type Role } from '~/db/schema';
import type { TenantMembership } from '~/server/workspaces/list-memberships';
import { assertMaySeeSchool } from '~/server/workspaces/school-scope';

const OWN_SCHOOL = '5b0c2f4e-1d1a-4f57-9a43-0c9a1e7d0001';
const OTHER_SCHOOL = '5b0c2f4e-1d1a-4f57-9a43-0c9a1e7d0002';

const staffRoles = roles.filter((r) => !(schoolBoundRoles as readonly Role[]).includes(r));

let nextId = 0;
function membership(role: Role, schoolId: string | null = null): TenantMembership {
  nextId += 1;
  return { id: `membership-${nextId}`, role, schoolId };
}

/** The error assertMaySeeSchool throws, or undefined when it lets the user through. */
function errorOf(memberships: readonly TenantMembership[], schoolId: string): unknown {
  try {
    assertMaySeeSchool(memberships, schoolId);
    return undefined;
  } catch (e) {
    return e;
  }
}

function expectNotFound(memberships: readonly TenantMembership[], schoolId: string): void {
  const error = errorOf(memberships, schoolId);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('NOT_FOUND');
}

describe('assertMaySeeSchool', () => {
  it('treats exactly tenant_admin, finance, adviser and la_officer as staff roles', () => {
    expect([...staffRoles].sort()).toEqual(['adviser', 'finance', 'la_officer', 'tenant_admin']);
    expect([...schoolBoundRoles].sort()).toEqual(['ect', 'governor', 'school_admin', 'school_staff']);
  });

  it.each(staffRoles)('lets %s see any school of the tenant', (role) => {
    expect(() => assertMaySeeSchool([membership(role)], OWN_SCHOOL)).not.toThrow();
    expect(() => assertMaySeeSchool([membership(role)], OTHER_SCHOOL)).not.toThrow();
  });

  it.each(schoolBoundRoles)('lets %s see their own school', (role) => {
    expect(() => assertMaySeeSchool([membership(role, OWN_SCHOOL)], OWN_SCHOOL)).not.toThrow();
  });

  it.each(schoolBoundRoles)('hides another school from %s with NOT_FOUND', (role) => {
    expectNotFound([membership(role, OWN_SCHOOL)], OTHER_SCHOOL);
  });

  it.each(schoolBoundRoles)('hides every school from %s when the membership has no school', (role) => {
    expectNotFound([membership(role, null)], OWN_SCHOOL);
  });

  it('throws NOT_FOUND, not FORBIDDEN, so a school user cannot learn which schools exist', () => {
    const error = errorOf([membership('school_admin', OWN_SCHOOL)], OTHER_SCHOOL);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).not.toBe('FORBIDDEN');
    expect((error as DomainError).message).not.toContain(OTHER_SCHOOL);
  });

  it('hides every school from a user with no membership in the tenant', () => {
    expectNotFound([], OWN_SCHOOL);
  });

  it.each(staffRoles)('lets a user with a school-bound and a %s membership see any school', (role) => {
    const memberships = [membership('school_admin', OWN_SCHOOL), membership(role)];
    expect(() => assertMaySeeSchool(memberships, OTHER_SCHOOL)).not.toThrow();
    expect(() => assertMaySeeSchool([...memberships].reverse(), OTHER_SCHOOL)).not.toThrow();
  });

  it('lets a user bound to two schools see both, and no third', () => {
    const third = '5b0c2f4e-1d1a-4f57-9a43-0c9a1e7d0003';
    const memberships = [membership('governor', OWN_SCHOOL), membership('school_staff', OTHER_SCHOOL)];
    expect(() => assertMaySeeSchool(memberships, OWN_SCHOOL)).not.toThrow();
    expect(() => assertMaySeeSchool(memberships, OTHER_SCHOOL)).not.toThrow();
    expectNotFound(memberships, third);
  });

  it('compares school ids exactly', () => {
    expectNotFound([membership('ect', OWN_SCHOOL)], OWN_SCHOOL.toUpperCase());
    expectNotFound([membership('ect', OWN_SCHOOL)], '');
  });
});
