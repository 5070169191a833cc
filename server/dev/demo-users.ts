import * as demo from '~/seed/demo-data';
import type { Role } from '~/db/schema';

export type DemoUser = { email: string; name: string; jobTitle: string; role: Role; schoolUrn?: number };
export type DemoWorkspace = { slug: string; name: string; users: DemoUser[] };

/** The seeded demo users, grouped by workspace and ordered by role, for the development sign-in picker. */
export function listDemoUsers(): DemoWorkspace[] {
  return demo.tenants.map((t) => ({
    slug: t.slug,
    name: t.name,
    users: demo.users
      .flatMap((u) =>
        (u.memberships[t.slug] ?? []).map((m) => ({
          email: u.email,
          name: u.name,
          jobTitle: u.jobTitle,
          role: m.role,
          schoolUrn: m.schoolUrn,
        })),
      )
      .sort((a, b) => roleOrder(a.role) - roleOrder(b.role)),
  }));
}

const order: Role[] = [
  'tenant_admin',
  'finance',
  'adviser',
  'la_officer',
  'school_admin',
  'school_staff',
  'governor',
  'ect',
];
const roleOrder = (r: Role) => order.indexOf(r);
