import { defaultOpenOptions, openDatabase } from '~/db/client';
import { seedIfEmpty } from './index';

/** Migrates, then seeds the demo workspaces if the database has none. Stop the dev server first when using PGlite. */
async function main() {
  const database = await openDatabase(defaultOpenOptions());
  await database.migrate();
  const seeded = await seedIfEmpty(database.db);
  await database.close();
  console.info(seeded ? 'Demo workspaces seeded.' : 'Database already has workspaces; nothing seeded.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
