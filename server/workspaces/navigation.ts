import type { ModuleKey, Role, TenantKind, TenantSettings } from '~/db/schema';
import { termDatesSummary } from '../calendar/term-dates-words';
import {
  adviserTimeUsers,
  buyers,
  commissionedProviders,
  commissioners,
  commissioningUsers,
  courseUsers,
  financeUsers,
  governanceOfficers,
  governanceUsers,
  headteachers,
  inductionAbStaff,
  inductionReaders,
  invoiceReaders,
  managers,
  monitoringReaders,
  noteReaders,
  officers,
  schoolLeaders,
  staff,
} from '../access/role-groups';

export type Section = {
  /** Its address in the workspace: a top-level segment, or a page of another section (`governance/reports`). */
  slug: string;
  title: string;
  /** The module a tenant must have switched on; undefined = every workspace. */
  module?: ModuleKey;
  roles: readonly Role[];
  /** What the section does, in the words of the workspace's own staff (the dashboard lists it). */
  summary: string;
  /**
   * The same, in the words of a school's people (headteacher, staff, governor, ECT) who hold no workspace role:
   * what it does for them, not how the workspace manages it. The first of their roles named here wins.
   */
  summaryForSchool?: Partial<Record<Role, string>>;
  built: boolean;
  /** Where an LA and a provider use the section differently, who may open it on each side. */
  rolesByKind?: Partial<Record<TenantKind, readonly Role[]>>;
  /** The tenant's own name for the section (Birmingham's "Priority schools"). */
  titleFrom?: (settings: TenantSettings) => string | undefined;
  /** The summary in the terms of the workspace's kind and modules (what it has, not what others might). */
  summaryFrom?: (kind: TenantKind, modules: readonly ModuleKey[]) => string;
};

export const sections: readonly Section[] = [
  {
    slug: 'schools',
    title: 'Schools',
    roles: staff,
    summary: 'The schools this workspace serves: type, phase, pupils and contacts.',
    built: true,
  },
  {
    slug: 'catalogue',
    title: 'Packages and services',
    module: 'traded',
    roles: buyers,
    summary: 'Subscription packages (SLAs) and standalone services, each with your two prices.',
    summaryForSchool: {
      school_admin: 'The packages and services you can buy for your school, and their prices.',
    },
    built: true,
  },
  {
    slug: 'entitlements',
    title: 'Subscriptions and entitlements',
    module: 'traded',
    roles: buyers,
    summary: 'What each school has bought, what it is entitled to and what it has used.',
    summaryForSchool: {
      school_admin: 'What your school has bought this year, what is left and what it has used.',
    },
    built: true,
  },
  {
    slug: 'renewals',
    title: 'Buy-back renewals',
    module: 'traded',
    roles: financeUsers,
    summary: 'Invite this year’s subscribers to renew for next year and watch uptake live.',
    built: true,
  },
  {
    slug: 'adviser-time',
    title: 'Adviser time',
    module: 'traded',
    roles: adviserTimeUsers,
    summary: 'Requests for consultancy and school reviews, adviser assignments and logged visits.',
    built: true,
  },
  {
    slug: 'courses',
    title: 'CPD courses and bookings',
    module: 'courses',
    roles: courseUsers,
    summary: 'Courses, seminars and networks; places booked by school staff.',
    summaryForSchool: {
      school_admin: 'Book courses for your staff; your school’s places, approvals and waiting lists.',
      governor: 'Your course places and waiting lists: cancel a place or send someone instead.',
      school_staff: 'Book a course for yourself; your places, waiting lists and evaluations.',
      ect: 'Book a course for yourself; your places, waiting lists and evaluations.',
    },
    built: true,
  },
  {
    slug: 'invoices',
    title: 'Invoices',
    module: 'invoices',
    roles: invoiceReaders,
    summary: 'Invoices and credit notes raised to schools, with purchase-order numbers and VAT.',
    summaryForSchool: {
      school_admin: 'Your school’s invoices and credit notes, what is due and what is paid.',
    },
    built: true,
  },
  {
    slug: 'register',
    title: 'School register',
    module: 'statutory',
    roles: monitoringReaders,
    summary: 'Every school in the LA with Ofsted history, LA category and link adviser.',
    built: true,
  },
  {
    slug: 'visits',
    title: 'Visits and notes of visit',
    module: 'statutory',
    roles: noteReaders,
    summary: 'Planned visits by category and notes of visit agreed with headteachers.',
    built: true,
  },
  {
    slug: 'concern',
    title: 'Schools causing concern',
    titleFrom: (settings) => settings.statutory?.concernListName,
    module: 'statutory',
    roles: monitoringReaders,
    summary: 'The SCC register, review meetings, action plans and warning notices.',
    built: true,
  },
  {
    slug: 'support',
    title: 'Our school improvement',
    module: 'statutory',
    roles: schoolLeaders,
    summary: 'Letters from the local authority about support and intervention, and your action plan.',
    built: true,
  },
  {
    slug: 'commissioning',
    title: 'Commissioning',
    module: 'commissioning',
    roles: commissioningUsers,
    // The LA manages contracts and reads delivery; the provider's manager and partners log delivery.
    rolesByKind: { la: commissioners, provider: commissionedProviders },
    summary: 'Contracts with providers for SCC support, and delivery against them.',
    // A provider is the commissioned side: its contracts come from local authorities.
    summaryFrom: (kind) =>
      kind === 'provider'
        ? 'Contracts from local authorities commissioning you to support their schools, and the delivery you log against them.'
        : 'Contracts with providers for SCC support, and delivery against them.',
    built: true,
  },
  {
    slug: 'reports',
    title: 'Reports',
    module: 'statutory',
    roles: officers,
    summary:
      'Monthly reports for the DCS and the commissioner, and trends in categories, visits and concern.',
    built: true,
  },
  {
    slug: 'induction',
    title: 'ECT induction',
    module: 'induction',
    roles: inductionReaders,
    // Only an Appropriate Body keeps induction records; an LA's or provider's manager sees why not.
    rolesByKind: { la: managers, provider: managers },
    summary: 'Early career teacher induction records, progress reviews and assessments.',
    built: true,
  },
  {
    slug: 'governance',
    title: 'Governance',
    module: 'governance',
    roles: governanceUsers,
    summary: 'The register of governing boards, vacancies, chairs’ contacts, and governor training.',
    summaryForSchool: {
      governor: 'Your board: your record on it, your training, and booking governor training.',
      school_admin: 'Your school’s governing board: its register, vacancies and the board’s training.',
    },
    built: true,
  },
  {
    // A page of the governance section with a place of its own in the menu: the officers' reports.
    slug: 'governance/reports',
    title: 'Governance reports',
    module: 'governance',
    roles: governanceOfficers,
    summary:
      'Vacancies, terms ending, governors with no training and new governors’ statutory training, by school, phase or kind of school; each as CSV.',
    built: true,
  },
  {
    slug: 'members',
    title: 'People and roles',
    roles: managers,
    summary: 'Who belongs to this workspace and in which role; invitations and requests to join.',
    built: true,
  },
  {
    slug: 'join-requests',
    title: 'Colleagues',
    // The manager answers these on People and roles.
    roles: headteachers,
    summary: 'Invite colleagues to your school, and answer staff asking to join it.',
    built: true,
  },
  {
    slug: 'jobs',
    title: 'Jobs and emails',
    roles: managers,
    summary: 'What the scheduled jobs did and when, and every email the workspace sent or failed to send.',
    built: true,
  },
  {
    slug: 'monitoring-settings',
    title: 'Monitoring settings',
    module: 'statutory',
    roles: managers,
    summary:
      'Your own words and cadence: the register of concern, the review group, case and link officers, visits a year by category.',
    built: true,
  },
  {
    slug: 'term-dates',
    title: 'Term dates',
    roles: managers,
    summary: 'Your term dates each year.',
    summaryFrom: termDatesSummary,
    built: true,
  },
  {
    slug: 'personal-data',
    title: 'Personal data',
    roles: officers,
    // The AB's induction officers act for ECTs; elsewhere the governance officers for governors.
    rolesByKind: { appropriate_body: inductionAbStaff },
    summary:
      'What is held about an ECT, governor or course delegate: export it, erase it; retention periods.',
    built: true,
  },
  {
    slug: 'audit',
    title: 'Audit log',
    roles: managers,
    summary: 'Every change made in this workspace: who, what and when.',
    built: true,
  },
];

/** A school's person (no workspace role) reads what the section does for them; the workspace's staff, its own. */
function summaryOf(summary: string, forSchool: Section['summaryForSchool'], roles: readonly Role[]) {
  if (!forSchool || roles.some((r) => (staff as readonly Role[]).includes(r))) return summary;
  const own = (Object.keys(forSchool) as Role[]).find((r) => roles.includes(r));
  return (own && forSchool[own]) || summary;
}

/**
 * The sections a user sees: switched on for the tenant and open to one of their roles (on the tenant's side,
 * where that differs), titled in the tenant's own words.
 */
export function visibleSections(
  modules: readonly ModuleKey[],
  roles: readonly Role[],
  tenant?: { kind: TenantKind; settings: TenantSettings },
): Section[] {
  return (
    sections
      .filter((s) => {
        const allowed = (tenant && s.rolesByKind?.[tenant.kind]) ?? s.roles;
        return (
          (s.module === undefined || modules.includes(s.module)) && allowed.some((r) => roles.includes(r))
        );
      })
      // Plain data only: sections travel to the browser.
      .map(({ titleFrom, summaryFrom, rolesByKind: _sides, summaryForSchool, ...s }) => ({
        ...s,
        title: (tenant && titleFrom?.(tenant.settings)) || s.title,
        summary: summaryOf(
          (tenant && summaryFrom?.(tenant.kind, modules)) || s.summary,
          summaryForSchool,
          roles,
        ),
      }))
  );
}
