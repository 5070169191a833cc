/** The words of workspaces and memberships that pages need (pages take them from here, not from db/). */
export type { ModuleKey, TenantKind } from '~/db/schema/platform';
export type { Role } from '~/db/schema/memberships';
export { schoolBoundRoles } from '~/db/schema/memberships';
