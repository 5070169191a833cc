import { sql } from 'drizzle-orm';
import type { Db } from '~/db/client';

export type Health = { healthy: boolean; database: 'ok'; jobs: 'running' | 'not started' };

/**
 * Whether this server can do its work, for a load balancer's or orchestrator's health check: its database answers
 * (a failure throws) and its job queue (email delivery, scheduled jobs) runs in this process. It reads no table, so
 * it says nothing of any workspace.
 */
export async function checkHealth(db: Db, jobQueueRunning: boolean): Promise<Health> {
  await db.execute(sql`select 1`);
  return { healthy: jobQueueRunning, database: 'ok', jobs: jobQueueRunning ? 'running' : 'not started' };
}
