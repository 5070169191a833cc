import type { ModuleKey, Role, TenantKind } from '~/db/schema';

export const roleLabels: Record<Role, string> = {
  tenant_admin: 'Manager (partnership manager / head of school improvement)',
  finance: 'Finance',
  adviser: 'Adviser',
  la_officer: 'LA officer',
  school_admin: 'Headteacher / school business manager',
  school_staff: 'School staff',
  governor: 'Governor',
  ect: 'Early career teacher',
};

export const shortRoleLabels: Record<Role, string> = {
  tenant_admin: 'Manager',
  finance: 'Finance',
  adviser: 'Adviser',
  la_officer: 'LA officer',
  school_admin: 'Headteacher / SBM',
  school_staff: 'School staff',
  governor: 'Governor',
  ect: 'ECT',
};

/** What the manager of each kind of workspace is called: the person its people ask for access. */
export const managerTitles: Record<TenantKind, string> = {
  la: 'head of school improvement',
  provider: 'partnership manager',
  appropriate_body: 'induction lead',
};

/**
 * The roles as a workspace of this kind names them, and only those it uses: an appropriate body has induction
 * leads and officers, tutors and ECTs, and no LA officers or governors.
 */
export function roleLabelsFor(kind: TenantKind): Partial<Record<Role, string>> {
  if (kind === 'appropriate_body')
    return {
      tenant_admin: `Manager (${managerTitles.appropriate_body})`,
      adviser: 'Induction officer',
      finance: 'Finance',
      school_admin: 'Headteacher / school business manager',
      school_staff: 'School staff (induction tutor, mentor)',
      ect: 'Early career teacher',
    };
  return {
    ...roleLabels,
    tenant_admin: `Manager (${managerTitles[kind]})`,
  };
}

/** One role as a workspace of this kind names it (the same words on every page and in every email). */
export const roleLabelIn = (kind: TenantKind, role: Role) => roleLabelsFor(kind)[role] ?? roleLabels[role];

/**
 * The roles a workspace invites people to: those its kind names, less those its modules give nothing to do
 * (governors without governance, ECTs without induction) and LA officers outside a local authority.
 */
export function invitableRoles(kind: TenantKind, modules: readonly ModuleKey[]): Role[] {
  return (Object.keys(roleLabelsFor(kind)) as Role[]).filter(
    (role) =>
      (role !== 'governor' || modules.includes('governance')) &&
      (role !== 'ect' || modules.includes('induction')) &&
      (role !== 'la_officer' || kind === 'la'),
  );
}
