import type { SQL } from 'drizzle-orm';
import { withTenant, type Db, type Tx } from '~/db/client';
import { auditInsert, idsOf, recordAudit } from '../audit/record-audit';
import { drainEmails, queuedEmailsIn } from '../email/send-email';
import { emailDispatcherFor } from '../jobs/email-dispatch';

/** Who a unit of work is done by, for the audit log: a person, or a system job ("job:renewal-reminders"). */
export type AuditActor = { userId: string } | { label: string };

export type UnitOfWork = {
  /** The audit action (a procedure path, a job name); null for a read, which leaves no audit row. */
  action: string | null;
  actor: AuditActor;
  /** What the change was aimed at: its id-like fields are kept in the audit row. */
  input?: unknown;
  /** What of fn's result the audit row keeps the ids of (default: the result itself). */
  auditedResult?: (result: never) => unknown;
};

/** The audit row a unit of work will write, and the result ids a statement wrote it with (if one did). */
const pendingAudit = new WeakMap<
  Tx,
  { tenantId: string; work: UnitOfWork; writtenWith?: Record<string, string> }
>();

/**
 * For a hot mutation that writes its changes in one statement: the unit of work's audit row as a part of that
 * statement (`with …, audit as (<insert>) …`) rather than a statement of its own after it (one round trip
 * less while the statement's locks are held). `resultIds` are the id fields (see idsOf) of the result the
 * mutation will return; the unit of work checks them against that result and refuses (rolls back) if they
 * differ. `when` writes the row only if it holds (a statement that may leave the work to another). Null
 * outside a unit of work that changes something.
 */
export function auditRowInStatement(tx: Tx, resultIds: Record<string, string>, when?: SQL): SQL | null {
  const pending = pendingAudit.get(tx);
  if (!pending?.work.action) return null;
  pending.writtenWith = resultIds;
  return auditInsert(
    {
      tenantId: pending.tenantId,
      actor: pending.work.actor,
      action: pending.work.action,
      input: pending.work.input,
      result: resultIds,
    },
    when,
  );
}

/**
 * The work turned out to change nothing (a booking that found the course full and was only offered the
 * waiting list): its unit of work writes no audit row, as for a refused change.
 */
export function nothingToAudit(tx: Tx): void {
  const pending = pendingAudit.get(tx);
  if (pending?.work.action) pending.writtenWith = {};
}

/**
 * The inside of a unit of work, for a caller that already holds the tenant's transaction (the tRPC
 * middleware opens one transaction for lookup, membership and work): runs `fn`, then writes the audit row
 * of a change in the same transaction, so a failure rolls back both.
 */
export async function doUnitOfWork<T>(
  tx: Tx,
  tenantId: string,
  work: UnitOfWork,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  if (work.action) pendingAudit.set(tx, { tenantId, work });
  const result = await fn(tx);
  const written = pendingAudit.get(tx)?.writtenWith;
  pendingAudit.delete(tx);
  if (work.action) {
    const audited = work.auditedResult ? (work.auditedResult as (r: T) => unknown)(result) : result;
    if (written) {
      // Written by the work's own statement: only if with the ids the result carries.
      const carried = idsOf(audited);
      const same =
        Object.keys(written).length === Object.keys(carried).length &&
        Object.entries(written).every(([key, id]) => carried[key] === id);
      if (!same)
        throw new Error(`${work.action}: the audit row was written with ids its result does not carry`);
      return result;
    }
    await recordAudit(tx, {
      tenantId,
      actor: work.actor,
      action: work.action,
      input: work.input,
      result: audited,
    });
  }
  return result;
}

/**
 * What must happen once a unit of work in `tenantId` (null: a person's own account, no workspace) has
 * committed: the emails it queued (`emailIds`, or every email queued in the tenant) go out, through the job queue when this process runs one (a job each,
 * rendered and delivered by the worker, retried with backoff), otherwise rendered and delivered here and now
 * (tests, scripts).
 */
export async function afterCommit(
  db: Db,
  tenantId: string | null,
  emailIds?: readonly string[],
): Promise<void> {
  if (emailIds?.length === 0) return;
  const dispatcher = emailDispatcherFor(db);
  if (dispatcher) {
    // Handing the ids to the job queue is not waited for: the emails are committed in the outbox, and one
    // whose hand-over fails is picked up by the email sweep within a minute.
    void dispatcher.dispatchQueuedEmails(emailIds).catch((error: unknown) => console.error('[email]', error));
    return;
  }
  await drainEmails(db, { tenantId: tenantId ?? undefined, ids: emailIds }).catch((error: unknown) =>
    console.error(error),
  );
}

/**
 * One unit of work inside a tenant, outside tRPC (scheduled jobs, webhooks, one-click links, seeds):
 * row-level security bound to the tenant, an audit row for a change, emails queued in the transaction and
 * delivered only after it commits.
 */
export async function runInTenant<T>(
  db: Db,
  options: { tenantId: string } & UnitOfWork,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  let emailIds: string[] = [];
  const result = await withTenant(db, options.tenantId, async (tx) => {
    const result = await doUnitOfWork(tx, options.tenantId, options, fn);
    emailIds = queuedEmailsIn(tx);
    return result;
  });
  if (options.action) await afterCommit(db, options.tenantId, emailIds);
  return result;
}
