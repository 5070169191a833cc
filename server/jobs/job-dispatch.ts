import type { Db } from '~/db/client';

/**
 * How work started by a request reaches the running job queue (pg-boss) of the process that holds this
 * database. Kept on globalThis (Next.js loads instrumentation and routes as separate module graphs) and keyed
 * by the database, as the email dispatcher is. No sender: no queue runs here (tests, scripts).
 */
type JobSender = {
  db: Db;
  send: (queue: string, data: object, singletonKey: string) => Promise<void>;
  /** Whether a job with this key is queued, waiting to retry or working (not finished, failed or gone). */
  isLive?: (queue: string, singletonKey: string) => Promise<boolean>;
};

const holder = globalThis as typeof globalThis & { __strideJobSenders?: JobSender[] };

export function registerJobSender(sender: JobSender): () => void {
  holder.__strideJobSenders = [...(holder.__strideJobSenders ?? []), sender];
  return () => {
    holder.__strideJobSenders = (holder.__strideJobSenders ?? []).filter((s) => s !== sender);
  };
}

export function jobSenderFor(db: Db): JobSender | undefined {
  return holder.__strideJobSenders?.find((s) => s.db === db);
}
