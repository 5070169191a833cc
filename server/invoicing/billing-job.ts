import { and, eq, sql } from 'drizzle-orm';
import { withTenant, type Db, type Tx } from '~/db/client';
import { billingRuns, tenants } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { jobSenderFor } from '../jobs/job-dispatch';
import { onCommit } from '../unit-of-work/on-commit';
import {
  billingRunInputOf,
  billingRunLabel,
  billingRunParams,
  planBillingRun,
  writeDraftInvoices,
  type BillingRunInput,
  type PlannedInvoice,
} from './billing-run';

/** The pg-boss queue that creates a confirmed run's invoices. */
export const billingRunQueue = 'billing-run';
export type BillingRunJob = { tenantId: string; runId: string };

/**
 * The finance user confirms a previewed run: the run is recorded (its progress row) and handed to the job
 * queue once this commits; the job creates the invoices school by school.
 */
export async function startBillingRun(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'name' | 'kind' | 'laCodes' | 'userId'>,
  input: BillingRunInput,
) {
  const planned = await planBillingRun(tx, actor, input);
  if (planned.length === 0)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'Nothing left to bill: everything here is on an invoice already.',
    });
  const [run] = await tx
    .insert(billingRuns)
    .values({
      tenantId: actor.tenantId,
      kind: input.kind,
      label: billingRunLabel(input),
      params: billingRunParams(input),
      schoolsTotal: new Set(planned.map((p) => p.schoolId)).size,
      createdByUserId: actor.userId,
    })
    .returning({ id: billingRuns.id, schoolsTotal: billingRuns.schoolsTotal });
  if (!run) throw new Error('billing run not created');
  const job = { tenantId: actor.tenantId, runId: run.id };
  onCommit(tx, (db) => dispatchBillingRun(db, job));
  return { id: run.id, schoolsTotal: run.schoolsTotal, invoices: planned.length };
}

/**
 * A running run whose job has shown no sign of life (started, a school billed or failed) for this long has
 * stopped: a school takes well under a second, a retry waits 30 s, so this is far beyond a working job.
 */
export const billingRunStaleMinutes = 3;

/** True in SQL when the run's last heartbeat is older than `billingRunStaleMinutes`. */
export const billingRunStale = sql<boolean>`(${billingRuns.heartbeatAt} < now() - make_interval(mins => ${billingRunStaleMinutes}))`;

/**
 * Where a run is, for the page and for resuming: running (its job is alive), stalled (shown as running, but its
 * job is gone or has shown no progress for a while), stopped (a pass failed) or done. Stalled and stopped runs
 * may be resumed; a running one may not. `jobLive` is what this process's job queue knows of the run's job
 * (undefined when no queue runs here: then only the heartbeat tells).
 */
export function billingRunPhase(
  run: { status: 'running' | 'done' | 'failed'; stale: boolean },
  jobLive: boolean | undefined,
): 'running' | 'stalled' | 'stopped' | 'done' {
  if (run.status === 'done') return 'done';
  if (run.status === 'failed') return 'stopped';
  return run.stale || jobLive === false ? 'stalled' : 'running';
}

/** Whether the job queue holds the run's job, queued, waiting to retry or working; undefined when no queue runs here. */
export async function billingRunJobLive(db: Db, runId: string): Promise<boolean | undefined> {
  const sender = jobSenderFor(db);
  return sender?.isLive ? sender.isLive(billingRunQueue, runId) : undefined;
}

/**
 * Resumes a run that failed or stopped: it bills only what the earlier passes did not. Refused while the run
 * is still running (its job alive and making progress), so a finance user cannot start a second pass beside it.
 */
export async function resumeBillingRun(
  tx: Tx,
  actor: Pick<Actor, 'tenantId'>,
  input: { billingRunId: string },
  jobLive?: boolean,
) {
  const [run] = await tx
    .select({ id: billingRuns.id, status: billingRuns.status, stale: billingRunStale })
    .from(billingRuns)
    .where(eq(billingRuns.id, input.billingRunId))
    .for('update');
  if (!run) throw new DomainError({ code: 'NOT_FOUND', message: 'That billing run was not found.' });
  const phase = billingRunPhase(run, jobLive);
  if (phase === 'done')
    throw new DomainError({ code: 'CONFLICT', message: 'That billing run has finished: nothing to resume.' });
  if (phase === 'running')
    throw new DomainError({
      code: 'CONFLICT',
      message: `That billing run is still running. It can be resumed only if it stops, or shows no progress for ${billingRunStaleMinutes} minutes.`,
    });
  await tx
    .update(billingRuns)
    .set({
      status: 'running',
      error: null,
      schoolsFailed: 0,
      finishedAt: null,
      heartbeatAt: sql`now()`,
    })
    .where(eq(billingRuns.id, run.id));
  const job = { tenantId: actor.tenantId, runId: run.id };
  onCommit(tx, (db) => dispatchBillingRun(db, job));
  return { id: run.id };
}

/** To the job queue when this process runs one; otherwise (tests, scripts) here and now. */
export async function dispatchBillingRun(db: Db, job: BillingRunJob): Promise<void> {
  const sender = jobSenderFor(db);
  if (sender) await sender.send(billingRunQueue, job, job.runId);
  else await processBillingRun(db, job);
}

/** Thrown by a test's simulated crash after some schools. */
export class SimulatedCrash extends Error {}

/**
 * The job: plans what is still unbilled for the run's parameters (whatever an earlier, killed pass invoiced
 * is left out by its lines' source keys), then writes each school's invoices in a transaction of its own
 * together with the progress row, so a crash leaves whole schools billed or not at all, and a re-run
 * completes the rest without billing anything twice. A school that fails is counted and the others go on.
 */
export async function processBillingRun(
  db: Db,
  job: BillingRunJob,
  options: { crashAfterSchools?: number } = {},
): Promise<{ status: 'done' | 'failed' | 'skipped'; schoolsDone: number; schoolsFailed: number }> {
  const start = await withTenant(db, job.tenantId, async (tx) => {
    const [run] = await tx.select().from(billingRuns).where(eq(billingRuns.id, job.runId));
    const [tenant] = await tx
      .select({ name: tenants.name, kind: tenants.kind, laCodes: tenants.laCodes })
      .from(tenants)
      .where(eq(tenants.id, job.tenantId));
    if (!run || !tenant || run.status === 'done') return null;
    const input = billingRunInputOf(run);
    const actor = { tenantId: job.tenantId, ...tenant };
    const planned = await planBillingRun(tx, actor, input);
    const bySchool = new Map<string, PlannedInvoice[]>();
    for (const p of planned) bySchool.set(p.schoolId, [...(bySchool.get(p.schoolId) ?? []), p]);
    await tx
      .update(billingRuns)
      .set({
        status: 'running',
        schoolsFailed: 0,
        error: null,
        heartbeatAt: sql`now()`,
        schoolsTotal: sql`${billingRuns.schoolsDone} + ${bySchool.size}`,
      })
      .where(eq(billingRuns.id, run.id));
    return { bySchool };
  });
  if (!start) return { status: 'skipped', schoolsDone: 0, schoolsFailed: 0 };

  try {
    return await billSchools(db, job, start.bySchool, options);
  } catch (error) {
    // A crash of the whole pass (not one school's): the run shows as stopped, to resume; the job is retried.
    if (!(error instanceof SimulatedCrash))
      await withTenant(db, job.tenantId, (tx) =>
        tx
          .update(billingRuns)
          .set({
            status: 'failed',
            error: String(error instanceof Error ? error.message : error).slice(0, 1000),
          })
          .where(eq(billingRuns.id, job.runId)),
      );
    throw error;
  }
}

async function billSchools(
  db: Db,
  job: BillingRunJob,
  bySchool: Map<string, PlannedInvoice[]>,
  options: { crashAfterSchools?: number },
): Promise<{ status: 'done' | 'failed'; schoolsDone: number; schoolsFailed: number }> {
  let done = 0;
  let failed = 0;
  let lastError: string | null = null;
  for (const [, invoices] of bySchool) {
    const schoolName = invoices[0]?.schoolName ?? '';
    try {
      await withTenant(db, job.tenantId, async (tx) => {
        await writeDraftInvoices(tx, job.tenantId, job.runId, invoices);
        await tx
          .update(billingRuns)
          .set({
            schoolsDone: sql`${billingRuns.schoolsDone} + 1`,
            invoicesCreated: sql`${billingRuns.invoicesCreated} + ${invoices.length}`,
            currentSchool: schoolName,
            heartbeatAt: sql`now()`,
          })
          .where(eq(billingRuns.id, job.runId));
      });
      done += 1;
    } catch (error) {
      failed += 1;
      const cause = (error as { cause?: unknown }).cause ?? error;
      lastError = /invoice_lines_source_once/.test(String(cause))
        ? `${schoolName}: billed by another run at the same time`
        : `${schoolName}: ${error instanceof Error ? error.message : String(error)}`;
      await withTenant(db, job.tenantId, (tx) =>
        tx
          .update(billingRuns)
          .set({
            schoolsFailed: sql`${billingRuns.schoolsFailed} + 1`,
            error: lastError?.slice(0, 1000),
            heartbeatAt: sql`now()`,
          })
          .where(eq(billingRuns.id, job.runId)),
      );
    }
    if (options.crashAfterSchools !== undefined && done >= options.crashAfterSchools)
      throw new SimulatedCrash(`simulated crash after ${done} schools`);
  }
  const status = failed > 0 ? 'failed' : 'done';
  await withTenant(db, job.tenantId, (tx) =>
    tx
      .update(billingRuns)
      .set({ status, currentSchool: null, finishedAt: sql`now()` })
      .where(and(eq(billingRuns.id, job.runId), eq(billingRuns.status, 'running'))),
  );
  return { status, schoolsDone: done, schoolsFailed: failed };
}
