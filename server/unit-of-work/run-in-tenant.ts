import { withTenant, type Db, type Tx } from '~/db/client';
import { recordAudit } from '../audit/record-audit';
import { drainEmails } from '../email/send-email';
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
  const result = await fn(tx);
  if (work.action) {
    await recordAudit(tx, {
      tenantId,
      actor: work.actor,
      action: work.action,
      input: work.input,
      result: work.auditedResult ? (work.auditedResult as (r: T) => unknown)(result) : result,
    });
  }
  return result;
}

/**
 * What must happen once a unit of work in `tenantId` has committed: the emails it queued go out, through the
 * job queue when this process runs one (retried with backoff), otherwise delivered here and now, the
 * tenant's only (tests, scripts).
 */
export async function afterCommit(db: Db, tenantId: string): Promise<void> {
  const dispatcher = emailDispatcherFor(db);
  const dispatch = dispatcher ? dispatcher.dispatchQueuedEmails() : drainEmails(db, { tenantId });
  await Promise.resolve(dispatch).catch((error: unknown) => console.error(error));
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
  const result = await withTenant(db, options.tenantId, (tx) =>
    doUnitOfWork(tx, options.tenantId, options, fn),
  );
  if (options.action) await afterCommit(db, options.tenantId);
  return result;
}
