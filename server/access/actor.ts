import type { ModuleKey, Role, TenantSettings, tenants } from '~/db/schema';
import type { TenantMembership } from '../workspaces/list-memberships';

export type SessionUser = { id: string; email: string; name: string; isSuperadmin: boolean };

/**
 * Who is acting, in which workspace: the one typed context every tenant procedure's resolver receives and
 * hands to the domain. `memberships` and `roles` are those the procedure's roles allowed.
 */
export type Actor = {
  tenantId: string;
  slug: string;
  name: string;
  shortName: string;
  kind: (typeof tenants.$inferSelect)['kind'];
  laCodes: string[];
  modules: ModuleKey[];
  settings: TenantSettings;
  user: SessionUser;
  userId: string;
  memberships: readonly TenantMembership[];
  roles: readonly Role[];
  appUrl: string;
};
