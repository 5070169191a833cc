import type { ModuleKey, Role, TenantKind } from '~/db/schema';
import {
  courseManagers,
  hasRole,
  inductionAbStaff,
  invoiceReaders,
  managers,
  monitoringReaders,
} from '../access/role-groups';

/**
 * Which module panels the workspace's dashboard shows this person: only for a module the workspace has switched
 * on, and only to roles the panel's procedure lets in (the same role groups), so the page never asks for what
 * it would be refused. Induction records are an Appropriate Body's: in an LA or a partnership the induction
 * module sells ECT training through Courses and has no records to count.
 */
export function dashboardPanels(
  tenant: { kind: TenantKind; modules: readonly ModuleKey[] },
  roles: readonly Role[],
) {
  return {
    /** The manager's "Getting started" list (shown until every step is done). */
    gettingStarted: hasRole(roles, managers),
    monitoring: tenant.modules.includes('statutory') && hasRole(roles, monitoringReaders),
    /** A governor's or clerk's own board(s), training and places: their dashboard is about their board. */
    board: tenant.modules.includes('governance') && roles.includes('governor'),
    /** What is happening in Courses, for those who run them (`courses.dashboard`). */
    courses: tenant.modules.includes('courses') && hasRole(roles, courseManagers),
    /** Their own course places (a governor, member of staff or ECT books for themself). */
    myPlaces: tenant.modules.includes('courses') && roles.includes('governor'),
    induction:
      tenant.modules.includes('induction') &&
      tenant.kind === 'appropriate_body' &&
      hasRole(roles, inductionAbStaff),
    /** What is owed on issued invoices: every school's for the finance team, a headteacher's own school's. */
    money: tenant.modules.includes('invoices') && hasRole(roles, invoiceReaders),
  };
}
