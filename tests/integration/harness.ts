import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, inject } from 'vitest';
import { openDatabase, withPlatform, type Database, type Db } from '~/db/client';
import { tenants, users } from '~/db/schema';
import { createCaller } from '~/server/routers';

export const testAppUrl = 'http://stride.test';

/** True when this run is on real PostgreSQL, where several connections can race. */
export const onPostgres = inject('databaseUrl') !== null;

/**
 * The database for one test file: the run's PostgreSQL database, or a private PGlite copy of the
 * seeded snapshot. Closed after the file's tests.
 */
export async function openTestDatabase(options: { maxConnections?: number } = {}): Promise<Database> {
  const url = inject('databaseUrl');
  const snapshot = inject('pgliteSnapshot');
  const database = url
    ? await openDatabase({ kind: 'postgres', url, maxConnections: options.maxConnections ?? 4 })
    : await openDatabase({ kind: 'pglite', loadDataDir: new Blob([await readFile(snapshot ?? '')]) });
  afterAll(() => database.close());
  return database;
}

export async function userByEmail(db: Db, email: string) {
  const [user] = await withPlatform(db, (tx) => tx.select().from(users).where(eq(users.email, email)));
  if (!user) throw new Error(`no seeded user ${email}`);
  return user;
}

export async function tenantBySlug(db: Db, slug: string) {
  const [tenant] = await withPlatform(db, (tx) => tx.select().from(tenants).where(eq(tenants.slug, slug)));
  if (!tenant) throw new Error(`no seeded tenant ${slug}`);
  return tenant;
}

/** A tRPC caller acting as a seeded user in a workspace, through the real router and middleware. */
export async function callerFor(db: Db, email: string, tenantSlug: string | null) {
  const user = await userByEmail(db, email);
  return createCaller({
    db,
    session: { id: user.id, email: user.email, name: user.name, isSuperadmin: user.isSuperadmin },
    tenantSlug,
    appUrl: testAppUrl,
  });
}

export function anonymousCaller(db: Db, tenantSlug: string | null = null) {
  return createCaller({ db, session: null, tenantSlug, appUrl: testAppUrl });
}

/** Rows of a raw query, whichever driver ran it (postgres.js returns an array, PGlite an object with rows). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows as T[];
  }
  throw new Error('unexpected query result shape');
}

/** Awaits a promise that must fail and returns the whole error chain's text (drizzle wraps the driver's error). */
export async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const parts: string[] = [];
    let current: unknown = error;
    while (current instanceof Error) {
      parts.push(current.message);
      current = current.cause;
    }
    return parts.join(' | ');
  }
  throw new Error('expected the promise to fail, but it succeeded');
}
