/**
 * Pages at LA scale: the production build serving an LA workspace of 500 register schools to 20 concurrent
 * signed-in clients on the register, the visits planner and the SCC list, beside the floor route of the same
 * build (app/bench-floor: the same rows in one query, a plain table, no session or checks). Prints p50/p99,
 * pages/s and page/floor ratios (target: throughput ≥ 0.5× the floor, p99 ≤ 2×), and database transactions
 * per page view. Never fails on timing.
 *
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> npx tsx tests/bench/pages.ts
 *   BENCH_PORT (default 3203), BENCH_ROUNDS (default 2), BENCH_REQUESTS per page per round (default 200),
 *   BENCH_SKIP_BUILD=1 to reuse .next. The bench LA ("bench-la", 500 schools, its officer and advisers,
 *   visit plan and SCC cases) is added to the database once, beside the demo seed. The floor route is served
 *   only because this script starts the server with STRIDE_BENCH_ROUTES=1 and a 127.0.0.1 NEXTAUTH_URL.
 *
 * Measured 4 Dec 2026, late (3 rounds of 100 views, load ~2, medians of the rounds' ratios), after the large tables
 * became client components fed with data and the server's pool went from 10 to 20 connections: register 0.93× /
 * 0.67×, visits planner 0.58× / 1.50×, SCC list 0.64× / 1.50× (all met; single rounds: planner p99 1.44–2.38×).
 *
 * Measured 4 Dec 2026 (load ~2, two rounds of 100 views, ×floor throughput / p99), after the planner's and SCC
 * list's SQL sent only the rows shown and RLS read the tenant once per query: register 0.45–0.54× / 1.23–1.49×,
 * visits planner 0.42–0.44× / 1.93–2.19×, SCC list 0.43–0.44× / 2.28–2.36× (planner and SCC list not met).
 *
 * Measured 3 Dec 2026 on the shared 2-core machine (load average ~12), one round of 100 views, ×floor
 * (throughput, p99); earlier figures (29 Nov) in brackets:
 *   register        0.76×, 0.90×   (0.57–0.61×, 1.36–2.27×)   target met
 *   visits planner  0.22×, 3.56×   (0.19–0.31×, 2.06–5.77×)   not met
 *   SCC list        0.31×, 3.21×   (0.26–0.33×, 2.47–3.22×)   not met
 * The planner is now one call (one transaction for its data instead of five) and shows 50 visits a page
 * (297 KB instead of 2.5 MB); its floor is the same first page of 50 (39 KB), so what is left against both the
 * planner and the SCC list is the fixed cost of a workspace page: the session, the layout's workspace call, React
 * rendering of layout and forms (the planner's additional-visit form lists 500 schools) and the RSC payload
 * inlined beside the HTML. No page runs a query per school.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { eq, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { openDatabase, type Database } from '../../db/client';
import { memberships, schools, sccCases, tenants, users } from '../../db/schema';
import { seedIfEmpty } from '../../seed';
import type { SeedSchool } from '../../seed/demo-data';
import { seedStatutory } from '../../seed/seed-statutory';

const SLUG = 'bench-la';
const SCHOOLS = 500;
const CLIENTS = 20;
const PORT = Number(process.env.BENCH_PORT ?? 3203);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const SECRET = 'bench-secret-only-for-local-benchmarks-0123456789';
const base = `http://127.0.0.1:${PORT}`;
const OFFICER = 'officer@bench-la.example';

const phases = ['Primary', 'Primary', 'Primary', 'Secondary', 'Nursery', 'All-through', '16 plus'];
const kinds = [
  ['Community school', 'Local authority maintained schools'],
  ['Voluntary aided school', 'Local authority maintained schools'],
  ['Academy converter', 'Academies'],
  ['Free schools', 'Free Schools'],
] as const;

/** 500 synthetic open schools, 4 advisers, an officer, the year's visit plan and 60 SCC cases. */
async function seedBenchLa(database: Database) {
  const [existing] = await database.db.select().from(tenants).where(eq(tenants.slug, SLUG));
  if (existing) return;
  await database.db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({
        slug: SLUG,
        name: 'Bench County Council',
        shortName: 'Bench CC',
        kind: 'la',
        laCodes: ['990'],
        modules: ['statutory'],
        settings: {},
      })
      .returning({ id: tenants.id });
    if (!tenant) throw new Error('no bench tenant');
    await tx.execute(sql`select set_config('app.tenant_id', ${tenant.id}, true)`);
    const people = [
      { email: OFFICER, name: 'Bench Officer', roles: ['tenant_admin', 'la_officer'] as const },
      ...[1, 2, 3, 4].map((n) => ({
        email: `adviser${n}@bench-la.example`,
        name: `Bench Adviser ${n}`,
        roles: ['adviser'] as const,
      })),
    ];
    const userRows = await tx
      .insert(users)
      .values(people.map((p) => ({ email: p.email, name: p.name, jobTitle: 'Bench' })))
      .returning({ id: users.id, email: users.email });
    const userIdByEmail = new Map(userRows.map((u) => [u.email, u.id]));
    await tx
      .insert(memberships)
      .values(
        people.flatMap((p) =>
          p.roles.map((role) => ({ tenantId: tenant.id, userId: userIdByEmail.get(p.email)!, role })),
        ),
      );
    const seedSchools: SeedSchool[] = Array.from({ length: SCHOOLS }, (_, i) => {
      const [type, typeGroup] = kinds[i % kinds.length]!;
      return {
        urn: 990_000 + i,
        laCode: '990',
        laName: 'Bench',
        establishmentNumber: String(2000 + i),
        name: `Bench School ${String(i + 1).padStart(3, '0')}`,
        type,
        typeGroup,
        phase: phases[i % phases.length]!,
        status: 'open',
        numberOfPupils: 100 + ((i * 37) % 1400),
        street: `${i + 1} High Street`,
        town: 'Benchton',
        postcode: 'BE1 1AA',
        headteacherName: `Head ${i + 1}`,
      };
    });
    const schoolRows = await tx
      .insert(schools)
      .values(seedSchools.map((s) => ({ tenantId: tenant.id, ...s })))
      .returning({ id: schools.id, urn: schools.urn });
    const schoolIdByUrn = new Map(schoolRows.map((s) => [s.urn, s.id]));
    await seedStatutory(tx, {
      tenantId: tenant.id,
      slug: SLUG,
      laCodes: ['990'],
      schools: seedSchools,
      schoolIdByUrn,
      userIdByEmail,
      adviserEmails: people.filter((p) => p.roles.includes('adviser' as never)).map((p) => p.email),
    });
    // Every 8th school causes concern and has an open case on the SCC list.
    const concern = schoolRows.filter((_, i) => i % 8 === 0);
    await tx.execute(sql`update school_monitoring set la_category = '4a'
      where tenant_id = ${tenant.id} and school_id in (${sql.join(
        concern.map((s) => sql`${s.id}::uuid`),
        sql`, `,
      )})`);
    await tx.insert(sccCases).values(
      concern.map((s, i) => ({
        tenantId: tenant.id,
        schoolId: s.id,
        status: i % 2 === 0 ? ('designated' as const) : ('candidate' as const),
        identifiedOn: '2026-09-20',
        designatedOn: i % 2 === 0 ? '2026-10-01' : null,
        concerns: 'Outcomes have declined for three years.',
        leadOfficerUserId: userIdByEmail.get(OFFICER)!,
        nextReviewOn: '2026-12-09',
      })),
    );
  });
}

type Stats = { p50: number; p99: number; perSecond: number; bytes: number };

async function load(path: string, cookie: string | null, total: number): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  let bytes = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        const response = await fetch(`${base}${path}`, {
          headers: cookie ? { cookie } : {},
          redirect: 'manual',
        });
        const body = await response.text();
        if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
        bytes = body.length;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), perSecond: total / elapsed, bytes };
}

/**
 * Database transactions and statements one page view costs, as the server counted what it sent
 * (app/bench-floor/stats; a statement outside BEGIN … COMMIT is a transaction of its own). Views one at a
 * time, so only the server's background work (the job queue's polling, on its own pool) could add to them,
 * and that is not counted: it does not go through the app's database.
 */
async function countsPerView(path: string, cookie: string | null, views = 10) {
  const read = async () =>
    (await (await fetch(`${base}/bench-floor/stats`)).json()) as { transactions: number; statements: number };
  const before = await read();
  for (let i = 0; i < views; i++) await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
  const after = await read();
  const per = (n: number) => (n / views).toFixed(1);
  return `${per(after.transactions - before.transactions)} transactions, ${per(after.statements - before.statements)} statements`;
}

const show = (label: string, s: Stats, floor?: Stats) =>
  console.info(
    `  ${label.padEnd(30)} p50 ${s.p50.toFixed(0).padStart(5)} ms  p99 ${s.p99.toFixed(0).padStart(5)} ms  ${s.perSecond.toFixed(1).padStart(6)} pages/s  ${(s.bytes / 1024).toFixed(0).padStart(5)} KB` +
      (floor
        ? `   ×floor: throughput ${(s.perSecond / floor.perSecond).toFixed(2)}  p99 ${(s.p99 / floor.p99).toFixed(2)}`
        : ''),
  );

async function waitForServer(server: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error('the server exited');
    try {
      const response = await fetch(`${base}/`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start');
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('The pages bench needs PostgreSQL: set DATABASE_URL.');
  const database = await openDatabase({ kind: 'postgres', url, maxConnections: 2 });
  await database.migrate();
  await seedIfEmpty(database.db);
  await seedBenchLa(database);
  // Fresh planner statistics, as autovacuum would have them on a live database (a just-seeded table is
  // planned as if it had a handful of rows, with nested loops over 500 schools).
  await database.db.execute(sql`analyze`);
  const [officer] = await database.db.select().from(users).where(eq(users.email, OFFICER));
  if (!officer) throw new Error('bench officer missing');
  const token = await encode({
    secret: SECRET,
    token: { sub: officer.id, name: officer.name, email: officer.email, isSuperadmin: false },
  });
  const cookie = `next-auth.session-token=${token}`;

  if (!process.env.BENCH_SKIP_BUILD) {
    console.info('Building (next build)…');
    const built = spawnSync('nice', ['npx', 'next', 'build'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('next build failed');
  }
  // As a deployment starts it (`npm run start`, with its Node options), not a bare `next start`.
  const server = spawn('npm', ['run', 'start', '--', '-p', String(PORT)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: SECRET,
      STRIDE_BENCH_ROUTES: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    await waitForServer(server);
    const pages = [
      ['register', `/${SLUG}/register`],
      ['visits planner', `/${SLUG}/visits`],
      ['SCC list', `/${SLUG}/concern`],
    ] as const;
    const floors = { register: 'register', 'visits planner': 'visits', 'SCC list': 'concern' } as const;
    for (const [name, path] of pages) {
      await load(path, cookie, 2 * CLIENTS);
      await load(`/bench-floor/${SLUG}/${floors[name]}`, null, 2 * CLIENTS);
    }
    for (const [name, path] of pages) {
      const page = await countsPerView(path, cookie);
      const floor = await countsPerView(`/bench-floor/${SLUG}/${floors[name]}`, null);
      console.info(`${name}: ${page} per view (floor: ${floor})`);
    }
    console.info(
      `\nPages: ${SCHOOLS} register schools, ${CLIENTS} concurrent clients, ${REQUESTS} views per figure, ${ROUNDS} rounds`,
    );
    const ratios: Record<string, { throughput: number[]; p99: number[] }> = {};
    for (let round = 1; round <= ROUNDS; round++) {
      console.info(`round ${round}`);
      for (const [name, path] of pages) {
        const floor = await load(`/bench-floor/${SLUG}/${floors[name]}`, null, REQUESTS);
        show(`floor (${floors[name]}, one query)`, floor);
        const page = await load(path, cookie, REQUESTS);
        show(name, page, floor);
        const r = (ratios[name] ??= { throughput: [], p99: [] });
        r.throughput.push(page.perSecond / floor.perSecond);
        r.p99.push(page.p99 / floor.p99);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    console.info(`Median over ${ROUNDS} rounds (target: throughput ≥ 0.50× floor, p99 ≤ 2.00× floor):`);
    for (const [name, r] of Object.entries(ratios)) {
      const tp = median(r.throughput);
      const p99 = median(r.p99);
      console.info(
        `  ${name.padEnd(16)} throughput ${tp.toFixed(2)}×  p99 ${p99.toFixed(2)}×  ${tp >= 0.5 && p99 <= 2 ? 'meets target' : 'MISSES target'}`,
      );
    }
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
