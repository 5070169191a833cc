import { defaultOpenOptions, openDatabase, type Database } from '~/db/client';
import { countQuery } from './bench/query-counter';
import { seedIfEmpty } from '~/seed';
import { benchRoutesEnabled, demoSeedRequested, env } from './env';
import { ensurePlatformAdmins } from './platform/ensure-platform-admins';

const holder = globalThis as typeof globalThis & { __strideDatabase?: Promise<Database> };

/**
 * What the app does to its database at start: apply the migrations; seed the demo workspaces into an empty
 * database only when asked (STRIDE_DEMO=1: `npm run dev`, e2e); make the configured platform administrators.
 * A production start on an empty database with neither creates no workspace and no user.
 */
export async function prepareDatabase(
  database: Database,
  options: { demo: boolean; platformAdminEmails: readonly string[] },
): Promise<{ seeded: boolean; platformAdmins: string[] }> {
  await database.migrate();
  const seeded = options.demo ? await seedIfEmpty(database.db) : false;
  const platformAdmins = await ensurePlatformAdmins(database.db, options.platformAdminEmails);
  return { seeded, platformAdmins };
}

/**
 * The app's database, opened and prepared once per process.
 * The promise of a successful open is memoised; a failed open is forgotten so the next call retries.
 */
export function getDatabase(): Promise<Database> {
  if (!holder.__strideDatabase) {
    const opening = (async () => {
      const options = defaultOpenOptions();
      // The pages bench counts each view's transactions (app/bench-floor/stats).
      const database = await openDatabase(
        options.kind === 'postgres' && benchRoutesEnabled() ? { ...options, onQuery: countQuery } : options,
      );
      await prepareDatabase(database, {
        demo: demoSeedRequested(),
        platformAdminEmails: env().PLATFORM_ADMIN_EMAILS,
      });
      return database;
    })();
    holder.__strideDatabase = opening;
    opening.catch(() => {
      if (holder.__strideDatabase === opening) holder.__strideDatabase = undefined;
    });
  }
  return holder.__strideDatabase;
}
