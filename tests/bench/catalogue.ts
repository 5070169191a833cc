/**
 * The public catalogue at 10,000 courses (issue 12): seeds 10,000 published courses across three workspaces
 * (hsip, barnet, bep), then measures the catalogue page's server response time at 20 concurrent clients
 * against a running production server (`next build && next start`), beside the bare SQL of its search query
 * as the floor. Prints p50/p99 and requests/s for two passes of the same request mix (the page is cached per
 * workspace and query: the first pass renders each address once, the second is served from the cache); never
 * fails on timing. The seeded rows are removed at the end. Restart the server between runs: pages cached in one
 * run list the previous run's rows for up to a minute.
 *
 *   DATABASE_URL=postgres://… BENCH_URL=http://127.0.0.1:3203 npx tsx tests/bench/catalogue.ts
 *
 * With BENCH_SERVER_PID=<pid of next-server> it also prints the server's CPU time per page for each pass
 * (user + system, from /proc; Linux only).
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import postgres from 'postgres';

const COURSES = 10_000;
const CLIENTS = 20;
const REQUESTS = 600;
const SLUGS = ['hsip', 'barnet', 'bep'];
const subjects = [
  'English',
  'Maths',
  'Science',
  'SEND',
  'Leadership',
  'Safeguarding',
  'Computing',
  'History',
];
const phases = ['Primary', 'Secondary', 'All phases', 'Special'];

type Stats = { p50: number; p99: number; perSecond: number };

/** The server process's CPU time so far in ms (user + system), when BENCH_SERVER_PID names it. */
function serverCpuMs(): number | null {
  const pid = process.env.BENCH_SERVER_PID;
  if (!pid) return null;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name, in clock ticks (100/s).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(work: (i: number) => Promise<void>): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < REQUESTS) {
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
  return { p50: at(0.5), p99: at(0.99), perSecond: REQUESTS / elapsed };
}

const show = (label: string, s: Stats) =>
  console.info(
    `${label.padEnd(56)} p50 ${s.p50.toFixed(1).padStart(6)} ms  p99 ${s.p99.toFixed(1).padStart(6)} ms  ${s.perSecond.toFixed(0).padStart(5)}/s`,
  );

/** The mix of catalogue requests a visitor makes: first pages, later pages, filters, a text search. */
function queryFor(i: number) {
  const pick = i % 5;
  if (pick === 0) return '';
  if (pick === 1) return `?page=${1 + (i % 40)}`;
  if (pick === 2) return `?subject=${encodeURIComponent(subjects[i % subjects.length] ?? '')}`;
  if (pick === 3) return `?audience=teachers&format=online&phase=Primary`;
  return `?q=${encodeURIComponent(subjects[i % subjects.length]?.toLowerCase() ?? 'maths')}`;
}

async function main() {
  const url = process.env.DATABASE_URL;
  const base = (process.env.BENCH_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  if (!url) throw new Error('Set DATABASE_URL (the database the server at BENCH_URL uses).');
  const sql = postgres(url, { max: CLIENTS });
  const run = `Catalogue bench ${Date.now().toString(36)}`;
  const tenants = await sql<
    { id: string; slug: string }[]
  >`select id, slug from tenants where slug in ${sql(SLUGS)}`;
  if (tenants.length === 0) throw new Error('No seeded workspaces (hsip, barnet, bep).');
  const per = Math.ceil(COURSES / tenants.length);
  const seeded = performance.now();
  for (const t of tenants)
    await sql`
      insert into courses (tenant_id, title, description, audiences, phase, subject, format, venue, status,
        capacity, cancellation_terms, starts_on, ends_on, published_at)
      select ${t.id}, ${run} || ' ' || g || ': ' || (${sql.array(subjects)}::text[])[1 + g % ${subjects.length}] || ' in practice',
        'A practical course for teachers and leaders, with time to plan and reflect. Session ' || g,
        array['teachers', 'leaders'], (${sql.array(phases)}::text[])[1 + g % ${phases.length}],
        (${sql.array(subjects)}::text[])[1 + g % ${subjects.length}],
        (array['in_person', 'online', 'hybrid', 'twilight'])[1 + g % 4]::course_format,
        'Bench hall', 'published', 30,
        '{"freeUntilWorkingDays":10,"lateCancellationPercent":50,"noShowPercent":100}'::jsonb,
        current_date + (1 + g % 365), current_date + (1 + g % 365), now()
      from generate_series(1, ${per}) g`;
  await sql`analyze courses`;
  const [{ n } = { n: 0 }] = await sql<
    { n: number }[]
  >`select count(*)::int as n from courses where status = 'published'`;
  console.info(
    `Seeded ${per * tenants.length} courses across ${tenants.length} workspaces in ${((performance.now() - seeded) / 1000).toFixed(1)} s (${n} published in all)`,
  );

  try {
    // Warm the server's route and the database's caches.
    for (const t of tenants) await fetch(`${base}/courses/${t.slug}`);
    // The floor: the page's own queries as bare SQL in one transaction (rows in the index's order, then the
    // count capped at 1,000 past the page), without the app around them.
    const floor = await load(async (i) => {
      const t = tenants[i % tenants.length]!;
      const offset = (i % 40) * 20;
      await sql.begin(async (tx) => {
        await tx`select set_config('role', 'stride_app', true), set_config('app.tenant_id', ${t.id}, true)`;
        await tx`
          select id, title, left(description, 240), audiences, phase, subject, format, venue, starts_on, ends_on,
            capacity - places_taken, member_price_pence, non_member_price_pence from courses
          where status = 'published' and starts_on >= current_date
          order by starts_on, title, id limit 20 offset ${offset}`;
        await tx`
          select count(*)::int from (select 1 from courses where status = 'published' and starts_on >= current_date
          limit ${offset + 1001}) m`;
      });
    });
    show('bare SQL: catalogue page query', floor);
    // Two passes of the same mix (~174 distinct addresses): the first meets a cold page cache (every address
    // rendered once), the second is what repeat visitors see while the cache holds.
    for (const pass of ['first pass (cache cold)', 'second pass (same mix)']) {
      let failures = 0;
      const cpuBefore = serverCpuMs();
      const page = await load(async (i) => {
        const t = tenants[i % tenants.length]!;
        const response = await fetch(`${base}/courses/${t.slug}${queryFor(i)}`);
        await response.text();
        if (!response.ok) failures++;
      });
      const cpuAfter = serverCpuMs();
      show(`catalogue page, ${CLIENTS} clients, ${pass}`, page);
      if (cpuBefore !== null && cpuAfter !== null)
        console.info(`  server CPU per page: ${((cpuAfter - cpuBefore) / REQUESTS).toFixed(1)} ms`);
      console.info(
        `  ${pass}: catalogue p99 ${page.p99.toFixed(0)} ms (target < 150 ms); ${failures} failed responses of ${REQUESTS}; ` +
          `page / floor: p50 ${(page.p50 / floor.p50).toFixed(1)}×, p99 ${(page.p99 / floor.p99).toFixed(1)}×, ` +
          `throughput ${(page.perSecond / floor.perSecond).toFixed(2)}×`,
      );
    }
    const load1 = loadavg()[0]?.toFixed(1) ?? '?';
    console.info(`machine load (1 min) at the end: ${load1} on ${cpus().length} cores`);
  } finally {
    await sql`delete from courses where title like ${`${run}%`}`;
    await sql.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
