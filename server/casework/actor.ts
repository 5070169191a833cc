import type { TenantSettings } from '~/db/schema';
import type { TenantMembership } from '../workspaces/list-memberships';

/** Who is acting, in which workspace: what the casework functions need from the procedure's context. */
export type Actor = {
  tenantId: string;
  settings: TenantSettings;
  userId: string;
  memberships: readonly TenantMembership[];
};
