/** Runs once when the server starts: validate the environment, then open, migrate and seed the database. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./server/env');
  env();
  const { getDatabase } = await import('./server/database');
  const database = await getDatabase();
  console.info(`Stride database ready (${database.kind}).`);
}
