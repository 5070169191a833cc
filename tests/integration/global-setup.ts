import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '~/db/client';
import { seedIfEmpty } from '~/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set when the suite runs on real PostgreSQL (DATABASE_URL). */
    databaseUrl: string | null;
    /** Otherwise: a migrated, seeded PGlite data directory that each test file loads its own copy of. */
    pgliteSnapshot: string | null;
  }
}

/** Migrates and seeds once per run; test files then share PostgreSQL or start from a PGlite snapshot. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL ?? null;
  if (url) {
    const database = await openDatabase({ kind: 'postgres', url, maxConnections: 2 });
    await database.migrate();
    await seedIfEmpty(database.db);
    await database.close();
    project.provide('databaseUrl', url);
    project.provide('pgliteSnapshot', null);
    console.info(`Integration tests on PostgreSQL (${new URL(url).pathname.slice(1)}).`);
    return;
  }
  const database = await openDatabase({ kind: 'pglite' });
  await database.migrate();
  await seedIfEmpty(database.db);
  if (!database.pglite) throw new Error('expected an embedded database');
  const dump = await database.pglite.dumpDataDir('none');
  const snapshot = path.join(os.tmpdir(), `stride-test-${process.pid}.tar`);
  await writeFile(snapshot, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('databaseUrl', null);
  project.provide('pgliteSnapshot', snapshot);
  console.info(
    'Integration tests on PGlite (set DATABASE_URL to run them on PostgreSQL, including concurrency tests).',
  );
}
