import type { Db } from '~/db/client';

/**
 * How queued emails leave after a commit: handed to the running job queue (pg-boss) of the process that
 * holds this database, if one is running. Kept on globalThis because Next.js loads instrumentation and the
 * routes as separate module graphs, and keyed by the database so a test's own database uses its own queue.
 */
type Dispatcher = { db: Db; dispatchQueuedEmails: (emailIds?: readonly string[]) => Promise<void> };

const holder = globalThis as typeof globalThis & { __strideEmailDispatchers?: Dispatcher[] };

export function registerEmailDispatcher(dispatcher: Dispatcher): () => void {
  holder.__strideEmailDispatchers = [...(holder.__strideEmailDispatchers ?? []), dispatcher];
  return () => {
    holder.__strideEmailDispatchers = (holder.__strideEmailDispatchers ?? []).filter((d) => d !== dispatcher);
  };
}

export function emailDispatcherFor(db: Db): Dispatcher | undefined {
  return holder.__strideEmailDispatchers?.find((d) => d.db === db);
}
