import { describe, expect, it } from 'vitest';
import {
  moduleKeys,
  roles,
  schoolBoundRoles,
  type ModuleKey,
  type Role,
  type TenantSettings,
} from '~/db/schema';
import { tenants as demoTenants } from '~/seed/demo-data';
import { dashboardPanels } from '~/server/workspaces/dashboard-panels';
import { sections, visibleSections } from '~/server/workspaces/navigation';
import { roleLabels, shortRoleLabels } from '~/server/workspaces/role-labels';

const slugs = (list: readonly { slug: string }[]) => list.map((s) => s.slug);
const slugsOfModule = (module: ModuleKey) => slugs(sections.filter((s) => s.module === module));
const ungatedSlugs = slugs(sections.filter((s) => s.module === undefined));

const laModules: ModuleKey[] = ['statutory', 'commissioning'];
const providerModules: ModuleKey[] = ['traded', 'courses', 'invoices', 'induction', 'governance'];

describe('sections', () => {
  it('has a unique slug for every section', () => {
    const all = slugs(sections);
    expect(new Set(all).size).toBe(all.length);
  });

  it('uses URL-safe slugs: a segment, or a page of another section', () => {
    for (const s of sections) expect(s.slug).toMatch(/^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)?$/);
  });

  it('puts a page of another section in that section’s module, so the 403 page knows it by its first segment', () => {
    for (const s of sections.filter((x) => x.slug.includes('/'))) {
      const parent = sections.find((x) => x.slug === s.slug.split('/')[0]);
      expect(parent, s.slug).toBeDefined();
      expect(s.module, s.slug).toBe(parent?.module);
    }
  });

  it('gives every section a title, a summary and at least one known role', () => {
    for (const s of sections) {
      expect(s.title.trim(), s.slug).not.toBe('');
      expect(s.summary.trim(), s.slug).not.toBe('');
      expect(s.roles.length, s.slug).toBeGreaterThan(0);
      for (const r of s.roles) expect(roles, s.slug).toContain(r);
      if (s.module !== undefined) expect(moduleKeys, s.slug).toContain(s.module);
    }
  });

  it('has at least one section for every module', () => {
    for (const m of moduleKeys) expect(slugsOfModule(m), m).not.toHaveLength(0);
  });
});

describe('visibleSections: module gating', () => {
  it('shows an LA with statutory and commissioning no traded, induction or governance section', () => {
    const visible = slugs(visibleSections(laModules, roles));
    for (const slug of [
      ...slugsOfModule('traded'),
      ...slugsOfModule('courses'),
      ...slugsOfModule('invoices'),
      ...slugsOfModule('induction'),
      ...slugsOfModule('governance'),
    ]) {
      expect(visible).not.toContain(slug);
    }
    for (const slug of [...slugsOfModule('statutory'), ...slugsOfModule('commissioning')]) {
      expect(visible).toContain(slug);
    }
  });

  it('shows a provider no statutory or commissioning section', () => {
    const visible = slugs(visibleSections(providerModules, roles));
    for (const slug of [...slugsOfModule('statutory'), ...slugsOfModule('commissioning')]) {
      expect(visible).not.toContain(slug);
    }
    for (const slug of [
      'catalogue',
      'entitlements',
      'adviser-time',
      'courses',
      'invoices',
      'induction',
      'governance',
    ]) {
      expect(visible).toContain(slug);
    }
  });

  it('names the expected sections in each module', () => {
    expect(slugsOfModule('traded')).toEqual(['catalogue', 'entitlements', 'renewals', 'adviser-time']);
    expect(slugsOfModule('courses')).toEqual(['courses']);
    expect(slugsOfModule('invoices')).toEqual(['invoices']);
    expect(slugsOfModule('statutory')).toEqual([
      'register',
      'visits',
      'concern',
      'support',
      'reports',
      'monitoring-settings',
    ]);
    expect(slugsOfModule('commissioning')).toEqual(['commissioning']);
    expect(slugsOfModule('governance')).toEqual(['governance', 'governance/reports']);
  });

  it('shows a workspace with no modules only the sections without a module', () => {
    expect(slugs(visibleSections([], roles))).toEqual(ungatedSlugs);
    expect(ungatedSlugs).toEqual([
      'schools',
      'members',
      'join-requests',
      'jobs',
      'term-dates',
      'personal-data',
      'audit',
    ]);
  });

  it('shows every section to a user with every role in a workspace with every module', () => {
    expect(slugs(visibleSections(moduleKeys, roles))).toEqual(slugs(sections));
  });

  it.each(moduleKeys)('shows the %s sections only when that module is on', (module) => {
    const others = moduleKeys.filter((m) => m !== module);
    const without = slugs(visibleSections(others, roles));
    const withIt = slugs(visibleSections(moduleKeys, roles));
    for (const slug of slugsOfModule(module)) {
      expect(without).not.toContain(slug);
      expect(withIt).toContain(slug);
    }
  });

  it('shows the sections without a module in every workspace, for the roles they are open to', () => {
    for (const modules of [[], laModules, providerModules, [...moduleKeys]]) {
      const visible = slugs(visibleSections(modules, ['tenant_admin', 'school_admin']));
      for (const slug of ungatedSlugs) expect(visible).toContain(slug);
    }
    expect(slugs(visibleSections([], ['adviser']))).toEqual(['schools']);
  });

  it('follows the modules of the demo tenants', () => {
    for (const t of demoTenants) {
      const visible = visibleSections(t.modules, roles);
      for (const s of visible)
        if (s.module !== undefined) expect(t.modules, `${t.slug}/${s.slug}`).toContain(s.module);
    }
  });
});

describe('visibleSections: role gating', () => {
  it('never shows members or audit to a school_admin', () => {
    const visible = slugs(visibleSections(moduleKeys, ['school_admin']));
    expect(visible).not.toContain('members');
    expect(visible).not.toContain('audit');
  });

  it('never shows members or audit to any role but tenant_admin', () => {
    for (const role of roles.filter((r) => r !== 'tenant_admin')) {
      const visible = slugs(visibleSections(moduleKeys, [role]));
      expect(visible, role).not.toContain('members');
      expect(visible, role).not.toContain('audit');
      expect(visible, role).not.toContain('jobs');
    }
  });

  it('shows members and audit to a tenant_admin', () => {
    const visible = slugs(visibleSections(moduleKeys, ['tenant_admin']));
    expect(visible).toContain('members');
    expect(visible).toContain('audit');
    expect(visible).toContain('jobs');
  });

  it('shows a tenant_admin every section of the modules switched on but the school-facing ones', () => {
    // A manager answers requests to join on People and roles; Colleagues is the headteacher's page.
    expect(slugs(visibleSections(moduleKeys, ['tenant_admin']))).toEqual(
      slugs(sections).filter((slug) => slug !== 'support' && slug !== 'join-requests'),
    );
  });

  it('lists the governance reports for the managers and officers who may read them, and no one else', () => {
    for (const role of roles) {
      const visible = slugs(visibleSections(['governance'], [role]));
      expect(visible.includes('governance/reports'), role).toBe(
        role === 'tenant_admin' || role === 'la_officer',
      );
    }
    expect(slugs(visibleSections(['statutory'], ['tenant_admin']))).not.toContain('governance/reports');
  });

  it('shows requests to join to headteachers only', () => {
    for (const role of roles) {
      const visible = slugs(visibleSections([], [role]));
      expect(visible.includes('join-requests'), role).toBe(role === 'school_admin');
    }
  });

  it('shows the school support view to headteachers and governors only', () => {
    for (const role of roles) {
      const visible = slugs(visibleSections(['statutory'], [role]));
      expect(visible.includes('support'), role).toBe(role === 'school_admin' || role === 'governor');
    }
  });

  it('never shows the schools list to a school-bound role', () => {
    for (const role of schoolBoundRoles) {
      expect(slugs(visibleSections(moduleKeys, [role])), role).not.toContain('schools');
    }
  });

  it('never shows the SCC register or commissioning to a school-bound role', () => {
    for (const role of schoolBoundRoles) {
      const visible = slugs(visibleSections(moduleKeys, [role]));
      expect(visible, role).not.toContain('concern');
      expect(visible, role).not.toContain('register');
      expect(visible, role).not.toContain('commissioning');
    }
  });

  it('shows a section when any one of the user’s roles is allowed', () => {
    expect(slugs(visibleSections(moduleKeys, ['governor']))).not.toContain('invoices');
    expect(slugs(visibleSections(moduleKeys, ['governor', 'finance']))).toContain('invoices');
  });

  it('shows nothing to a user with no roles', () => {
    expect(visibleSections(moduleKeys, [])).toEqual([]);
  });

  it.each(roles)('shows %s at least one section in a workspace with all modules', (role: Role) => {
    expect(visibleSections(moduleKeys, [role]).length).toBeGreaterThan(0);
  });

  it('only ever returns sections open to one of the roles and switched on', () => {
    for (const role of roles) {
      for (const modules of [[], laModules, providerModules, [...moduleKeys]]) {
        for (const s of visibleSections(modules, [role])) {
          expect(s.roles).toContain(role);
          if (s.module !== undefined) expect(modules).toContain(s.module);
        }
      }
    }
  });

  it('keeps the order of the sections list', () => {
    const order = slugs(sections);
    const visible = slugs(visibleSections(providerModules, ['school_admin']));
    const positions = visible.map((slug) => order.indexOf(slug));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('role labels', () => {
  it.each(roles)('labels %s in both maps', (role) => {
    expect(roleLabels[role].trim()).not.toBe('');
    expect(shortRoleLabels[role].trim()).not.toBe('');
  });

  it('labels exactly the known roles', () => {
    expect(Object.keys(roleLabels).sort()).toEqual([...roles].sort());
    expect(Object.keys(shortRoleLabels).sort()).toEqual([...roles].sort());
  });

  it('gives every role a distinct label', () => {
    expect(new Set(Object.values(roleLabels)).size).toBe(roles.length);
    expect(new Set(Object.values(shortRoleLabels)).size).toBe(roles.length);
  });
});

describe('visibleSections: the tenant’s side and words', () => {
  type Tenant = { kind: 'la' | 'provider'; settings: TenantSettings };
  const la: Tenant = { kind: 'la', settings: { statutory: { concernListName: 'Priority schools' } } };
  const provider: Tenant = { kind: 'provider', settings: {} };

  it('names the concern section in the tenant’s own words, and keeps the default otherwise', () => {
    const titleOf = (tenant?: Tenant) =>
      visibleSections(['statutory'], ['la_officer'], tenant).find((s) => s.slug === 'concern')?.title;
    expect(titleOf(la)).toBe('Priority schools');
    expect(titleOf({ kind: 'la', settings: {} })).toBe('Schools causing concern');
    expect(titleOf()).toBe('Schools causing concern');
  });

  it('shows commissioning to LA finance but not LA advisers, and to provider partners but not provider finance', () => {
    const sees = (tenant: Tenant, role: 'finance' | 'adviser') =>
      visibleSections(['commissioning'], [role], tenant).some((s) => s.slug === 'commissioning');
    expect(sees(la, 'finance')).toBe(true);
    expect(sees(la, 'adviser')).toBe(false);
    expect(sees(provider, 'adviser')).toBe(true);
    expect(sees(provider, 'finance')).toBe(false);
  });

  it('hands out plain data only (sections travel to the browser)', () => {
    for (const s of visibleSections(['statutory', 'commissioning'], ['tenant_admin'], la))
      expect(Object.values(s).some((v) => typeof v === 'function')).toBe(false);
  });
});

describe('dashboardPanels: the module figures on the workspace’s dashboard', () => {
  const everyModule = { kind: 'la' as const, modules: moduleKeys };

  it('shows the monitoring figures to officers, managers and advisers of a workspace with the statutory module', () => {
    for (const role of ['tenant_admin', 'la_officer', 'adviser'] as const)
      expect(dashboardPanels(everyModule, [role]).monitoring, role).toBe(true);
    for (const role of ['finance', 'school_admin', 'school_staff', 'governor', 'ect'] as const)
      expect(dashboardPanels(everyModule, [role]).monitoring, role).toBe(false);
    expect(dashboardPanels({ kind: 'la', modules: providerModules }, ['tenant_admin']).monitoring).toBe(
      false,
    );
  });

  it('shows the induction figures to an Appropriate Body’s staff only, never in an LA or a partnership', () => {
    const ab = { kind: 'appropriate_body' as const, modules: ['induction', 'courses'] as ModuleKey[] };
    expect(dashboardPanels(ab, ['tenant_admin']).induction).toBe(true);
    expect(dashboardPanels(ab, ['adviser']).induction).toBe(true);
    expect(dashboardPanels(ab, ['school_admin', 'school_staff', 'ect']).induction).toBe(false);
    expect(dashboardPanels({ ...ab, modules: ['courses'] }, ['tenant_admin']).induction).toBe(false);
    // Barnet and HSIP have the induction module to sell ECT training: no records to count.
    expect(dashboardPanels(everyModule, ['tenant_admin']).induction).toBe(false);
    expect(dashboardPanels({ kind: 'provider', modules: providerModules }, ['tenant_admin']).induction).toBe(
      false,
    );
  });

  it('shows what is owed to the finance team and the manager, and to a headteacher (their school), with invoices on', () => {
    for (const role of ['tenant_admin', 'finance', 'school_admin'] as const)
      expect(dashboardPanels(everyModule, [role]).money, role).toBe(true);
    for (const role of ['adviser', 'la_officer', 'school_staff', 'governor', 'ect'] as const)
      expect(dashboardPanels(everyModule, [role]).money, role).toBe(false);
    expect(dashboardPanels({ kind: 'la', modules: ['statutory'] }, ['finance']).money).toBe(false);
  });

  it('shows what is happening in Courses to those who run courses, with the courses module on', () => {
    for (const role of ['tenant_admin', 'adviser'] as const)
      expect(dashboardPanels(everyModule, [role]).courses, role).toBe(true);
    for (const role of ['finance', 'la_officer', 'school_admin', 'school_staff', 'governor', 'ect'] as const)
      expect(dashboardPanels(everyModule, [role]).courses, role).toBe(false);
    expect(dashboardPanels({ kind: 'la', modules: laModules }, ['tenant_admin']).courses).toBe(false);
  });
});

describe('section summaries in the reader’s own terms', () => {
  const summaryOf = (slug: string, who: Role[]) =>
    visibleSections(providerModules, who).find((s) => s.slug === slug)?.summary;

  it('a governor reads about their board, training and places, not the workspace’s management', () => {
    expect(summaryOf('governance', ['governor'])).toBe(
      'Your board: your record on it, your training, and booking governor training.',
    );
    expect(summaryOf('courses', ['governor'])).toMatch(/^Your course places/);
    expect(summaryOf('governance', ['school_admin'])).toMatch(/^Your school’s governing board/);
  });

  it('the workspace’s staff keep the managing words, even when they also govern a school', () => {
    expect(summaryOf('governance', ['tenant_admin'])).toBe(
      'The register of governing boards, vacancies, chairs’ contacts, and governor training.',
    );
    expect(summaryOf('governance', ['la_officer', 'governor'])).toMatch(/^The register of governing boards/);
  });

  it('the dashboard shows a governor their board and their places', () => {
    const panels = dashboardPanels({ kind: 'la', modules: ['governance', 'courses'] }, ['governor']);
    expect(panels).toMatchObject({ board: true, myPlaces: true, gettingStarted: false });
    expect(dashboardPanels({ kind: 'la', modules: ['governance'] }, ['school_admin']).board).toBe(false);
  });
});

describe('the Commissioning card in the words of each side of a contract', () => {
  const commissioning = (kind: 'la' | 'provider') =>
    visibleSections(['commissioning'], ['tenant_admin'], { kind, settings: {} }).find(
      (s) => s.slug === 'commissioning',
    )?.summary;

  it('a provider reads about contracts from local authorities, an LA about its providers', () => {
    expect(commissioning('provider')).toMatch(/^Contracts from local authorities commissioning you/);
    expect(commissioning('la')).toBe('Contracts with providers for SCC support, and delivery against them.');
  });
});

describe('the Term dates card names only what this workspace uses its term dates for', () => {
  const termDates = (kind: 'la' | 'provider' | 'appropriate_body', modules: ModuleKey[]) =>
    visibleSections(modules, ['tenant_admin'], { kind, settings: {} }).find((s) => s.slug === 'term-dates')
      ?.summary;

  it('a courses-only provider is not told about induction, visits or subscriptions', () => {
    expect(termDates('provider', ['courses'])).toBe('Your term dates each year.');
  });

  it('a traded partnership reads about mid-year subscriptions only (its ECT training counts no terms)', () => {
    const summary = termDates('provider', ['traded', 'courses', 'induction']);
    expect(summary).toBe('Your term dates each year: mid-year subscriptions follow them.');
  });

  it('an LA with statutory monitoring reads about visits, an Appropriate Body about induction', () => {
    expect(termDates('la', ['statutory', 'traded'])).toBe(
      'Your term dates each year: mid-year subscriptions and monitoring visits due this term follow them.',
    );
    expect(termDates('appropriate_body', ['induction'])).toBe(
      'Your term dates each year: induction terms and checkpoints follow them.',
    );
  });
});
