import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { jobRuns, type JobRunSummary } from '~/db/schema';
import type { JobContext, ScheduledJob } from './scheduled-jobs';

export type TenantJobResult =
  { ran: true; runId: string; periodKey: string; summary: JobRunSummary } | { ran: false; periodKey: string };

/**
 * Runs one job for one tenant and period, inside the tenant's transaction. The run first claims its
 * job_runs row (unique per tenant, job and period): if the period already ran, nothing happens. The claim,
 * the work and its summary commit together, so a run that fails leaves no claim behind and may run again.
 */
export async function runTenantJob(
  tx: Tx,
  job: ScheduledJob,
  context: JobContext,
  trigger: 'schedule' | 'manual',
): Promise<TenantJobResult> {
  const periodKey = job.periodKey(context.today, context.now);
  const [claimed] = await tx
    .insert(jobRuns)
    .values({ tenantId: context.tenant.id, job: job.key, periodKey, status: 'done', trigger })
    .onConflictDoUpdate({
      target: [jobRuns.tenantId, jobRuns.job, jobRuns.periodKey],
      set: { status: 'done', trigger, error: null, startedAt: sql`now()` },
      // Only a recorded failure may be run again.
      setWhere: eq(jobRuns.status, 'failed'),
    })
    .returning({ id: jobRuns.id });
  if (!claimed) return { ran: false, periodKey };
  const summary = await job.run(tx, context);
  await tx
    .update(jobRuns)
    .set({ summary, finishedAt: sql`now()` })
    .where(and(eq(jobRuns.tenantId, context.tenant.id), eq(jobRuns.id, claimed.id)));
  return { ran: true, runId: claimed.id, periodKey, summary };
}

/** Records that a run failed (in its own transaction, the run's own having rolled back). */
export async function recordJobFailure(
  tx: Tx,
  input: { tenantId: string; job: string; periodKey: string; trigger: string; error: string },
) {
  await tx
    .insert(jobRuns)
    .values({
      tenantId: input.tenantId,
      job: input.job,
      periodKey: input.periodKey,
      status: 'failed',
      trigger: input.trigger,
      error: input.error.slice(0, 2000),
      finishedAt: sql`now()`,
    })
    .onConflictDoUpdate({
      target: [jobRuns.tenantId, jobRuns.job, jobRuns.periodKey],
      set: { error: input.error.slice(0, 2000), finishedAt: sql`now()`, trigger: input.trigger },
      setWhere: eq(jobRuns.status, 'failed'),
    });
}
