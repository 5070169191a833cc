import { PgBoss, fromPglite, type Clock, type Job, type JobWithMetadata } from 'pg-boss';
import type { Database } from '~/db/client';
import { todayInLondon } from '../catalogue/academic-year';
import { deliverOutboxEmail, emailAttempts, queuedEmailIds, type Mailer } from '../email/send-email';
import { billingRunQueue, processBillingRun, type BillingRunJob } from '../invoicing/billing-job';
import { registerEmailDispatcher } from './email-dispatch';
import { registerJobSender } from './job-dispatch';
import { runScheduledJob } from './run-scheduled-job';
import { scheduledJobs } from './scheduled-jobs';

export const emailQueue = 'email';
/** Every minute, each queued email without a job (the process stopped between commit and send) gets one. */
export const emailSweepQueue = 'email-sweep';

export type JobQueueOptions = {
  /** Where the email job delivers (default: SMTP_URL, or the development outbox). */
  mailer?: Mailer;
  /** First retry delay of a failed email, doubling each time (pg-boss backoff); default 60 s. */
  emailRetryDelaySeconds?: number;
  /** Double the delay on each retry (default true; tests turn it off to finish quickly). */
  emailRetryBackoff?: boolean;
  /** Register the cron schedules (default true; tests that only send emails turn it off). */
  schedule?: boolean;
  /** How often idle workers look for work; default 2 s. */
  pollingIntervalSeconds?: number;
  /** The app's address for links in job emails. */
  appUrl: string;
  /** pg-boss's TestClock in tests of schedules. */
  clock?: Clock;
  /**
   * 'later': emails are handed to the queue as usual but not delivered until `startEmailWorker()` (the booking
   * bench measures requests without the email worker's rendering beside them). Default: at once.
   */
  emailWorker?: 'now' | 'later';
};

export type JobQueue = {
  boss: PgBoss;
  /**
   * Sends an email job for each of these emails (just committed), or for each queued email (none given: the
   * sweep); one per email at a time (the queue's exclusive policy).
   */
  dispatchQueuedEmails(emailIds?: readonly string[]): Promise<void>;
  /** Starts delivering emails, when the queue was started with `emailWorker: 'later'`. */
  startEmailWorker(): Promise<void>;
  stop(): Promise<void>;
};

/** How long a hand-over of committed emails waits for others to join it, and how many it takes at most. */
const handOverWindowMs = 20;
const handOverBatchMax = 200;

/**
 * Starts pg-boss inside this process, on the app's own database: the embedded PGlite instance (which only
 * this process may open) or the PostgreSQL server (its own small pool). Creates the queues, the workers and
 * the schedules, and becomes how this database's committed emails leave (see afterCommit).
 */
export async function startJobQueue(database: Database, options: JobQueueOptions): Promise<JobQueue> {
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', clock: options.clock })
    : new PgBoss({
        connectionString: database.url ?? undefined,
        max: 3,
        application_name: 'stride-jobs',
        clock: options.clock,
      });
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };

  const backoff = options.emailRetryBackoff ?? true;
  const emailOptions = {
    policy: 'exclusive' as const,
    retryLimit: emailAttempts - 1,
    retryDelay: options.emailRetryDelaySeconds ?? 60,
    retryBackoff: backoff,
    ...(backoff ? { retryDelayMax: 6 * 3600 } : {}),
  };
  await boss.createQueue(emailQueue, emailOptions);
  // An existing queue keeps its policy; its retry settings follow this start's.
  const { policy: _policy, ...retrySettings } = emailOptions;
  await boss.updateQueue(emailQueue, retrySettings);
  // Up to ten emails at a time, each rendered and delivered on its own (one failing is retried alone), and
  // while batches come back full the worker fetches again at once: a course's sixty emails, or a burst of
  // bookings, go in seconds rather than one per polling interval.
  let emailWorker: string | undefined;
  const startEmailWorker = async () => {
    emailWorker ??= await boss.work(
      emailQueue,
      { ...polling, includeMetadata: true, batchSize: 10, burstWhenBatchFull: true, perJobResults: true },
      (jobs: JobWithMetadata<{ emailId: string }>[]) =>
        Promise.all(
          jobs.map((job) =>
            deliverOutboxEmail(database.db, job.data.emailId, {
              mailer: options.mailer,
              lastAttempt: job.retryCount >= job.retryLimit,
            }).then(
              (outcome) => ({ id: job.id, status: 'completed' as const, output: { outcome } }),
              (error: unknown) => ({
                id: job.id,
                status: 'failed' as const,
                output: { message: error instanceof Error ? error.message : String(error) },
              }),
            ),
          ),
        ),
    );
  };
  if (options.emailWorker !== 'later') await startEmailWorker();

  // A request hands over the emails it committed (it need not look for others, nor wait); the sweep (and a
  // start) hands over every queued email that has no job yet. Hand-overs arriving within a few milliseconds of
  // each other (a burst of bookings committing one after another) go in one insert: one statement and one
  // commit in pg-boss's tables for the burst rather than one per request. An email whose hand-over is lost
  // (the process stops meanwhile) stays queued in the outbox and the sweep hands it over within a minute.
  let handOver: string[] = [];
  let handingOver: Promise<void> | undefined;
  let flushNow: (() => void) | undefined;
  const dispatchQueuedEmails = async (emailIds?: readonly string[]) => {
    const ids = emailIds ? [...emailIds] : await queuedEmailIds(database.db);
    if (ids.length === 0) return;
    handOver.push(...ids);
    handingOver ??= new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, handOverWindowMs);
      flushNow = () => {
        clearTimeout(timer);
        resolve();
      };
    }).then(async () => {
      const batch = handOver;
      handOver = [];
      handingOver = undefined;
      flushNow = undefined;
      await boss.insert(
        emailQueue,
        batch.map((id) => ({ data: { emailId: id }, singletonKey: id })),
      );
      if (emailWorker) boss.notifyWorker(emailWorker);
    });
    if (handOver.length >= handOverBatchMax) flushNow?.();
    await handingOver;
  };

  await boss.createQueue(emailSweepQueue, { policy: 'singleton' });
  await boss.work(emailSweepQueue, polling, () => dispatchQueuedEmails());

  for (const job of scheduledJobs) {
    await boss.createQueue(job.key, { policy: 'singleton', retryLimit: 2, retryDelay: 300 });
    await boss.work(job.key, polling, () =>
      runScheduledJob(database.db, job.key, { today: todayInLondon(), appUrl: options.appUrl }),
    );
  }
  if (options.schedule !== false) {
    await boss.schedule(emailSweepQueue, '* * * * *', null, { tz: 'Europe/London' });
    for (const job of scheduledJobs) await boss.schedule(job.key, job.cron, null, { tz: 'Europe/London' });
  }

  // A confirmed billing run: one job per run (its id the singleton key), retried if the process dies.
  await boss.createQueue(billingRunQueue, { policy: 'singleton', retryLimit: 3, retryDelay: 30 });
  const billingWorker = await boss.work(billingRunQueue, polling, async (jobs: Job<BillingRunJob>[]) => {
    for (const job of jobs) await processBillingRun(database.db, job.data);
  });
  const unregisterSender = registerJobSender({
    db: database.db,
    send: async (queue, data, singletonKey) => {
      await boss.send(queue, data, { singletonKey });
      if (queue === billingRunQueue) boss.notifyWorker(billingWorker);
    },
    // Asked from inside a request's transaction: on PGlite (one connection, held by that transaction) pg-boss
    // could not answer until it ends, so there the run's heartbeat alone tells (one process runs every job).
    ...(database.pglite
      ? {}
      : {
          isLive: async (queue: string, singletonKey: string) =>
            (await boss.findJobs(queue, { key: singletonKey })).some((j) =>
              ['created', 'retry', 'active'].includes(j.state),
            ),
        }),
  });

  const unregister = registerEmailDispatcher({ db: database.db, dispatchQueuedEmails });
  let stopping: Promise<void> | undefined;
  // Emails queued while no queue ran (before this start, or by the seed) go now.
  await dispatchQueuedEmails();
  return {
    boss,
    dispatchQueuedEmails,
    startEmailWorker,
    stop() {
      unregister();
      unregisterSender();
      // Emails waiting for the next hand-over go first.
      flushNow?.();
      const handedOver = (handingOver ?? Promise.resolve()).catch((error: unknown) =>
        console.error('[email]', error),
      );
      stopping ??= handedOver.then(() => boss.stop({ graceful: true, timeout: 10_000 }));
      return stopping;
    },
  };
}
