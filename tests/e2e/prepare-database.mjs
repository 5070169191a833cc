// Makes a fresh stride_e2e database on the local server when the journeys were not given one.
// The app migrates and seeds it itself when it starts.
import postgres from 'postgres';

if (process.env.E2E_RESET_DATABASE === '1') {
  const target = new URL(process.env.DATABASE_URL);
  const name = target.pathname.slice(1);
  const admin = new URL(target);
  admin.pathname = '/postgres';
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists "${name}" with (force)`);
  await sql.unsafe(`create database "${name}"`);
  await sql.end();
  console.info(`e2e: fresh database ${name}`);
}
