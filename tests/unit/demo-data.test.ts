import { describe, expect, it } from 'vitest';
import { roles, schoolBoundRoles, type Role } from '~/db/schema';
import { allSchools, superadmin, tenants, users, type SeedMembership } from '~/seed/demo-data';

const isSchoolBound = (role: Role) => (schoolBoundRoles as readonly Role[]).includes(role);
const tenantSlugs = tenants.map((t) => t.slug);
const schoolByUrn = new Map(allSchools.map((s) => [s.urn, s]));

/** Every membership in the seed, flattened with its user and tenant slug. */
const allMemberships: { email: string; tenant: string; membership: SeedMembership }[] = users.flatMap((u) =>
  Object.entries(u.memberships).flatMap(([tenant, list]) =>
    list.map((membership) => ({ email: u.email, tenant, membership })),
  ),
);

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dups = new Set<T>();
  for (const v of values) (seen.has(v) ? dups : seen).add(v);
  return [...dups];
}

function tenant(slug: string) {
  const t = tenants.find((x) => x.slug === slug);
  if (!t) throw new Error(`no demo tenant ${slug}`);
  return t;
}

describe('demo schools', () => {
  it('has unique URNs', () => {
    expect(duplicates(allSchools.map((s) => s.urn))).toEqual([]);
  });

  it('has 6-digit URNs', () => {
    for (const s of allSchools) expect(String(s.urn), s.name).toMatch(/^\d{6}$/);
  });

  it('has unique LAESTABs (laCode + establishmentNumber)', () => {
    expect(duplicates(allSchools.map((s) => `${s.laCode}${s.establishmentNumber}`))).toEqual([]);
  });

  it('has 3-digit LA codes and 4-digit establishment numbers', () => {
    for (const s of allSchools) {
      expect(s.laCode, s.name).toMatch(/^\d{3}$/);
      expect(s.establishmentNumber, s.name).toMatch(/^\d{4}$/);
    }
  });

  it('uses one LA name per LA code', () => {
    const names = new Map<string, Set<string>>();
    for (const s of allSchools) names.set(s.laCode, (names.get(s.laCode) ?? new Set()).add(s.laName));
    for (const [code, set] of names) expect([...set], code).toHaveLength(1);
  });
});

describe('demo tenants', () => {
  it('are the six expected workspaces, with unique slugs', () => {
    expect([...tenantSlugs].sort()).toEqual(['barnet', 'bep', 'birmingham', 'harrow', 'hsip', 'nwlhub']);
    expect(duplicates(tenantSlugs)).toEqual([]);
  });

  it('name only schools that exist in allSchools', () => {
    for (const t of tenants) {
      const missing = t.schoolUrns.filter((urn) => !schoolByUrn.has(urn));
      expect(missing, t.slug).toEqual([]);
    }
  });

  it('name each school at most once', () => {
    for (const t of tenants) expect(duplicates(t.schoolUrns), t.slug).toEqual([]);
  });

  it.each(tenantSlugs)('%s holds 15–30 schools of its own LA', (slug) => {
    const t = tenant(slug);
    const own = t.schoolUrns.filter((urn) => {
      const school = schoolByUrn.get(urn);
      return school !== undefined && t.laCodes.includes(school.laCode);
    });
    expect(own.length).toBeGreaterThanOrEqual(15);
    expect(own.length).toBeLessThanOrEqual(30);
  });

  it('gives each LA its whole register: every demo school of its LA codes', () => {
    for (const t of tenants.filter((x) => x.kind === 'la')) {
      const register = allSchools.filter((s) => t.laCodes.includes(s.laCode)).map((s) => s.urn);
      for (const urn of register) expect(t.schoolUrns, `${t.slug} lacks ${urn}`).toContain(urn);
    }
  });
});

describe('demo memberships', () => {
  it('are keyed by real tenant slugs', () => {
    for (const u of users) {
      for (const key of Object.keys(u.memberships)) expect(tenantSlugs, `${u.email}: ${key}`).toContain(key);
    }
  });

  it('give every user at least one membership', () => {
    for (const u of users) expect(Object.values(u.memberships).flat().length, u.email).toBeGreaterThan(0);
  });

  it('use only known roles', () => {
    for (const { email, membership } of allMemberships) expect(roles, email).toContain(membership.role);
  });

  it('bind school-bound roles to a school and no other role', () => {
    for (const { email, tenant: slug, membership } of allMemberships) {
      const where = `${email} in ${slug} as ${membership.role}`;
      if (isSchoolBound(membership.role)) expect(membership.schoolUrn, where).toBeTypeOf('number');
      else expect(membership.schoolUrn, where).toBeUndefined();
    }
  });

  it('bind only to schools of that tenant', () => {
    for (const { email, tenant: slug, membership } of allMemberships) {
      if (membership.schoolUrn === undefined) continue;
      expect(tenant(slug).schoolUrns, `${email} in ${slug}: school ${membership.schoolUrn}`).toContain(
        membership.schoolUrn,
      );
    }
  });

  it('hold no duplicate (role, school) within a tenant for one user', () => {
    for (const u of users) {
      for (const [slug, list] of Object.entries(u.memberships)) {
        const keys = list.map((m) => `${m.role}/${m.schoolUrn ?? ''}`);
        expect(duplicates(keys), `${u.email} in ${slug}`).toEqual([]);
      }
    }
  });

  it.each(tenantSlugs)('give %s at least one user in every role it should have', (slug) => {
    const t = tenant(slug);
    // An Appropriate Body (teaching school hub) has no LA officers and no governors of its own.
    const expected =
      t.kind === 'la'
        ? [...roles]
        : roles.filter((r) => r !== 'la_officer' && (t.kind !== 'appropriate_body' || r !== 'governor'));
    const present = new Set(allMemberships.filter((m) => m.tenant === slug).map((m) => m.membership.role));
    const missing = expected.filter((r) => !present.has(r));
    expect(missing).toEqual([]);
  });

  it('give no provider an la_officer', () => {
    const providers = tenants.filter((t) => t.kind === 'provider').map((t) => t.slug);
    expect(providers.length).toBeGreaterThan(0);
    for (const { email, tenant: slug, membership } of allMemberships) {
      if (providers.includes(slug)) expect(membership.role, `${email} in ${slug}`).not.toBe('la_officer');
    }
  });

  it('include at least one user who belongs to two tenants', () => {
    const multi = users.filter(
      (u) => Object.values(u.memberships).filter((list) => list.length > 0).length >= 2,
    );
    expect(multi.length).toBeGreaterThan(0);
  });
});

describe('demo users', () => {
  it('have unique emails', () => {
    expect(duplicates([...users.map((u) => u.email), superadmin.email])).toEqual([]);
  });

  it('have lower-case emails', () => {
    for (const u of users) expect(u.email).toBe(u.email.toLowerCase());
    expect(superadmin.email).toBe(superadmin.email.toLowerCase());
  });

  it('have emails on example domains', () => {
    for (const u of users) expect(u.email).toMatch(/^[a-z0-9.'_-]+@[a-z0-9.-]+\.example$/);
  });

  it('have a name and job title', () => {
    for (const u of users) {
      expect(u.name.trim(), u.email).not.toBe('');
      expect(u.jobTitle.trim(), u.email).not.toBe('');
    }
  });

  it.each([
    ['head.si@barnet.example', 'barnet', 'tenant_admin'],
    ['manager@bep.example', 'bep', 'tenant_admin'],
    ['head.si@harrow.example', 'harrow', 'tenant_admin'],
    ['manager@hsip.example', 'hsip', 'tenant_admin'],
    ['head.si@birmingham.example', 'birmingham', 'tenant_admin'],
    ['head@brookvale.sch.example', 'bep', 'school_admin'],
  ] as const)('include %s (%s in %s)', (email, slug, role) => {
    const user = users.find((u) => u.email === email);
    expect(user).toBeDefined();
    expect(user?.memberships[slug]?.map((m) => m.role)).toContain(role);
  });
});
