import type { Db, Tx } from '~/db/client';

/** Work to start once a transaction has committed (e.g. hand a billing run to the job queue). */
export type CommitTask = (db: Db) => Promise<void>;

const tasksOf = new WeakMap<Tx, CommitTask[]>();

/** Runs `task` after `tx` commits (never if it rolls back). Used by tenant procedures and runInTenant. */
export function onCommit(tx: Tx, task: CommitTask): void {
  tasksOf.set(tx, [...(tasksOf.get(tx) ?? []), task]);
}

/** The tasks `tx` asked for, taken (so they run once). */
export function takeCommitTasks(tx: Tx): CommitTask[] {
  const tasks = tasksOf.get(tx) ?? [];
  tasksOf.delete(tx);
  return tasks;
}

/** Runs the tasks in order; one failing is logged and does not stop the others (the work has committed). */
export async function runCommitTasks(db: Db, tasks: CommitTask[]): Promise<void> {
  for (const task of tasks) await task(db).catch((error: unknown) => console.error('[after commit]', error));
}
