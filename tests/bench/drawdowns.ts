/**
 * Entitlement drawdown race: 1,000 drawdowns from 20 concurrent connections against balances of real schools,
 * hot (one balance for everyone: every drawdown queues on one row lock) and spread (one balance per school).
 * Three ways, in the same run, interleaved, each round repeated (BENCH_ROUNDS, default 3) because the machine
 * is shared and absolute figures drift:
 *   - bare SQL (the floor): the same conditional UPDATE and INSERT on a plain postgres.js pool, no app code;
 *   - withTenant: the domain's drawDownEntitlement inside withTenant (role switch + RLS), no request path;
 *   - tRPC caller: `entitlements.adjust` by a manager (quantity -1), the full request path: session, tenant
 *     lookup, membership and module check, zod, RLS, the same conditional UPDATE + INSERT, and the audit row.
 * Prints throughput, p50, p99 and the app/floor ratios (target: throughput ≥ 0.5× the floor, p99 ≤ 2×);
 * never fails on timing. Run: DATABASE_URL=postgres://… npm run bench (it needs PostgreSQL), or this file
 * alone: DATABASE_URL=… BENCH_ROUNDS=3 npx tsx tests/bench/drawdowns.ts. "node CPU" is this process's CPU per
 * drawdown (client side, app code included): on a loaded machine it is what the requests queue behind.
 *
 * Measured 3 Dec 2026 on the shared 2-core machine (load average 10–12, other engineers' builds and tests),
 * one round each, ×floor (throughput, p99):
 *                         before (29 Nov, quiet)    after (one statement per drawdown, hand-written lookup/audit)
 *   tRPC, hot             0.53–0.56×, 1.8–3.4×      0.62–0.77×, 1.17–1.33×
 *   tRPC, spread          0.23–0.27×, 2.7–3.3×      0.53–0.70×, 1.60–1.63×
 *   withTenant, hot       —                         0.66–0.87×, 0.86–1.39×
 *   withTenant, spread    —                         0.31–0.93×, 0.64–3.57× (the 0.31× run was before the drawdown CTE)
 * Measured 4 Dec 2026, late, 3 rounds, after the audit row and COMMIT joined the drawdown's statement (two round
 * trips a request): tRPC hot 0.79–1.05× / 0.73–1.18×, spread 0.50–0.54× / 0.75–1.88× (before, on the same
 * machine: spread 0.40–0.47× / 1.86–2.27×).
 * What it took: node CPU per tRPC drawdown 1.96 → 0.7–1.1 ms. The socket writes (one per statement) were the
 * largest cost, then the query builder: the request is now BEGIN, scope + workspace lookup (pipelined), one
 * UPDATE…INSERT statement, the audit INSERT, COMMIT, against the floor's BEGIN, UPDATE, INSERT, COMMIT. Compare
 * ratios within one run only.
 */
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, withPlatform, withTenant, type Database } from '../../db/client';
import { schools, tenants, users } from '../../db/schema';
import { seedIfEmpty } from '../../seed';
import { drawDownEntitlement } from '../../server/entitlements/draw-down-entitlement';
import { grantEntitlement } from '../../server/entitlements/grant-entitlement';
import { createCaller } from '../../server/routers';

const TOTAL = 1_000;
const CONNECTIONS = 20;
const YEAR = 2095;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

type Stats = { p50: number; p99: number; perSecond: number; cpuMs: number };

async function race(work: (i: number) => Promise<unknown>): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const cpu = process.cpuUsage();
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
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    p50: at(0.5),
    p99: at(0.99),
    perSecond: TOTAL / elapsed,
    cpuMs: (used.user + used.system) / 1000 / TOTAL,
  };
}

/** Node CPU per drawdown is this process's (client side, app code included) — on a loaded machine it is what queues. */
const show = (label: string, s: Stats, floor?: Stats) =>
  console.info(
    `${label.padEnd(44)} p50 ${s.p50.toFixed(1).padStart(6)} ms  p99 ${s.p99.toFixed(1).padStart(6)} ms  ${s.perSecond.toFixed(0).padStart(5)}/s  node CPU ${s.cpuMs.toFixed(2)} ms/req` +
      (floor
        ? `   ×floor: throughput ${(s.perSecond / floor.perSecond).toFixed(2)}  p99 ${(s.p99 / floor.p99).toFixed(2)}`
        : ''),
  );

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export async function benchDrawdowns(url: string) {
  const database: Database = await openDatabase({ kind: 'postgres', url, maxConnections: CONNECTIONS });
  await database.migrate();
  await seedIfEmpty(database.db);
  const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, 'hsip'));
  if (!tenant) throw new Error('seed missing');
  const schoolIds = (
    await withTenant(database.db, tenant.id, (tx) => tx.select({ id: schools.id }).from(schools))
  ).map((s) => s.id);
  const [manager] = await withPlatform(database.db, (tx) =>
    tx.select().from(users).where(eq(users.email, 'manager@hsip.example')),
  );
  if (!manager) throw new Error('seed missing');
  const caller = createCaller({
    db: database.db,
    session: { id: manager.id, email: manager.email, name: manager.name, isSuperadmin: false },
    tenantSlug: 'hsip',
    appUrl: 'http://bench.invalid',
  });
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
  const trpcDraw = (balanceId: string) =>
    caller.entitlements.adjust({ balanceId, quantity: -1, reason: 'bench drawdown' });

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

  console.info(
    `\nEntitlement drawdowns: ${TOTAL} from ${CONNECTIONS} connections (PostgreSQL), ${ROUNDS} rounds`,
  );
  const ways = ['bare SQL', 'withTenant + drawDownEntitlement', 'tRPC caller (entitlements.adjust)'] as const;
  const ratios: Record<string, { throughput: number[]; p99: number[] }> = {};
  for (let round = 1; round <= ROUNDS; round++) {
    console.info(`round ${round}`);
    for (const [shape, perSchool] of [
      ['hot', false],
      ['spread', true],
    ] as const) {
      const targets = perSchool ? schoolIds : [schoolIds[0]!];
      let floor: Stats | undefined;
      for (const way of ways) {
        const category = `${run}-${round}-${way}-${shape}`;
        const balanceIds: string[] = [];
        for (const id of targets)
          balanceIds.push((await grant(category, id, Math.ceil(TOTAL / targets.length))).balanceId);
        const stats = await race((i) =>
          way === 'bare SQL'
            ? bareDraw(category, targets[i % targets.length]!)
            : way === 'withTenant + drawDownEntitlement'
              ? appDraw(category, targets[i % targets.length]!)
              : trpcDraw(balanceIds[i % balanceIds.length]!),
        );
        show(`  ${way}, ${shape}`, stats, floor);
        if (way === 'bare SQL') floor = stats;
        else {
          const key = `${way}, ${shape}`;
          const r = (ratios[key] ??= { throughput: [], p99: [] });
          r.throughput.push(stats.perSecond / floor!.perSecond);
          r.p99.push(stats.p99 / floor!.p99);
        }
      }
    }
  }
  console.info(`Median over ${ROUNDS} rounds (target: throughput ≥ 0.50× floor, p99 ≤ 2.00× floor):`);
  for (const [key, r] of Object.entries(ratios)) {
    const tp = median(r.throughput);
    const p99 = median(r.p99);
    const ok = tp >= 0.5 && p99 <= 2 ? 'meets target' : 'MISSES target';
    console.info(`  ${key.padEnd(48)} throughput ${tp.toFixed(2)}×  p99 ${p99.toFixed(2)}×  ${ok}`);
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

// `npx tsx tests/bench/drawdowns.ts` runs this bench alone.
if (process.argv[1]?.endsWith('drawdowns.ts')) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('The drawdown race needs PostgreSQL: set DATABASE_URL.');
  benchDrawdowns(url).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
