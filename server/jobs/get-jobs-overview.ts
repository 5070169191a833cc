import { desc, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { jobRuns, outboxEmails, type ModuleKey, type TenantKind } from '~/db/schema';
import { jobAppliesTo, scheduledJobs } from './scheduled-jobs';

/**
 * What the workspace's manager sees on "Jobs and emails": the jobs that run for the workspace, each run
 * (when, for which period, what it did, or why it failed), and the workspace's emails with their delivery
 * state — failed ones first. Everything read is the tenant's own, under row-level security.
 */
export async function getJobsOverview(tx: Tx, input: { modules: readonly ModuleKey[]; kind: TenantKind }) {
  const runs = await tx
    .select({
      id: jobRuns.id,
      job: jobRuns.job,
      periodKey: jobRuns.periodKey,
      status: jobRuns.status,
      trigger: jobRuns.trigger,
      summary: jobRuns.summary,
      error: jobRuns.error,
      startedAt: jobRuns.startedAt,
      finishedAt: jobRuns.finishedAt,
    })
    .from(jobRuns)
    .orderBy(desc(jobRuns.startedAt))
    .limit(100);
  const emails = await tx
    .select({
      id: outboxEmails.id,
      to: outboxEmails.to,
      subject: outboxEmails.subject,
      status: outboxEmails.status,
      attempts: outboxEmails.attempts,
      lastError: outboxEmails.lastError,
      createdAt: outboxEmails.createdAt,
      sentAt: outboxEmails.sentAt,
    })
    .from(outboxEmails)
    .orderBy(sql`${outboxEmails.status} = 'failed' desc`, desc(outboxEmails.createdAt))
    .limit(100);
  const counts = await tx
    .select({ status: outboxEmails.status, n: sql<number>`count(*)::int` })
    .from(outboxEmails)
    .groupBy(outboxEmails.status);
  const titles = new Map(scheduledJobs.map((j) => [j.key as string, j.title]));
  return {
    jobs: scheduledJobs
      .filter((j) => jobAppliesTo(j, input))
      .map((j) => ({
        key: j.key,
        title: j.title,
        description: j.description,
        schedule: j.schedule,
        lastRun: runs.find((r) => r.job === j.key) ?? null,
      })),
    runs: runs.map((r) => ({ ...r, title: titles.get(r.job) ?? r.job })),
    emails,
    emailCounts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<
      Record<(typeof outboxEmails.$inferSelect)['status'], number>
    >,
  };
}
