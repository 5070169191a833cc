import { describe, expect, it } from 'vitest';
import { roles, schoolBoundRoles, type Role } from '~/db/schema';
import * as groups from '~/server/access/role-groups';
import { hasMembershipIn, hasRole } from '~/server/access/role-groups';
import { appRouter } from '~/server/routers';
import type { Meta } from '~/server/trpc';
import { sections } from '~/server/workspaces/navigation';

/** Every named group exported by role-groups.ts (the arrays; not the helper functions). */
const named = Object.entries(groups).flatMap(([name, value]) =>
  Array.isArray(value) ? [[name, value as readonly Role[]] as const] : [],
);
const byName = new Map(named);
const group = (name: string): readonly Role[] => {
  const found = byName.get(name);
  if (!found) throw new Error(`no role group ${name}`);
  return found;
};
const subset = (a: readonly Role[], b: readonly Role[]) => a.every((r) => b.includes(r));
/** The name of the group with exactly these roles, if any. */
const nameOf = (list: readonly Role[]) =>
  named.find(([, g]) => g.length === list.length && subset(g, list) && subset(list, g))?.[0];

/** Every tenant procedure's access rule, by walking the app router. */
function tenantAccess(): { path: string; roles: readonly Role[] | 'any-member' }[] {
  const found: { path: string; roles: readonly Role[] | 'any-member' }[] = [];
  const walk = (record: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(record)) {
      const def = (value as { _def?: { procedure?: boolean; meta?: Meta; record?: object } })._def;
      const path = prefix ? `${prefix}.${key}` : key;
      if (def?.procedure) {
        if (def.meta?.access.kind === 'tenant') found.push({ path, roles: def.meta.access.roles });
      } else if (typeof value === 'object' && value !== null)
        walk((def?.record ?? value) as Record<string, unknown>, path);
    }
  };
  walk(appRouter._def.record, '');
  return found;
}

describe('role groups', () => {
  it('names the groups the routers and navigation use', () => {
    expect(named.length).toBeGreaterThan(10);
  });

  it.each(named)('%s holds only known roles, at least one, each once', (_, list) => {
    expect(list.length).toBeGreaterThan(0);
    for (const role of list) expect(roles).toContain(role);
    expect(new Set(list).size).toBe(list.length);
  });

  it('lets the workspace manager into every group that is not a school’s own', () => {
    const schoolOnly = ['schoolLeaders', 'headteachers'];
    for (const [name, list] of named) {
      if (schoolOnly.includes(name))
        expect(
          list.some((r) => r === 'tenant_admin'),
          name,
        ).toBe(false);
      else expect(list, name).toContain('tenant_admin');
    }
  });

  it('keeps the school’s own groups to school-bound roles', () => {
    for (const name of ['schoolLeaders', 'headteachers'])
      expect(subset(group(name), schoolBoundRoles), name).toBe(true);
  });

  it('nests the statutory groups: managers ⊂ officers ⊂ monitoring readers ⊂ plan and note readers', () => {
    expect(subset(group('managers'), group('officers'))).toBe(true);
    expect(subset(group('officers'), group('monitoringReaders'))).toBe(true);
    expect(subset(group('monitoringReaders'), group('planReaders'))).toBe(true);
    expect(subset(group('monitoringReaders'), group('noteReaders'))).toBe(true);
    expect(group('noteWriters')).toEqual(group('monitoringReaders'));
    expect(subset(group('officers'), group('sccBudgetUsers'))).toBe(true);
    expect(subset(group('schoolLeaders'), group('planReaders'))).toBe(true);
  });

  it('keeps staff groups to staff, and the school readers a superset of staff', () => {
    for (const name of ['managers', 'officers', 'monitoringReaders', 'financeUsers', 'schoolNoteWriters'])
      expect(subset(group(name), group('staff')), name).toBe(true);
    expect(subset(group('staff'), group('schoolReaders'))).toBe(true);
    expect(subset(group('staff'), group('contactReaders'))).toBe(true);
    expect(group('staff').some((r) => (schoolBoundRoles as readonly Role[]).includes(r))).toBe(false);
  });

  it('makes the commissioning users exactly both sides of a contract', () => {
    const both = [...group('commissioners'), ...group('commissionedProviders')];
    expect([...group('commissioningUsers')].sort()).toEqual([...new Set(both)].sort());
  });

  it('answers hasRole and hasMembershipIn by any overlap', () => {
    expect(hasRole(['finance'], group('officers'))).toBe(false);
    expect(hasRole(['finance', 'la_officer'], group('officers'))).toBe(true);
    expect(hasRole([], group('staff'))).toBe(false);
    expect(hasMembershipIn([{ role: 'governor' }], group('schoolLeaders'))).toBe(true);
    expect(hasMembershipIn([{ role: 'ect' }], group('schoolLeaders'))).toBe(false);
  });
});

describe('one list per rule: routers and navigation use the named groups', () => {
  it.each(tenantAccess())('$path allows a named group (or any member)', ({ roles: allowed }) => {
    if (allowed !== 'any-member') expect(nameOf(allowed), allowed.join(', ')).toBeDefined();
  });

  // Sections of modules not built yet (no procedures) keep their own provisional lists.
  const built = sections.filter((s) => !['courses', 'induction', 'governance'].includes(s.slug));

  it.each(built)('the $slug section shows to a named group', ({ roles: shownTo, rolesByKind }) => {
    expect(nameOf(shownTo), shownTo.join(', ')).toBeDefined();
    for (const list of Object.values(rolesByKind ?? {})) expect(nameOf(list), list.join(', ')).toBeDefined();
  });

  it('shows the statutory sections to the groups their procedures allow', () => {
    const section = (slug: string) => sections.find((s) => s.slug === slug)?.roles;
    expect(section('register')).toEqual(group('monitoringReaders'));
    expect(section('concern')).toEqual(group('monitoringReaders'));
    expect(section('reports')).toEqual(group('officers'));
    expect(section('members')).toEqual(group('managers'));
    expect(section('audit')).toEqual(group('managers'));
  });
});
