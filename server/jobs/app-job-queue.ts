import { getDatabase } from '../database';
import { env } from '../env';
import { startJobQueue, type JobQueue } from './job-queue';

const holder = globalThis as typeof globalThis & {
  __strideJobQueue?: Promise<JobQueue>;
  __strideJobQueueStarted?: boolean;
};

/** Whether this process's job queue has started (and has not failed to): the health check's question. */
export function appJobQueueRunning(): boolean {
  return holder.__strideJobQueueStarted === true;
}

/**
 * The app's job queue: started once per process, after the database is open, migrated and seeded — inside
 * the app process, because on PGlite no other process may open the database.
 */
export function startAppJobQueue(): Promise<JobQueue> {
  if (!holder.__strideJobQueue) {
    const starting = (async () => {
      const database = await getDatabase();
      const appUrl = (env().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
        /\/$/,
        '',
      );
      const queue = await startJobQueue(database, { appUrl });
      holder.__strideJobQueueStarted = true;
      return queue;
    })();
    holder.__strideJobQueue = starting;
    starting.catch(() => {
      if (holder.__strideJobQueue === starting) holder.__strideJobQueue = undefined;
    });
  }
  return holder.__strideJobQueue;
}
