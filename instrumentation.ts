/**
 * Runs once when the server starts: validate the environment, open, migrate and seed the database, then
 * start the job queue (pg-boss: email delivery and the scheduled jobs) in this process.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./server/env');
  env();
  const { getDatabase } = await import('./server/database');
  const database = await getDatabase();
  console.info(`Stride database ready (${database.kind}).`);
  const { startAppJobQueue } = await import('./server/jobs/app-job-queue');
  await startAppJobQueue();
  console.info('Stride job queue started (email delivery, scheduled jobs).');
}
