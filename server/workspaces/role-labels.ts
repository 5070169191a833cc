import type { Role } from '~/db/schema';

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
