import type { Tx } from '~/db/client';
import type { JobRunSummary, ModuleKey, TenantKind } from '~/db/schema';
import { academicYearLabel, type IsoDate } from '../catalogue/academic-year';
import { escalateOverdueCheckpoints } from '../induction/escalate-overdue';
import { remindInductionDeadlines } from '../induction/remind-deadlines';
import { requestEvaluations, sendCourseReminders } from '../courses/course-jobs';
import { expireHolds } from '../courses/expire-holds';
import { alertGoNoGo, goNoGoWarningWorkingDays } from '../courses/go-no-go-alerts';
import { expireEntitlements } from '../entitlements/expire-entitlements';
import { alertTermEnds } from '../governance/alert-term-ends';
import { applyRetention } from '../privacy/apply-retention';
import { sendOverdueReminders } from '../invoicing/send-overdue-reminders';
import { remindAdvisers } from '../monitoring/remind-advisers';
import { sendDueRenewalReminders } from '../renewals/send-reminders';
import { dayPeriod, endedAcademicYear, isoWeekPeriod, quarterHourPeriod } from './job-periods';

/** The workspace a job runs for, and when. */
export type JobContext = {
  tenant: { id: string; slug: string; name: string; modules: readonly ModuleKey[] };
  appUrl: string;
  today: IsoDate;
  /** The moment of the run (jobs that act on times, e.g. hold expiry); defaults to now. */
  now?: Date;
};

export const jobKeys = [
  'renewal-reminders',
  'entitlement-expiry',
  'adviser-reminders',
  'invoice-reminders',
  'induction-escalations',
  'induction-deadline-reminders',
  'governor-term-ends',
  'course-reminders',
  'course-hold-expiry',
  'course-evaluations',
  'course-go-no-go',
  'personal-data-retention',
] as const;
export type JobKey = (typeof jobKeys)[number];

export type ScheduledJob = {
  key: JobKey;
  title: string;
  /** What it does, for the manager's jobs page. */
  description: string;
  /** Runs only in workspaces with this module (or, when given, any of `anyModule`). */
  module: ModuleKey;
  anyModule?: readonly ModuleKey[];
  /** And, when given, only in workspaces of these kinds (induction records: Appropriate Bodies only). */
  kinds?: readonly TenantKind[];
  /** When pg-boss starts it, as cron in Europe/London. */
  cron: string;
  /** In words, for the page. */
  schedule: string;
  /** The period a run covers: at most one run per period and tenant. */
  periodKey(today: IsoDate, now?: Date): string;
  /** The work, in the tenant's transaction; returns what it did. */
  run(tx: Tx, context: JobContext): Promise<JobRunSummary>;
};

export const scheduledJobs: readonly ScheduledJob[] = [
  {
    key: 'renewal-reminders',
    title: 'Buy-back renewal reminders',
    description:
      'Reminds schools that have not answered an open renewal round, on the interval set when the round was opened.',
    module: 'traded',
    cron: '0 7 * * *',
    schedule: 'Every day at 07:00',
    periodKey: dayPeriod,
    run: (tx, c) =>
      sendDueRenewalReminders(tx, {
        tenantId: c.tenant.id,
        tenantSlug: c.tenant.slug,
        providerName: c.tenant.name,
        appUrl: c.appUrl,
        today: c.today,
      }),
  },
  {
    key: 'entitlement-expiry',
    title: 'Year-end entitlement expiry',
    description:
      'When an academic year has ended, what schools did not use of their entitlements lapses (the same as “close year”).',
    module: 'traded',
    cron: '30 2 * * *',
    schedule: 'Every night at 02:30; acts once, after 31 August',
    periodKey: (today) => String(endedAcademicYear(today)),
    run: async (tx, c) => {
      const year = endedAcademicYear(c.today);
      const result = await expireEntitlements(tx, { tenantId: c.tenant.id, academicYear: year });
      return { academicYear: academicYearLabel(year), ...result };
    },
  },
  {
    key: 'adviser-reminders',
    title: 'Overdue visits and notes of visit',
    description:
      'Emails each adviser their statutory visits past due and their notes of visit not sent a week after writing.',
    module: 'statutory',
    cron: '0 7 * * 1',
    schedule: 'Every Monday at 07:00',
    periodKey: isoWeekPeriod,
    run: (tx, c) =>
      remindAdvisers(tx, {
        workspaceName: c.tenant.name,
        tenantSlug: c.tenant.slug,
        appUrl: c.appUrl,
        today: c.today,
      }),
  },
  {
    key: 'invoice-reminders',
    title: 'Overdue invoice reminders',
    description:
      'Emails the school’s finance contacts (else its headteachers and business managers) when an invoice is overdue, at the intervals set in the invoice settings; an invoice with nobody to email is named here, marked on the invoice with the day it was tried, and tried again the next day.',
    module: 'invoices',
    cron: '30 7 * * *',
    schedule: 'Every day at 07:30',
    periodKey: dayPeriod,
    run: (tx, c) =>
      sendOverdueReminders(tx, {
        tenantId: c.tenant.id,
        tenantName: c.tenant.name,
        tenantSlug: c.tenant.slug,
        appUrl: c.appUrl,
        today: c.today,
      }),
  },
  {
    key: 'induction-escalations',
    title: 'Overdue ECT reviews',
    description:
      'Escalates overdue ECT progress reviews and assessments: the induction tutor at once, the headteacher after 10 working days, the Appropriate Body after 20.',
    module: 'induction',
    kinds: ['appropriate_body'],
    cron: '15 7 * * 1-5',
    schedule: 'Every weekday at 07:15',
    periodKey: dayPeriod,
    run: (tx, c) =>
      // Only an Appropriate Body keeps induction records; elsewhere the module sells training and this finds none.
      escalateOverdueCheckpoints(tx, { tenantSlug: c.tenant.slug, appUrl: c.appUrl, today: c.today }),
  },
  {
    key: 'induction-deadline-reminders',
    title: 'End-of-induction deadlines',
    description:
      'Reminds the school (induction tutor and headteacher) of a recommendation due within 3 working days or overdue, the Appropriate Body of an outcome decision due within 5 working days or overdue, and an ECT who failed (with their induction tutor) of the deadline to appeal within 5 working days of it; once per ECT and deadline.',
    module: 'induction',
    kinds: ['appropriate_body'],
    cron: '30 7 * * 1-5',
    schedule: 'Every weekday at 07:30',
    periodKey: dayPeriod,
    run: (tx, c) =>
      remindInductionDeadlines(tx, {
        tenantId: c.tenant.id,
        tenantSlug: c.tenant.slug,
        appUrl: c.appUrl,
        today: c.today,
      }),
  },
  {
    key: 'governor-term-ends',
    title: 'Governors’ terms of office ending',
    description:
      'Tells the school (headteacher and clerk) and the managers 60 days before a governor’s term of office ends; once per term.',
    module: 'governance',
    cron: '15 7 * * *',
    schedule: 'Every day at 07:15',
    periodKey: dayPeriod,
    run: (tx, c) =>
      alertTermEnds(tx, {
        tenantId: c.tenant.id,
        workspaceName: c.tenant.name,
        tenantSlug: c.tenant.slug,
        appUrl: c.appUrl,
        today: c.today,
      }),
  },
  {
    key: 'course-reminders',
    title: 'Course reminders',
    description:
      'Reminds every booked delegate two working days before a course’s first session, with the venue or joining link. Each place is reminded once.',
    module: 'courses',
    cron: '0 8 * * *',
    schedule: 'Every day at 08:00',
    periodKey: dayPeriod,
    run: (tx, c) =>
      sendCourseReminders(tx, {
        today: c.today,
        now: c.now ?? new Date(),
        appUrl: c.appUrl,
        slug: c.tenant.slug,
        providerName: c.tenant.name,
      }),
  },
  {
    key: 'course-hold-expiry',
    title: 'Waiting-list hold expiry',
    description:
      'A waiting-list offer not claimed within its hold expires, and the place is offered to the next person waiting (or goes back on sale).',
    module: 'courses',
    cron: '*/15 * * * *',
    schedule: 'Every 15 minutes',
    periodKey: (today, now) => quarterHourPeriod(now ?? new Date()),
    run: (tx, c) =>
      expireHolds(tx, {
        now: c.now ?? new Date(),
        appUrl: c.appUrl,
        slug: c.tenant.slug,
        providerName: c.tenant.name,
      }),
  },
  {
    key: 'course-evaluations',
    title: 'Course evaluation requests',
    description:
      'After a course’s last session, asks each delegate who attended for their evaluation, with a link of their own. Each place is asked once.',
    module: 'courses',
    cron: '0 18 * * *',
    schedule: 'Every day at 18:00',
    periodKey: dayPeriod,
    run: (tx, c) =>
      requestEvaluations(tx, {
        today: c.today,
        now: c.now ?? new Date(),
        appUrl: c.appUrl,
        slug: c.tenant.slug,
        providerName: c.tenant.name,
      }),
  },
  {
    key: 'course-go-no-go',
    title: 'Go/no-go warnings',
    description: `Tells the managers, in one email, of published courses still below their minimum numbers whose go/no-go date is ${goNoGoWarningWorkingDays} working days away or nearer, so each can be run or cancelled in time. Each course is warned of once for its date.`,
    module: 'courses',
    cron: '30 7 * * *',
    schedule: 'Every day at 07:30',
    periodKey: dayPeriod,
    run: (tx, c) =>
      alertGoNoGo(tx, {
        today: c.today,
        appUrl: c.appUrl,
        slug: c.tenant.slug,
        providerName: c.tenant.name,
      }),
  },
  {
    key: 'personal-data-retention',
    title: 'Personal data retention',
    description:
      'Anonymises governors, ECT induction records and course delegates kept longer than the workspace’s retention periods (set on Personal data), and logs each erasure.',
    module: 'courses',
    anyModule: ['courses', 'induction', 'governance'],
    cron: '45 2 * * *',
    schedule: 'Every night at 02:45',
    periodKey: dayPeriod,
    run: (tx, c) =>
      applyRetention(tx, {
        tenantId: c.tenant.id,
        modules: c.tenant.modules,
        today: c.today,
        label: 'job:personal-data-retention',
      }),
  },
];

/** True when the job runs in a workspace with these modules and of this kind. */
export const jobAppliesTo = (
  job: ScheduledJob,
  tenant: { modules: readonly ModuleKey[]; kind: TenantKind },
) =>
  (job.anyModule ?? [job.module]).some((m) => tenant.modules.includes(m)) &&
  (!job.kinds || job.kinds.includes(tenant.kind));

export function scheduledJob(key: JobKey): ScheduledJob {
  const job = scheduledJobs.find((j) => j.key === key);
  if (!job) throw new Error(`unknown job ${key}`);
  return job;
}
