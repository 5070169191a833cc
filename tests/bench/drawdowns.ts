/**
 * 1,000 drawdowns from 20 concurrent connections against balances of real schools, through the app's own
 * drawDownEntitlement inside withTenant (role switch + RLS), beside the bare-SQL floor: the same conditional UPDATE
 * and INSERT with no app code. Hot = one balance for everyone (worst case: every drawdown queues on one row lock);
 * spread = one balance per school. Prints p50/p99 and drawdowns/s; never fails on timing.
 */
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, withTenant, type Database } from '../../db/client';
import { schools, tenants } from '../../db/schema';
import { seedIfEmpty } from '../../seed';
import { drawDownEntitlement } from '../../server/entitlements/draw-down-entitlement';
import { grantEntitlement } from '../../server/entitlements/grant-entitlement';

const TOTAL = 1_000;
const CONNECTIONS = 20;
const YEAR = 2095;

type Stats = { p50: number; p99: number; perSecond: number };

async function race(work: (i: number) => Promise<unknown>): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < TOTAL) {
        const i = next++;
        const t = performance.now();
        await work(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), perSecond: TOTAL / elapsed };
}

const show = (label: string, s: Stats) =>
  console.info(
    `${label.padEnd(44)} p50 ${s.p50.toFixed(1).padStart(6)} ms  p99 ${s.p99.toFixed(1).padStart(6)} ms  ${s.perSecond.toFixed(0).padStart(5)}/s`,
  );

export async function benchDrawdowns(url: string) {
  const database: Database = await openDatabase({ kind: 'postgres', url, maxConnections: CONNECTIONS });
  await database.migrate();
  await seedIfEmpty(database.db);
  const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, 'hsip'));
  if (!tenant) throw new Error('seed missing');
  const schoolIds = (
    await withTenant(database.db, tenant.id, (tx) => tx.select({ id: schools.id }).from(schools))
  ).map((s) => s.id);
  const run = `bench-${Date.now()}`;

  async function grant(category: string, schoolId: string, quantity: number) {
    return withTenant(database.db, tenant!.id, (tx) =>
      grantEntitlement(tx, {
        tenantId: tenant!.id,
        schoolId,
        academicYear: YEAR,
        unit: 'adviser_hour',
        category,
        quantityHundredths: quantity * 100,
        description: 'bench',
        actorUserId: null,
      }),
    );
  }
  const appDraw = (category: string, schoolId: string) =>
    withTenant(database.db, tenant!.id, (tx) =>
      drawDownEntitlement(tx, {
        tenantId: tenant!.id,
        schoolId,
        academicYear: YEAR,
        unit: 'adviser_hour',
        category,
        quantityHundredths: 100,
        description: 'bench',
        actorUserId: null,
        sourceType: 'bench',
        sourceId: crypto.randomUUID(),
        chargeAs: {
          unitPricePence: 9500,
          quantityHundredths: 100,
          vatRateBasisPoints: 0,
          pricedAsMember: true,
        },
      }),
    );

  // The floor: the same two statements on a plain connection pool, no app code, no role switch.
  const bare = postgres(url, { max: CONNECTIONS, onnotice: () => {} });
  const bareDraw = (category: string, schoolId: string) =>
    bare.begin(async (q) => {
      const [taken] = await q`update entitlement_balances set balance_hundredths = balance_hundredths - 100
        where tenant_id = ${tenant!.id} and school_id = ${schoolId} and academic_year = ${YEAR}
          and unit = 'adviser_hour' and category = ${category} and balance_hundredths >= 100 returning id`;
      if (taken) {
        await q`insert into entitlement_entries (tenant_id, balance_id, school_id, kind, quantity_hundredths, description)
          values (${tenant!.id}, ${taken.id}, ${schoolId}, 'drawdown', -100, 'bench')`;
      }
    });

  console.info(`\nEntitlement drawdowns: ${TOTAL} from ${CONNECTIONS} connections (PostgreSQL)`);
  const results: Record<string, Stats> = {};
  for (const [shape, perSchool] of [
    ['hot (one balance)', false],
    ['spread (one balance per school)', true],
  ] as const) {
    for (const [who, draw] of [
      ['bare SQL', bareDraw],
      ['app (withTenant + RLS)', appDraw],
    ] as const) {
      const category = `${run}-${who}-${shape}`;
      const targets = perSchool ? schoolIds : [schoolIds[0]!];
      for (const id of targets) await grant(category, id, Math.ceil(TOTAL / targets.length));
      const stats = await race((i) => draw(category, targets[i % targets.length]!));
      results[`${who}, ${shape}`] = stats;
      show(`${who}, ${shape}`, stats);
    }
    const ratio = results[`app (withTenant + RLS), ${shape}`]!.p99 / results[`bare SQL, ${shape}`]!.p99;
    console.info(`  app/floor p99 ratio, ${shape}: ${ratio.toFixed(2)}×  (target: app p99 < 50 ms)`);
  }
  const [balances] = await database.db
    .execute(sql`select count(*)::int as negative from entitlement_balances where balance_hundredths < 0`)
    .then((r) => (Array.isArray(r) ? r : []));
  console.info(
    `  balances below zero after the race: ${(balances as { negative?: number } | undefined)?.negative ?? 0}`,
  );
  await bare.end();
  await database.close();
}
