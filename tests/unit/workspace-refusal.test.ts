import { describe, expect, it } from 'vitest';
import type { ModuleKey } from '~/db/schema';
import { sections } from '~/server/workspaces/navigation';
import { refusalsFor } from '~/server/workspaces/refusal';

/** Birmingham: statutory and commissioning only, so courses, packages, induction and governance are off. */
const birmingham = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'birmingham',
  name: 'Birmingham City Council',
  kind: 'la' as const,
  modules: ['statutory', 'commissioning'] as ModuleKey[],
};
const words = (r: { heading: string; paragraphs: string[] }) => [r.heading, ...r.paragraphs].join(' ');

describe('the 403 page inside a workspace', () => {
  it('knows every section of a module the workspace has not switched on, and none it has', () => {
    const { bySegment } = refusalsFor(birmingham, {
      roles: ['la_officer'],
      isSuperadmin: false,
    });
    for (const s of sections) {
      if (!s.module) expect(bySegment[s.slug], s.slug).toBeUndefined();
      else if (birmingham.modules.includes(s.module)) expect(bySegment[s.slug], s.slug).toBeUndefined();
      else expect(bySegment[s.slug], s.slug).toBe(s.module);
    }
    expect(bySegment.courses).toBe('courses');
    expect(bySegment.catalogue).toBe('traded');
  });

  it('tells the manager who switches modules on, never to ask the manager', () => {
    const { byModule } = refusalsFor(birmingham, {
      roles: ['tenant_admin', 'la_officer'],
      isSuperadmin: false,
    });
    const courses = byModule.courses;
    if (!courses) throw new Error('courses should be refused');
    expect(courses.heading).toBe('CPD courses and bookings is not switched on for Birmingham City Council');
    expect(words(courses)).toContain('switched on by the Stride platform administrator');
    expect(words(courses)).not.toMatch(/ask .*(manager|head of school improvement)/i);
    expect(courses.link).toEqual({
      href: '/birmingham',
      text: 'Go to the Birmingham City Council dashboard',
    });
  });

  it('sends a platform administrator to the page where they switch modules on', () => {
    const { byModule } = refusalsFor(birmingham, {
      roles: ['tenant_admin'],
      isSuperadmin: true,
    });
    expect(byModule.traded?.link).toEqual({
      href: `/platform/${birmingham.id}`,
      text: 'Switch on modules for Birmingham City Council',
    });
  });

  it('tells anyone else to ask the manager, by the title their kind of workspace gives them', () => {
    const officer = refusalsFor(birmingham, {
      roles: ['la_officer'],
      isSuperadmin: false,
    });
    expect(words(officer.byModule.courses ?? officer.otherwise)).toContain(
      'ask Birmingham City Council’s head of school improvement',
    );
    const ab = refusalsFor(
      {
        id: birmingham.id,
        slug: 'nwlhub',
        name: 'NWL TSH',
        kind: 'appropriate_body',
        modules: ['induction'],
      },
      { roles: ['school_admin'], isSuperadmin: false },
    );
    expect(ab.otherwise.heading).toBe('You do not have access to this page');
    expect(words(ab.otherwise)).toContain('Your role in NWL TSH (Headteacher / school business manager)');
    expect(words(ab.otherwise)).toContain('ask NWL TSH’s induction lead');
    // A manager refused a page for other roles is not told to ask themselves.
    const manager = refusalsFor(birmingham, {
      roles: ['tenant_admin'],
      isSuperadmin: false,
    });
    expect(words(manager.otherwise)).not.toMatch(/\bask\b/);
  });
});
