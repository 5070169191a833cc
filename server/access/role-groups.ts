import type { Role } from '~/db/schema';

/**
 * Who counts as what, named once. Routers pass these to `tenantProcedure`, the navigation shows sections by
 * them, and domain access rules (case access, note visibility) ask `hasRole` of the same lists.
 */

/** The workspace's manager (partnership manager, head of school improvement). */
export const managers = ['tenant_admin'] as const satisfies readonly Role[];
/** Everyone who works for the workspace rather than for one school. */
export const staff = ['tenant_admin', 'finance', 'adviser', 'la_officer'] as const satisfies readonly Role[];
/** Money: subscriptions, statements, utilisation, uptake, invoices. */
export const financeUsers = ['tenant_admin', 'finance'] as const satisfies readonly Role[];
/** Reads invoices: finance staff (every school's) and a school's headteacher / business manager (their own). */
export const invoiceReaders = [...financeUsers, 'school_admin'] as const satisfies readonly Role[];
/** Statutory officers: they edit the register and take (or record) the LA's decisions. */
export const officers = ['tenant_admin', 'la_officer'] as const satisfies readonly Role[];
/** Reads the register, visits and cases (advisers only what they advise, decided per row). */
export const monitoringReaders = ['tenant_admin', 'la_officer', 'adviser'] as const satisfies readonly Role[];
/** Reads a case's action plan and letters: monitoring readers plus the school's own head and governors. */
export const planReaders = [
  ...monitoringReaders,
  'school_admin',
  'governor',
] as const satisfies readonly Role[];
/** Reads the catalogue of packages and services. */
export const catalogueReaders = [
  'tenant_admin',
  'finance',
  'adviser',
  'school_admin',
] as const satisfies readonly Role[];
/** Buys for a school, or sees what a school bought. */
export const buyers = ['tenant_admin', 'finance', 'school_admin'] as const satisfies readonly Role[];
/** Acts for a school: subscribes, asks for adviser time, keeps its contacts. */
export const schoolManagers = ['tenant_admin', 'school_admin'] as const satisfies readonly Role[];
/** Adviser time: requested by schools, assigned by the manager, logged by advisers. */
export const adviserTimeUsers = [
  'tenant_admin',
  'adviser',
  'school_admin',
] as const satisfies readonly Role[];
/** Commissioning, LA side: managers and officers write, finance reads. */
export const commissioners = ['tenant_admin', 'la_officer', 'finance'] as const satisfies readonly Role[];
/** Commissioning, provider side: the manager sees every contract, partners their assigned schools. */
export const commissionedProviders = ['tenant_admin', 'adviser'] as const satisfies readonly Role[];
/** Every role on either side of a commissioning contract. */
export const commissioningUsers = [...new Set([...commissioners, ...commissionedProviders])] as Role[];
/** Notes of visit: written by advisers and officers, read by the school's head and governors. */
export const noteWriters = monitoringReaders;
export const noteReaders = [
  ...monitoringReaders,
  'school_admin',
  'governor',
] as const satisfies readonly Role[];

/** True when any of `roles` is in `group`. */
export function hasRole(roles: readonly Role[], group: readonly Role[]): boolean {
  return roles.some((r) => group.includes(r));
}

/** True when any of the memberships' roles is in `group`. */
export function hasMembershipIn(memberships: readonly { role: Role }[], group: readonly Role[]): boolean {
  return memberships.some((m) => group.includes(m.role));
}

/** Anyone who may open a school's record: staff, and a school's own people (their school only). */
export const schoolReaders = [
  ...staff,
  'school_admin',
  'school_staff',
  'governor',
] as const satisfies readonly Role[];
/** Keeps private notes on a school: the workspace's advisers and officers. */
export const schoolNoteWriters = ['tenant_admin', 'adviser', 'la_officer'] as const satisfies readonly Role[];
/** Reads a school's contacts: staff and the school's own headteacher / business manager. */
export const contactReaders = [...staff, 'school_admin'] as const satisfies readonly Role[];
/** The SCC budget: officers request and decide, finance marks payments made. */
export const sccBudgetUsers = [...officers, 'finance'] as const satisfies readonly Role[];
/** A school's leadership: its headteacher / business manager and its governors. */
export const schoolLeaders = ['school_admin', 'governor'] as const satisfies readonly Role[];
/** The headteacher (or school business manager) acting for their school. */
export const headteachers = ['school_admin'] as const satisfies readonly Role[];
/** Courses: the manager and advisers run them (create, publish, registers, results). */
export const courseManagers = ['tenant_admin', 'adviser'] as const satisfies readonly Role[];
/** Courses: who may book a place — a school's staff for themselves, its headteacher/SBM for named delegates. */
export const courseBookers = [
  'tenant_admin',
  'school_admin',
  'school_staff',
  'governor',
  'ect',
] as const satisfies readonly Role[];
/** Courses: a certificate of attendance — the course's managers, and the delegate's school (headteacher/SBM). */
export const courseCertificateReaders = [
  ...courseManagers,
  'school_admin',
] as const satisfies readonly Role[];
/** Everyone who opens the courses section. */
export const courseUsers = [...new Set([...courseManagers, ...courseBookers])] as Role[];
/** Answers requests to join a school: the workspace's manager (any school), a headteacher (their own). */
export const accessDeciders = ['tenant_admin', 'school_admin'] as const satisfies readonly Role[];
/** ECT induction, Appropriate Body side: the AB's manager and its induction officers (advisers). */
export const inductionAbStaff = ['tenant_admin', 'adviser'] as const satisfies readonly Role[];
/** Registers an ECT with the AB: the school's headteacher / SBM (their school), or the AB's manager. */
export const inductionRegistrars = ['tenant_admin', 'school_admin'] as const satisfies readonly Role[];
/** Submits progress reviews and assessments: the school's induction tutor (school staff) or headteacher. */
export const inductionTutors = [
  'tenant_admin',
  'school_admin',
  'school_staff',
] as const satisfies readonly Role[];
/** Opens ECT induction records: AB staff (all), a school's head and tutor (their school's), an ECT (their own). */
export const inductionReaders = [
  'tenant_admin',
  'adviser',
  'school_admin',
  'school_staff',
  'ect',
] as const satisfies readonly Role[];
/** Governance: the register of every school's board, chairs' contacts, multi-board governors (the LA's). */
export const governanceOfficers = officers;
/** Governance: who opens it — officers (every board), a school's head and its chair/clerk (their board), governors (their own record). */
export const governanceUsers = [...officers, 'school_admin', 'governor'] as const satisfies readonly Role[];
/**
 * Personal data (subject access, erasure, retention): the manager for anyone; the Appropriate Body's induction
 * officers for ECTs; the LA's governance officers for governors. Who may act on which person is decided per
 * subject in server/privacy/privacy-subject.ts.
 */
export const personalDataOfficers = [
  ...new Set([...managers, ...inductionAbStaff, ...governanceOfficers]),
] as readonly Role[];
