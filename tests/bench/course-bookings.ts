/**
 * The booking race (issue 12): 500 attempts at 20 concurrent connections, through the tRPC caller (tenant,
 * membership, module, RLS, audit, emails queued), beside the bare-SQL floor in the same run (lock the course
 * row with a conditional UPDATE of places_taken, insert the booking). Hot = one course with 30 places; spread =
 * 1,000 courses. Prints confirmed counts (hot must be 30), p50/p99 and bookings/s, and the app/floor ratios.
 *
 * Emails as in production: the app runs its pg-boss job queue in this process (as instrumentation starts it
 * in the server), so a booking's request queues its email (template + props) in its transaction and, after
 * commit, hands the email's id to the queue (one insert); the email worker renders and delivers it (to the
 * development outbox: no SMTP) alongside the requests, competing for the same CPU, not inside them. Without
 * the queue, afterCommit would render and deliver inline in each request (the path for tests and scripts),
 * which is not what a user waits for. After the races the bench waits for the queue to empty and prints how
 * long delivery took.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, withTenant, type Database } from '../../db/client';
import { courses, schools, tenants, users } from '../../db/schema';
import { seedIfEmpty } from '../../seed';
import { ZCourseInput } from '../../server/courses/course-inputs';
import { createCourse } from '../../server/courses/create-course';
import { countQueuedEmails } from '../../server/email/send-email';
import { startJobQueue } from '../../server/jobs/job-queue';
import { createCaller } from '../../server/routers';

const TOTAL = 500;
const CONNECTIONS = 20;
const HOT_PLACES = 30;
const SPREAD_COURSES = 1_000;

type Stats = { p50: number; p99: number; perSecond: number; confirmed: number };

async function race(work: (i: number) => Promise<boolean>): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  let confirmed = 0;
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
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), perSecond: TOTAL / elapsed, confirmed };
}

const show = (label: string, s: Stats) =>
  console.info(
    `${label.padEnd(34)} confirmed ${String(s.confirmed).padStart(4)}  p50 ${s.p50.toFixed(1).padStart(6)} ms  p99 ${s.p99.toFixed(1).padStart(6)} ms  ${s.perSecond.toFixed(0).padStart(5)}/s`,
  );

export async function benchCourseBookings(url: string) {
  const database: Database = await openDatabase({ kind: 'postgres', url, maxConnections: CONNECTIONS });
  await database.migrate();
  await seedIfEmpty(database.db);
  const [tenant] = await database.db.select().from(tenants).where(eq(tenants.slug, 'hsip'));
  const [manager] = await database.db.select().from(users).where(eq(users.email, 'manager@hsip.example'));
  if (!tenant || !manager) throw new Error('seed missing');
  const run = Date.now().toString(36);
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
  });
  const schoolIds = (
    await withTenant(database.db, tenant.id, (tx) => tx.select({ id: schools.id }).from(schools))
  ).map((s) => s.id);

  async function makeCourses(label: string, count: number, capacity: number) {
    return withTenant(database.db, tenant!.id, async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const made = await createCourse(tx, {
          ...ZCourseInput.parse({
            title: `Bench ${label} ${run} ${i}`,
            audiences: ['teachers'],
            format: 'in_person',
            venue: 'Bench hall',
            capacity,
            memberPrice: 50,
            nonMemberPrice: 70,
            sessions: [{ on: '2095-03-06', startTime: '09:00', endTime: '12:00' }],
          }),
          tenantId: tenant!.id,
        });
        ids.push(made.id);
      }
      await tx.update(courses).set({ status: 'published' }).where(inArray(courses.id, ids));
      return ids;
    });
  }

  const caller = createCaller({
    db: database.db,
    session: { id: manager.id, email: manager.email, name: manager.name, isSuperadmin: false },
    tenantSlug: 'hsip',
    appUrl: 'http://bench.local',
  });
  const appBook = (courseId: string, i: number, who: string) =>
    caller.courses
      .book({
        courseId,
        schoolId: schoolIds[i % schoolIds.length]!,
        delegates: [{ name: `Bench ${i}`, email: `${who}.${run}.${i}@bench.example`, role: '' }],
      })
      .then((r) => r.confirmed.length === 1);

  const bare = postgres(url, { max: CONNECTIONS, onnotice: () => {} });
  const bareBook = (courseId: string, i: number, who: string) =>
    bare.begin(async (q) => {
      const [taken] = await q`update courses set places_taken = places_taken + 1
        where tenant_id = ${tenant!.id} and id = ${courseId} and places_taken < capacity returning id`;
      if (!taken) return false;
      await q`insert into course_bookings (tenant_id, course_id, school_id, delegate_name, delegate_email, status)
        values (${tenant!.id}, ${courseId}, ${schoolIds[i % schoolIds.length]!}, ${'Bench'}, ${`${who}.${run}.${i}@bench.example`}, 'confirmed')`;
      return true;
    });

  console.info(`\nCourse bookings: ${TOTAL} attempts from ${CONNECTIONS} connections (PostgreSQL)`);
  const results: Record<string, Stats> = {};
  for (const [shape, count, capacity] of [
    ['hot (one course, 30 places)', 1, HOT_PLACES],
    [`spread (${SPREAD_COURSES} courses)`, SPREAD_COURSES, HOT_PLACES],
  ] as const) {
    for (const [who, book] of [
      ['bare SQL', bareBook],
      ['app (tRPC caller)', appBook],
    ] as const) {
      const ids = await makeCourses(`${who}-${shape}`, count, capacity);
      const stats = await race((i) => book(ids[i % ids.length]!, i, who.replace(/\W/g, '')));
      results[who] = stats;
      show(`${who}, ${shape}`, stats);
    }
    const app = results['app (tRPC caller)']!;
    const floor = results['bare SQL']!;
    console.info(
      `  app/floor, ${shape}: throughput ${(app.perSecond / floor.perSecond).toFixed(2)}× (target ≥ 0.5), p99 ${(app.p99 / floor.p99).toFixed(2)}× (target ≤ 2)`,
    );
  }
  const [over] = await database.db
    .execute(sql`select count(*)::int as n from courses where places_taken > capacity`)
    .then((r) => (Array.isArray(r) ? r : []));
  console.info(`  courses over capacity after the races: ${(over as { n?: number } | undefined)?.n ?? 0}`);
  const waiting = await countQueuedEmails(database.db);
  const drainStarted = performance.now();
  let left = waiting;
  while (left > 0 && performance.now() - drainStarted < 180_000) {
    await new Promise((r) => setTimeout(r, 200));
    left = await countQueuedEmails(database.db);
  }
  console.info(
    `  emails still queued when the races ended: ${waiting}; the email job delivered them in ${((performance.now() - drainStarted) / 1000).toFixed(1)} s${left > 0 ? ` (${left} still queued after 180 s)` : ''}`,
  );
  await queue.stop();
  await bare.end();
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
