import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '~/db/client';
import { checkHealth } from '~/server/platform/health';
import { anonymousCaller, openTestDatabase } from './harness';

describe('the server’s health check', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('answers anyone, and is unhealthy while this process runs no job queue', async () => {
    // Tests start no job queue in their process: the check must say so rather than pass.
    expect(await anonymousCaller(database.db).health.check()).toEqual({
      healthy: false,
      database: 'ok',
      jobs: 'not started',
    });
    expect(await checkHealth(database.db, true)).toEqual({ healthy: true, database: 'ok', jobs: 'running' });
  });

  it('fails when the database does not answer', async () => {
    const gone = await openDatabase({ kind: 'pglite' });
    await gone.close();
    await expect(checkHealth(gone.db, true)).rejects.toThrow();
  });
});
