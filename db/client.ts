import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { enforceRowLevelSecurity } from './row-level-security';
import * as schema from './schema';

export type Schema = typeof schema;
/**
 * No relational query API (`db.query.…`): the app builds its queries with the query builder or SQL, and a
 * handle given the schema builds a query object per table (57) for every transaction it opens.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;

/** An open database: the drizzle handle plus what only its driver knows how to do. */
export type Database = {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** The embedded engine, when there is one (tests snapshot it; the job queue runs on it). */
  pglite: PGlite | null;
  /** The PostgreSQL connection string, when on PostgreSQL (the job queue opens its own pool with it). */
  url: string | null;
  /** Applies the committed migrations, then enables and forces row-level security on every tenant table. */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.join(process.cwd(), 'db/migrations');

export type OpenOptions =
  | {
      kind: 'postgres';
      url: string;
      maxConnections?: number;
      /**
       * Called with every statement's text as it is sent, the number of the connection it goes on and its
       * parameters (benches count a request's statements and transactions with it, and replay them).
       */
      onQuery?: (query: string, connection: number, parameters: readonly unknown[]) => void;
    }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      ...(options.onQuery
        ? {
            debug: (connection: number, query: string, parameters: unknown[]) =>
              options.onQuery?.(query, connection, parameters),
          }
        : {}),
    });
    const db = drizzlePostgres(alwaysPrepare(client));
    return {
      db,
      kind: 'postgres',
      pglite: null,
      url: options.url,
      migrate: async () => {
        await migratePostgres(db, { migrationsFolder });
        await enforceRowLevelSecurity(db);
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = drizzlePglite(client);
  return {
    db,
    kind: 'pglite',
    pglite: client,
    url: null,
    migrate: async () => {
      await migratePglite(db, { migrationsFolder });
      await enforceRowLevelSecurity(db);
    },
    close: () => client.close(),
  };
}

/**
 * drizzle sends every query it did not name with `prepare: false`. postgres.js then runs a query with
 * parameters as Parse+Describe, waits for the server's reply, and only then Bind+Execute: two round trips per
 * statement, and a fresh parse and plan each time. Passing `prepare: true` (postgres.js's own default) lets
 * each connection keep a named statement per query text: one round trip, planned once (PostgreSQL re-plans it
 * when the role or row-level security context changes). Applies inside transactions and savepoints too.
 *
 * Transactions (`begin`) are pipelined: see pipelinedTransaction.
 */
function alwaysPrepare(
  client: postgres.Sql,
  inTransaction?: postgres.ReservedSql,
  pipeline?: Pipeline,
): postgres.Sql {
  const unsafe = (
    query: string,
    params?: postgres.ParameterOrJSON<never>[],
    options?: postgres.UnsafeQueryOptions,
  ) => {
    if (pipeline?.commit)
      throw new Error(
        'This transaction has already committed with its last statement: nothing can follow it.',
      );
    const sent = client.unsafe(query, params, { ...options, prepare: true });
    if (pipeline?.commitNext) {
      // Both queued now, in order, without waiting for the statement's result: the server runs COMMIT as soon
      // as the statement is done.
      pipeline.commitNext = false;
      sent.execute();
      const commit = client.unsafe('commit', [], { prepare: true }).execute();
      commit.catch(() => {});
      pipeline.commit = commit;
    }
    return sent;
  };
  let savepoints = 0;
  const wrapped: postgres.Sql = new Proxy(client, {
    get(target, property) {
      if (property === 'unsafe') return unsafe;
      if (property === 'begin' && !inTransaction) return begin;
      if (property === 'savepoint' && inTransaction) return savepoint;
      return Reflect.get(target, property, target);
    },
  });
  function begin(...args: unknown[]) {
    const fn = args.pop() as (inner: postgres.Sql) => unknown;
    const options = typeof args[0] === 'string' ? args[0] : '';
    return pipelinedTransaction(client, options, fn);
  }
  /** As postgres.js's own: a named savepoint, rolled back to if `fn` throws. */
  async function savepoint(...args: unknown[]) {
    const fn = args.pop() as (inner: postgres.Sql) => unknown;
    const name = `s${savepoints++}`;
    await wrapped.unsafe(`savepoint ${name}`, []);
    if (pipeline) pipeline.savepoints++;
    try {
      return await fn(wrapped);
    } catch (error) {
      await wrapped.unsafe(`rollback to ${name}`, []);
      throw error;
    } finally {
      if (pipeline) pipeline.savepoints--;
    }
  }
  if (pipeline) pipelines.set(wrapped, pipeline);
  return wrapped;
}

/**
 * A pipelined transaction's state: whether its next statement is its last (see commitWithNextStatement), the
 * COMMIT sent behind it, and how many savepoints are open (inside one, COMMIT would end the whole transaction
 * early: the request is ignored there).
 */
type Pipeline = {
  commitNext: boolean;
  commit: ReturnType<postgres.Sql['unsafe']> | null;
  savepoints: number;
};
const pipelines = new WeakMap<object, Pipeline>();

/**
 * Sends COMMIT right behind `tx`'s next statement, without waiting for its result, for a hot transaction whose
 * last statement holds a contended lock: the server commits (and releases the lock) as soon as the statement is
 * done, not once this process has read the result and answered, which under load can take longer than the
 * statement itself.
 * The statement's own failure still rolls everything back (PostgreSQL answers that COMMIT with ROLLBACK, and the
 * statement's error is what the caller hears). The price: nothing can be undone after that statement, and no
 * statement may follow it (one that tries throws). On PGlite, and inside a savepoint, it does nothing and the
 * transaction commits as usual at its end.
 */
export function commitWithNextStatement(tx: Tx): void {
  // postgres.js's handle (what pipelinedTransaction gave drizzle) is a function; PGlite's is not in the map.
  const client = (tx._.session as unknown as { client?: unknown }).client;
  const pipeline = typeof client === 'function' ? pipelines.get(client) : undefined;
  if (pipeline && pipeline.savepoints === 0) pipeline.commitNext = true;
}

const connectionLost = (error: unknown) =>
  typeof (error as { code?: unknown } | null)?.code === 'string' &&
  (error as { code: string }).code.startsWith('CONNECT');

/**
 * A transaction whose BEGIN is not waited for: postgres.js's `begin` sends BEGIN and waits for its reply
 * before running the transaction's first statement; here BEGIN is queued on a reserved connection and goes
 * out in the same write as the statements `fn` sends first (postgres.js sends what one turn of the event loop
 * queued on a connection together; the server runs them in order), so a transaction costs one round trip
 * less. Otherwise as postgres.js's: COMMIT if `fn` succeeds, ROLLBACK if it throws. A statement that failed
 * without `fn` throwing (one not awaited, or caught) aborts the transaction, and PostgreSQL then answers
 * COMMIT with ROLLBACK: that is an error here too, as it is in postgres.js.
 */
async function pipelinedTransaction<T>(
  client: postgres.Sql,
  options: string,
  fn: (inner: postgres.Sql) => T | Promise<T>,
): Promise<T> {
  const reserved = await client.reserve();
  // A connection lost mid-transaction is back in the pool's care (it reconnects it when next needed): it is
  // not released a second time.
  let lost = false;
  const watch = (error: unknown) => {
    if (connectionLost(error)) lost = true;
    throw error;
  };
  try {
    const began = reserved
      .unsafe(`begin ${options.replace(/[^a-z ]/gi, '')}`, [], { prepare: true })
      .execute();
    // Its failure also fails the statements after it; it is awaited below, so none goes unnoticed.
    began.catch(() => {});
    let result: T;
    const pipeline: Pipeline = { commitNext: false, commit: null, savepoints: 0 };
    try {
      const x = fn(alwaysPrepare(reserved, reserved, pipeline));
      result = await (Array.isArray(x) ? (Promise.all(x) as T) : x);
      await began;
    } catch (error) {
      // The original error is what the caller hears of; a lost connection ends the transaction anyway, and one
      // whose COMMIT went out early is over whichever way it went.
      const ending = pipeline.commit ?? reserved.unsafe('rollback', [], { prepare: true });
      if (connectionLost(error)) lost = true;
      else
        await ending.catch((endError: unknown) => {
          if (connectionLost(endError)) lost = true;
        });
      throw error;
    }
    const committed = await (pipeline.commit ?? reserved.unsafe('commit', [], { prepare: true })).catch(
      watch,
    );
    if (committed.command !== 'COMMIT')
      throw new Error('The transaction was rolled back: one of its statements failed.');
    return result;
  } finally {
    if (!lost) reserved.release();
  }
}

/** Where the app's database lives: PostgreSQL when DATABASE_URL is set, else embedded PGlite under .data/. */
/**
 * The server's connections to PostgreSQL (DATABASE_POOL_SIZE overrides it). A request holds a connection for each
 * of its transactions, and while it does the process may be rendering other requests: with fewer connections than
 * requests in flight, views queue for one. At 20 clients the visits planner's p99 was 2.0–2.3× the one-query
 * floor's with 10 connections and 1.4× (median of three rounds) with 20 (tests/bench/pages.ts).
 */
export const defaultPoolSize = 20;

export function defaultOpenOptions(env: NodeJS.ProcessEnv = process.env): OpenOptions {
  if (env.DATABASE_URL) {
    const size = env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : defaultPoolSize;
    if (!Number.isInteger(size) || size < 1 || size > 500)
      throw new Error(
        `DATABASE_POOL_SIZE must be a whole number from 1 to 500, not "${env.DATABASE_POOL_SIZE}".`,
      );
    return { kind: 'postgres', url: env.DATABASE_URL, maxConnections: size };
  }
  return { kind: 'pglite', dataDir: env.PGLITE_DATA_DIR ?? path.join(process.cwd(), '.data/pglite') };
}

/**
 * Makes the rest of a transaction run as the runtime role, with the tenant and/or user context set, in one
 * statement. Row-level security then limits every statement to that tenant (or that user's own rows).
 */
export async function scopeTransaction(
  tx: Tx,
  scope: { tenantId?: string; userId?: string } = {},
): Promise<void> {
  await tx.execute(
    sql`select set_config('role', 'stride_app', true), set_config('app.tenant_id', ${scope.tenantId ?? ''}, true), set_config('app.user_id', ${scope.userId ?? ''}, true)`,
  );
}

/**
 * Runs fn in a transaction as the runtime role with the tenant context set, so row-level security
 * limits every statement to that tenant. No tenant data is read outside this.
 */
export function withTenant<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await scopeTransaction(tx, { tenantId });
    return fn(tx);
  });
}

/** As the runtime role with only the user context: reads that user's memberships across tenants. */
export function withUser<T>(db: Db, userId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await scopeTransaction(tx, { userId });
    return fn(tx);
  });
}

/** As the runtime role with no tenant: platform tables only (tenant tables return no rows). */
export function withPlatform<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await scopeTransaction(tx);
    return fn(tx);
  });
}

/**
 * Runs `fn` with the commissioned-provider read switched on: inside it (and only inside it) a provider's
 * transaction may read the SCC case and action plan of schools an LA has commissioned it to support.
 */
export async function withCommissionedRead<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('app.commissioned_read', 'on', true)`);
  try {
    return await fn();
  } finally {
    await tx.execute(sql`select set_config('app.commissioned_read', '', true)`);
  }
}

/**
 * Runs hand-written SQL and returns its rows, on either driver (postgres.js answers with the rows, PGlite with
 * `{ rows }`). For the few hot statements a query builder would cost more CPU to build than to run.
 */
export async function executeRows<T extends Record<string, unknown>>(tx: Tx | Db, query: SQL): Promise<T[]> {
  const result: unknown = await tx.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
