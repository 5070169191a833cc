import { defaultOpenOptions, openDatabase } from '../client';

/** Applies the committed migrations to DATABASE_URL (or the local PGlite directory). The app also does this at start. */
async function main() {
  const database = await openDatabase(defaultOpenOptions());
  await database.migrate();
  await database.close();
  console.info('Migrations applied.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
