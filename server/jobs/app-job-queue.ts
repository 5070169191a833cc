import { getDatabase } from '../database';
import { env } from '../env';
import { startJobQueue, type JobQueue } from './job-queue';

const holder = globalThis as typeof globalThis & { __strideJobQueue?: Promise<JobQueue> };

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
      return startJobQueue(database, { appUrl });
    })();
    holder.__strideJobQueue = starting;
    starting.catch(() => {
      if (holder.__strideJobQueue === starting) holder.__strideJobQueue = undefined;
    });
  }
  return holder.__strideJobQueue;
}
