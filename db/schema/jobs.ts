import { index, jsonb, pgEnum, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { tenantTable } from './tenancy';

export const jobRunStatus = pgEnum('job_run_status', ['done', 'failed']);

/** What a job reports it did, shown to the tenant's manager ("3 reminders sent to 2 advisers"). */
export type JobRunSummary = Record<string, number | string>;

/**
 * One run of a scheduled job in one tenant for one period (a day, a week, an academic year). The unique
 * period key is what makes a job idempotent: the run claims its row in the same transaction as its work,
 * so a second run of the same period finds the row and does nothing. A failed run is recorded with its
 * error and may be claimed again.
 */
export const jobRuns = tenantTable(
  'job_runs',
  {
    /** The job's key, e.g. "renewal-reminders". */
    job: text('job').notNull(),
    /** The period the run covers, e.g. "2026-11-30", "2026-W49", "2025". */
    periodKey: text('period_key').notNull(),
    status: jobRunStatus('status').notNull(),
    /** "schedule" for pg-boss, or the manager's "run now". */
    trigger: text('trigger').notNull().default('schedule'),
    summary: jsonb('summary').$type<JobRunSummary>().notNull().default({}),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    unique('job_runs_period').on(t.tenantId, t.job, t.periodKey),
    index('job_runs_tenant_started').on(t.tenantId, t.startedAt),
  ],
);

export type JobRun = typeof jobRuns.$inferSelect;
