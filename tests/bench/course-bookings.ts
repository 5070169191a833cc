/**
 * The booking race (issue 12): 500 attempts at 20 concurrent connections, through the tRPC caller (tenant,
 * membership, module, RLS, audit, emails queued), beside the bare-SQL floor in the same run (lock the course
 * row with a conditional UPDATE of places_taken, insert the booking). Hot = one course with 30 places; spread =
 * 1,000 courses. Prints confirmed counts (hot must be 30), p50/p99, bookings/s, node CPU per attempt (this
 * process: client side, app code included), PostgreSQL's CPU per attempt (its processes on this machine, from
 * /proc) and the app/floor ratios. On one 2-core machine the two together bound the throughput. Each round (BENCH_ROUNDS, default 2) runs
 * floor and app back to back, after an unmeasured warm-up of both; compare ratios within one round only.
 *
 * Emails: each booking queues its email (template + props) in its transaction and, after commit, hands its id
 * to the app's pg-boss queue (one insert), as in production. Who renders and delivers them:
 *   - BENCH_EMAIL_WORKER=after (default): the email worker starts once the races are over, so the races measure
 *     the request path the issue names (tenant, membership, module, RLS, audit) and not ~370 react-email
 *     renders competing for the same CPU; the bench then prints how long delivery took.
 *   - BENCH_EMAIL_WORKER=during: the worker runs in this process during the races, as instrumentation starts
 *     it in the server: emails are rendered and delivered beside the requests (not inside them).
 * The statement profile (one confirmed, one offered the waiting list and one spread booking, sequentially, on a traced
 * connection) lists each booking's statements and the time from taking the course row's lock to COMMIT. The spread
 * booking's statements are then also replayed through bare postgres.js in the spread race ("app statements, bare"):
 * the app's SQL without its JavaScript, so the run shows how much of the gap to the floor is the statements'.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, withTenant, type Database, type Db } from '../../db/client';
import { courses, schools, tenants, users } from '../../db/schema';
import { seedIfEmpty } from '../../seed';
import { ZCourseInput } from '../../server/courses/course-inputs';
import { createCourse } from '../../server/courses/create-course';
import { countQueuedEmails } from '../../server/email/send-email';
import { registerEmailDispatcher } from '../../server/jobs/email-dispatch';
import { startJobQueue } from '../../server/jobs/job-queue';
import { createCaller } from '../../server/routers';

const TOTAL = 500;
const CONNECTIONS = 20;
const HOT_PLACES = 30;
const SPREAD_COURSES = 1_000;
/**
 * Bookings per path before the races, unmeasured: every pool connection opened, code warm, and each statement
 * run often enough on every connection to be past PostgreSQL's five custom plans to its cached generic plan
 * (planning the booking's read and write costs ~1–4 ms each; a server's long-lived pool pays it once per
 * connection, and a race of 25 bookings per connection would otherwise pay it on a quarter of them).
 */
const WARM_UP = CONNECTIONS * 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const EMAIL_WORKER = process.env.BENCH_EMAIL_WORKER === 'during' ? 'during' : 'after';

type Stats = {
  p50: number;
  p99: number;
  perSecond: number;
  confirmed: number;
  cpuMs: number;
  /** PostgreSQL's CPU per attempt (every server process on this machine), or null where /proc cannot tell. */
  pgCpuMs: number | null;
};

/**
 * CPU seconds used so far by the PostgreSQL server processes on this machine (Linux /proc; null elsewhere, or
 * when the server runs on another machine). With both on one machine, throughput is bounded by the CPU a
 * booking costs Node and PostgreSQL together, so the bench prints both.
 */
function postgresCpuSeconds(): number | null {
  try {
    let ticks = 0;
    let found = false;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith('postgres')) continue;
        const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
        found = true;
      } catch {
        // The process ended meanwhile.
      }
    }
    // Linux reports in clock ticks of 1/100 s on every platform Node runs on.
    return found ? ticks / 100 : null;
  } catch {
    return null;
  }
}

async function race(work: (i: number) => Promise<boolean>): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  let confirmed = 0;
  const cpu = process.cpuUsage();
  const pgStarted = postgresCpuSeconds();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < TOTAL) {
        const i = next++;
        const t = performance.now();
        if (await work(i)) confirmed++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const pgEnded = postgresCpuSeconds();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    p50: at(0.5),
    p99: at(0.99),
    perSecond: TOTAL / elapsed,
    confirmed,
    cpuMs: (used.user + used.system) / 1000 / TOTAL,
    pgCpuMs: pgStarted === null || pgEnded === null ? null : ((pgEnded - pgStarted) * 1000) / TOTAL,
  };
}

const show = (label: string, s: Stats) =>
  console.info(
    `${label.padEnd(40)} confirmed ${String(s.confirmed).padStart(4)}  p50 ${s.p50.toFixed(1).padStart(6)} ms  p99 ${s.p99.toFixed(1).padStart(6)} ms  ${s.perSecond.toFixed(0).padStart(5)}/s  node CPU ${s.cpuMs.toFixed(2)} ms/attempt, PostgreSQL CPU ${s.pgCpuMs === null ? 'n/a' : `${s.pgCpuMs.toFixed(2)} ms/attempt`}`,
  );

const loadAverage = async () => {
  const { readFile } = await import('node:fs/promises');
  return (await readFile('/proc/loadavg', 'utf8').catch(() => '?')).split(' ').slice(0, 3).join(' ');
};

type Setup = {
  db: Db;
  tenantId: string;
  schoolIds: string[];
  manager: { id: string; email: string; name: string };
  run: string;
};

async function makeCourses(setup: Setup, label: string, count: number, capacity: number) {
  return withTenant(setup.db, setup.tenantId, async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const made = await createCourse(tx, {
        ...ZCourseInput.parse({
          title: `Bench ${label} ${setup.run} ${i}`,
          audiences: ['teachers'],
          format: 'in_person',
          venue: 'Bench hall',
          capacity,
          memberPrice: 50,
          nonMemberPrice: 70,
          sessions: [{ on: '2095-03-06', startTime: '09:00', endTime: '12:00' }],
        }),
        tenantId: setup.tenantId,
      });
      ids.push(made.id);
    }
    await tx.update(courses).set({ status: 'published' }).where(inArray(courses.id, ids));
    return ids;
  });
}

function appBooker(setup: Setup, db: Db) {
  const caller = createCaller({
    db,
    session: { ...setup.manager, isSuperadmin: false },
    tenantSlug: 'hsip',
    appUrl: 'http://bench.local',
  });
  return (courseId: string, i: number, who: string) =>
    caller.courses
      .book({
        courseId,
        schoolId: setup.schoolIds[i % setup.schoolIds.length]!,
        delegates: [{ name: `Bench ${i}`, email: `${who}.${setup.run}.${i}@bench.example`, role: '' }],
      })
      .then((r) => r.confirmed.length === 1);
}

/**
 * One confirmed, one offered the waiting list and one spread booking, one at a time, on a traced pool: the statements
 * each sends, and the time from the statement that takes the course row's lock to the end of COMMIT.
 */
async function profileStatements(url: string, setup: Setup): Promise<TracedBooking | null> {
  let log: { at: number; text: string; raw: string; parameters: readonly unknown[] }[] = [];
  let spread: TracedBooking | null = null;
  const traced = await openDatabase({
    kind: 'postgres',
    url,
    maxConnections: 1,
    onQuery: (raw, _connection, parameters) =>
      log.push({
        at: performance.now(),
        text: raw.replace(/\s+/g, ' ').trim(),
        raw,
        parameters: [...parameters],
      }),
  });
  // Its emails stay queued (no delivery inside the traced requests); the bench's queue takes them afterwards.
  const unregister = registerEmailDispatcher({ db: traced.db, dispatchQueuedEmails: async () => {} });
  const book = appBooker(setup, traced.db);
  const [hot] = await makeCourses(setup, 'profile', 1, 1);
  const [other] = await makeCourses(setup, 'profile-spread', 1, 5);
  console.info('\nStatements per booking (tRPC caller, one at a time, traced connection):');
  for (const [label, courseId, i] of [
    ['confirmed (takes the last place)', hot!, 0],
    ['offered the waiting list (course full)', hot!, 1],
    ['confirmed (spread: a course with room)', other!, 2],
  ] as const) {
    log = [];
    const started = performance.now();
    await book(courseId, i, 'profile');
    const ended = performance.now();
    const commit = log.findIndex((q) => q.text === 'commit');
    if (commit >= 0) log = log.slice(0, commit + 1);
    const begin = log.findIndex((q) => q.text === 'begin');
    if (courseId === other && begin >= 0 && commit > begin)
      spread = {
        courseId,
        email: `profile.${setup.run}.${i}@bench.example`,
        statements: log.slice(begin + 1, commit).map((q) => ({ text: q.raw, parameters: q.parameters })),
      };
    const lockAt = log.find((q) =>
      /update "?courses"? c set places_taken|for (no key )?update/i.test(q.text),
    );
    const held = lockAt
      ? `, ${(ended - lockAt.at).toFixed(1)} ms from the statement taking a place to COMMIT`
      : '';
    console.info(`  ${label}: ${log.length} statements, ${(ended - started).toFixed(1)} ms${held}`);
    if (process.env.BENCH_TRACE)
      for (const [n, q] of log.entries())
        console.info(
          `    +${((log[n + 1]?.at ?? ended) - q.at).toFixed(1).padStart(5)} ms  ${q.text.slice(0, 140)}`,
        );
  }
  unregister();
  await traced.close();
  return spread;
}

/** One booking's statements as the app sent them (between BEGIN and COMMIT), with what they were sent for. */
type TracedBooking = {
  courseId: string;
  email: string;
  statements: { text: string; parameters: readonly unknown[] }[];
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The app's own statements for a spread booking, replayed through bare postgres.js: no tRPC, drizzle, zod or
 * domain code, the same pipelining (BEGIN with everything before the write in one go, then the write with COMMIT
 * behind it). What this path reaches is the most the app could reach with its JavaScript free: the statements'
 * own cost. Each replay books a fresh delegate on the given course with fresh ids (booking, charge, emails) and
 * a fresh token hash; the workspace, school and user stay as traced.
 */
function replayer(url: string, traced: TracedBooking, keep: ReadonlySet<string>) {
  const client = postgres(url, { max: CONNECTIONS, onnotice: () => {} });
  // As drizzle sets them: JSON parameters are sent as the text the app made.
  const asIs = (value: unknown) => value;
  Object.assign(client.options.serializers, { 114: asIs, 3802: asIs });
  const write = traced.statements.findIndex((q) => q.text.trimStart().startsWith('with d'));
  if (write < 0) throw new Error('The traced booking has no one-statement write.');
  const book = async (courseId: string, i: number, who: string) => {
    const email = `${who}.${i}.${randomUUID()}@bench.example`;
    const fresh = new Map<string, string>();
    const parametersOf = (parameters: readonly unknown[]) =>
      parameters.map((value) => {
        if (typeof value !== 'string') return value;
        if (value === traced.courseId) return courseId;
        if (uuidPattern.test(value) && !keep.has(value)) {
          if (!fresh.has(value)) fresh.set(value, randomUUID());
          return fresh.get(value);
        }
        if (/^[0-9a-f]{64}$/.test(value)) return randomBytes(32).toString('hex');
        return value.replaceAll(traced.courseId, courseId).replaceAll(traced.email, email);
      });
    const reserved = await client.reserve();
    try {
      const send = (text: string, parameters: readonly unknown[] = []) =>
        reserved.unsafe(text, parametersOf(parameters) as never[], { prepare: true }).execute();
      await Promise.all([
        send('begin'),
        ...traced.statements.slice(0, write).map((q) => send(q.text, q.parameters)),
      ]);
      const [rows] = await Promise.all([
        send(traced.statements[write]!.text, traced.statements[write]!.parameters),
        send('commit'),
      ]);
      return Number((rows as unknown as { take: number | null }[])[0]?.take ?? 0) === 1;
    } catch (error) {
      await reserved.unsafe('rollback').catch(() => {});
      throw error;
    } finally {
      reserved.release();
    }
  };
  return { book, end: () => client.end() };
}

export async function benchCourseBookings(url: string) {
  const database: Database = await openDatabase({ kind: 'postgres', url, maxConnections: CONNECTIONS });
  await database.migrate();
  await seedIfEmpty(database.db);
  const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, 'hsip'));
  const [manager] = await database.db.select().from(users).where(eq(users.email, 'manager@hsip.example'));
  if (!tenant || !manager) throw new Error('seed missing');
  // The development outbox prints each email it keeps; a thousand lines would bury the figures.
  const info = console.info;
  console.info = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('[outbox]')) return;
    info(...args);
  };
  const queue = await startJobQueue(database, {
    appUrl: 'http://bench.local',
    mailer: { smtpUrl: null },
    schedule: false,
    emailWorker: EMAIL_WORKER === 'during' ? 'now' : 'later',
  });
  const setup: Setup = {
    db: database.db,
    tenantId: tenant.id,
    schoolIds: (
      await withTenant(database.db, tenant.id, (tx) => tx.select({ id: schools.id }).from(schools))
    ).map((s) => s.id),
    manager: { id: manager.id, email: manager.email, name: manager.name },
    run: Date.now().toString(36),
  };
  let traced: TracedBooking | null = null;
  for (let i = 0; i < Number(process.env.BENCH_PROFILE_REPEAT ?? 1); i++)
    traced = (await profileStatements(url, setup)) ?? traced;
  await queue.dispatchQueuedEmails();
  if (process.env.BENCH_PROFILE_ONLY) {
    await queue.stop();
    await database.close();
    return;
  }

  const appBook = appBooker(setup, database.db);
  const bare = postgres(url, { max: CONNECTIONS, onnotice: () => {} });
  const bareBook = (courseId: string, i: number, who: string) =>
    bare.begin(async (q) => {
      const [taken] = await q`update courses set places_taken = places_taken + 1
        where tenant_id = ${tenant.id} and id = ${courseId} and places_taken < capacity returning id`;
      if (!taken) return false;
      await q`insert into course_bookings (tenant_id, course_id, school_id, delegate_name, delegate_email, status)
        values (${tenant.id}, ${courseId}, ${setup.schoolIds[i % setup.schoolIds.length]!}, ${'Bench'}, ${`${who}.${setup.run}.${i}@bench.example`}, 'confirmed')`;
      return true;
    });
  if (!traced) throw new Error('The statement profile traced no spread booking.');
  const replay = replayer(url, traced, new Set([tenant.id, manager.id, ...setup.schoolIds]));
  const replayPath = ['app statements, bare', replay.book] as const;
  const paths = [
    ['bare SQL', bareBook],
    ['app (tRPC caller)', appBook],
  ] as const;

  // Warm-up, not measured: for the floor and the app alike (otherwise the first race's p99 is the cold start).
  for (const [who, book] of [...paths, replayPath]) {
    const [warmId] = await makeCourses(setup, `warm-up ${who}`, 1, WARM_UP / 2);
    let n = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (n < WARM_UP) await book(warmId!, n++, `warm${who.replace(/\W/g, '')}`);
      }),
    );
  }

  console.info(
    `\nCourse bookings: ${TOTAL} attempts from ${CONNECTIONS} connections (PostgreSQL), ${ROUNDS} round(s); email worker ${EMAIL_WORKER === 'after' ? 'started after the races (emails queued in each booking, delivered afterwards)' : 'running during the races'}`,
  );
  const cpuStarted = process.cpuUsage();
  for (let round = 1; round <= ROUNDS; round++) {
    console.info(`Round ${round} (load average ${await loadAverage()})`);
    for (const [shape, count] of [
      ['hot (one course, 30 places)', 1],
      [`spread (${SPREAD_COURSES} courses)`, SPREAD_COURSES],
    ] as const) {
      const results: Record<string, Stats> = {};
      // The replay is of a spread booking's statements (a place taken): measured on the spread shape only.
      for (const [who, book] of count > 1 ? [...paths, replayPath] : paths) {
        const ids = await makeCourses(setup, `${who}-${shape}-${round}`, count, HOT_PLACES);
        const tag = `${who.replace(/\W/g, '')}${round}`;
        const stats = await race((i) => book(ids[i % ids.length]!, i, tag));
        results[who] = stats;
        show(`  ${who}, ${shape.split(' (')[0]}`, stats);
      }
      const app = results['app (tRPC caller)']!;
      const floor = results['bare SQL']!;
      console.info(
        `  app/floor, ${shape}: throughput ${(app.perSecond / floor.perSecond).toFixed(2)}× (target ≥ 0.5), p99 ${(app.p99 / floor.p99).toFixed(2)}× (target ≤ 2)`,
      );
      const replayed = results[replayPath[0]];
      if (replayed)
        console.info(
          `  the app's statements alone/floor: throughput ${(replayed.perSecond / floor.perSecond).toFixed(2)}×, p99 ${(replayed.p99 / floor.p99).toFixed(2)}× (the most the app could reach with its JavaScript free)`,
        );
    }
  }
  const [over] = await database.db
    .execute(sql`select count(*)::int as n from courses where places_taken > capacity`)
    .then((r) => (Array.isArray(r) ? r : []));
  console.info(`  courses over capacity after the races: ${(over as { n?: number } | undefined)?.n ?? 0}`);
  const waiting = await countQueuedEmails(database.db);
  const drainStarted = performance.now();
  await queue.startEmailWorker();
  let left = waiting;
  while (left > 0 && performance.now() - drainStarted < 120_000) {
    // The replayed bookings queued their emails in the outbox but handed none to the job queue (no app code ran
    // after their COMMIT): sweeps hand them over, 500 at a time, as the minutely email sweep would in production
    // (an email already handed over is not handed over again: its id is the job's singleton key).
    await queue.dispatchQueuedEmails();
    await new Promise((r) => setTimeout(r, 200));
    left = await countQueuedEmails(database.db);
  }
  const drainCpu = process.cpuUsage(cpuStarted);
  console.info(
    `  emails still queued when the races ended: ${waiting}; the email job delivered them in ${((performance.now() - drainStarted) / 1000).toFixed(1)} s${left > 0 ? ` (${left} still queued after 120 s)` : ''}; node CPU for the races and delivery ${((drainCpu.user + drainCpu.system) / 1000).toFixed(0)} ms`,
  );
  await queue.stop();
  await bare.end();
  await replay.end();
  await database.close();
}

if (process.argv[1]?.endsWith('course-bookings.ts')) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('The booking bench needs PostgreSQL: set DATABASE_URL.');
  benchCourseBookings(url).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
