import { defaultOpenOptions, openDatabase, type Database } from '~/db/client';
import { seedIfEmpty } from '~/seed';

const holder = globalThis as typeof globalThis & { __strideDatabase?: Promise<Database> };

/**
 * The app's database, opened, migrated and (when empty) seeded once per process.
 * The promise of a successful open is memoised; a failed open is forgotten so the next call retries.
 */
export function getDatabase(): Promise<Database> {
  if (!holder.__strideDatabase) {
    const opening = (async () => {
      const database = await openDatabase(defaultOpenOptions());
      await database.migrate();
      await seedIfEmpty(database.db);
      return database;
    })();
    holder.__strideDatabase = opening;
    opening.catch(() => {
      if (holder.__strideDatabase === opening) holder.__strideDatabase = undefined;
    });
  }
  return holder.__strideDatabase;
}
