/**
 * Benchmarks: print figures, never fail on timing. `npm run bench` uses DATABASE_URL when set, else PGlite for
 * what can run on it (the concurrent drawdown bench needs PostgreSQL and says so).
 */
import { eq, sql } from 'drizzle-orm';
import { defaultOpenOptions, openDatabase, withTenant, type Db } from '../../db/client';
import { schools, tenants } from '../../db/schema';
import { seedIfEmpty } from '../../seed';
import { benchCourseBookings } from './course-bookings';
import { benchDrawdowns } from './drawdowns';

async function time(label: string, runs: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  const total = samples.reduce((a, b) => a + b, 0);
  console.info(
    `${label.padEnd(46)} p50 ${pick(0.5).toFixed(2)} ms  p99 ${pick(0.99).toFixed(2)} ms  ${(runs / (total / 1000)).toFixed(0)}/s`,
  );
  return pick(0.5);
}

async function tenantRequestFloor(db: Db, tenantId: string) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select * from schools where tenant_id = ${tenantId} order by name`);
  });
}

async function benchTenantRequest() {
  const database = await openDatabase(defaultOpenOptions());
  await database.migrate();
  await seedIfEmpty(database.db);
  const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, 'barnet'));
  if (!tenant) throw new Error('seed missing');
  console.info(`Tenant-scoped request on ${database.kind}`);
  const runs = 500;
  const floor = await time('bare SQL: transaction + tenant schools list', runs, () =>
    tenantRequestFloor(database.db, tenant.id),
  );
  const app = await time('withTenant (role + RLS context) + schools list', runs, () =>
    withTenant(database.db, tenant.id, (tx) => tx.select().from(schools).orderBy(schools.name)),
  );
  console.info(`RLS-scoped request vs floor: ${(app / floor).toFixed(2)}× at p50`);
  await database.close();
}

async function main() {
  await benchTenantRequest();
  if (process.env.DATABASE_URL) {
    await benchDrawdowns(process.env.DATABASE_URL);
    await benchCourseBookings(process.env.DATABASE_URL);
  } else
    console.info(
      '\nDrawdown and course booking race benches skipped: they need PostgreSQL (set DATABASE_URL).',
    );
  console.info('\nGIAS import bench: npx tsx tests/bench/gias-import.ts');
  console.info('Pages at LA scale (production build): DATABASE_URL=… npx tsx tests/bench/pages.ts');
  console.info(
    'Billing run + concurrent invoice issue bench (PostgreSQL): npx tsx tests/bench/billing-run.ts',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
