import { and, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { billingRuns, chargeableItems, invoiceLines, invoices } from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { billingRunJobLive, processBillingRun, SimulatedCrash } from '~/server/invoicing/billing-job';
import { startJobQueue, type JobQueue } from '~/server/jobs/job-queue';
import { jobSenderFor, registerJobSender } from '~/server/jobs/job-dispatch';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { onPostgres, openTestDatabase, testAppUrl } from './harness';

const today = todayInLondon();
const input = { kind: 'subscriptions' as const, upTo: today, academicYear: academicYearOf(today) };

describe('a billing run as a job: progress, killed half-way, resumed', () => {
  let database: Database;
  let barnet: DemoWorkspace;

  beforeAll(async () => {
    database = await openTestDatabase();
    barnet = await makeDemoWorkspace(database.db, 'barnet');
  });

  const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, barnet.id, fn);
  const runRow = async (id: string) =>
    (await inTenant((tx) => tx.select().from(billingRuns).where(eq(billingRuns.id, id))))[0];

  /** Every invoice of the run is whole: its totals are its lines' sums, and it has lines. */
  async function invoicesOfRun(runId: string) {
    return inTenant((tx) =>
      tx
        .select({
          id: invoices.id,
          schoolId: invoices.schoolId,
          netPence: invoices.netPence,
          lineCount: sql<number>`(select count(*)::int from invoice_lines l where l.tenant_id = "invoices"."tenant_id" and l.invoice_id = "invoices"."id")`,
          lineNet: sql<number>`(select coalesce(sum(net_pence), 0)::int from invoice_lines l where l.tenant_id = "invoices"."tenant_id" and l.invoice_id = "invoices"."id")`,
        })
        .from(invoices)
        .where(eq(invoices.billingRunId, runId)),
    );
  }

  it('killed after 3 schools leaves 3 whole schools billed and nothing partial; a re-run completes it once', async () => {
    const finance = barnet.caller('finance@barnet.example');
    const preview = await finance.invoices.previewRun(input);
    const schools = new Set(preview.invoices.map((i) => i.schoolId)).size;
    expect(schools).toBeGreaterThan(5);

    // Hand the job to a "queue" that only records it, so the test decides when (and how) it runs.
    const sent: { queue: string; data: object; key: string }[] = [];
    const unregister = registerJobSender({
      db: database.db,
      send: async (queue, data, key) => {
        sent.push({ queue, data, key });
      },
    });
    let runId: string;
    try {
      const started = await finance.invoices.startRun(input);
      runId = started.id;
      expect(started.schoolsTotal).toBe(schools);
      expect(sent).toEqual([{ queue: 'billing-run', data: { tenantId: barnet.id, runId }, key: runId }]);
    } finally {
      unregister();
    }
    expect(jobSenderFor(database.db)).toBeUndefined();
    expect(await runRow(runId)).toMatchObject({ status: 'running', schoolsDone: 0, schoolsTotal: schools });

    await expect(
      processBillingRun(database.db, { tenantId: barnet.id, runId }, { crashAfterSchools: 3 }),
    ).rejects.toBeInstanceOf(SimulatedCrash);
    const afterCrash = await invoicesOfRun(runId);
    expect(new Set(afterCrash.map((i) => i.schoolId)).size).toBe(3);
    for (const i of afterCrash) {
      expect(i.lineCount).toBeGreaterThan(0);
      expect(i.lineNet).toBe(i.netPence);
    }
    expect(await runRow(runId)).toMatchObject({ status: 'running', schoolsDone: 3 });
    // The page shows it as running, with the last school done.
    expect((await runRow(runId))?.currentSchool).toBeTruthy();

    // It still shows as running, with a fresh heartbeat: not offered for resuming, and a resume is refused.
    const phaseOf = async () => (await finance.invoices.billingRuns()).find((r) => r.id === runId)?.phase;
    expect(await phaseOf()).toBe('running');
    await expect(finance.invoices.resumeRun({ billingRunId: runId })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('still running') as unknown,
    });
    // No progress for longer than the stale limit: the run shows as stopped, and may be resumed.
    await inTenant((tx) =>
      tx
        .update(billingRuns)
        .set({ heartbeatAt: sql`now() - interval '10 minutes'` })
        .where(eq(billingRuns.id, runId)),
    );
    expect(await phaseOf()).toBe('stalled');

    // The finance user resumes it (here with no queue running, so the job runs as the mutation commits).
    await finance.invoices.resumeRun({ billingRunId: runId });
    const finished = await runRow(runId);
    expect(finished).toMatchObject({
      status: 'done',
      schoolsDone: schools,
      schoolsTotal: schools,
      schoolsFailed: 0,
    });
    expect(finished?.invoicesCreated).toBe(preview.invoices.length);
    const all = await invoicesOfRun(runId);
    expect(all).toHaveLength(preview.invoices.length);
    const [lines] = await inTenant((tx) =>
      tx
        .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct source_key)::int` })
        .from(invoiceLines),
    );
    expect(lines?.n).toBe(lines?.distinct);
    expect(all.reduce((s, i) => s + i.netPence, 0)).toBe(preview.totals.netPence);

    // Done: resuming again is refused, running the job again changes nothing, and nothing is left to bill.
    await expect(finance.invoices.resumeRun({ billingRunId: runId })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await processBillingRun(database.db, { tenantId: barnet.id, runId })).status).toBe('skipped');
    expect((await finance.invoices.previewRun(input)).invoices).toHaveLength(0);
    await expect(finance.invoices.startRun(input)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await finance.invoices.list({ billingRunId: runId })).length).toBe(preview.invoices.length);
  });

  it('a confirmed run whose charges another run billed first bills nothing twice and finishes', async () => {
    const finance = barnet.caller('finance@barnet.example');
    const chargeInput = { kind: 'charges' as const, upTo: today };
    const { chargeableItems, schools } = await import('~/db/schema');
    const open = await inTenant((tx) =>
      tx
        .select({ id: schools.id })
        .from(schools)
        .where(eq(schools.status, 'open'))
        .orderBy(schools.urn)
        .limit(3),
    );
    await inTenant((tx) =>
      tx.insert(chargeableItems).values(
        open.map((s) => ({
          tenantId: barnet.id,
          schoolId: s.id,
          description: 'Extra day',
          quantityHundredths: 100,
          unitPricePence: 40_000,
          netPence: 40_000,
          vatRateBasisPoints: 2000,
          pricedAsMember: true,
        })),
      ),
    );
    const sent: string[] = [];
    const unregister = registerJobSender({
      db: database.db,
      send: async (_q, _d, key) => void sent.push(key),
    });
    const { id: runId } = await finance.invoices.startRun(chargeInput).finally(unregister);
    // Another (synchronous) run bills the same charges before the job starts: the job finds nothing left.
    await finance.invoices.run(chargeInput);
    const result = await processBillingRun(database.db, { tenantId: barnet.id, runId });
    expect(result.status).toBe('done');
    expect(await invoicesOfRun(runId)).toHaveLength(0);
    expect(sent).toEqual([runId]);
  });

  it('a running run is resumable at once when the job queue no longer holds its job, and not while it does', async () => {
    const finance = barnet.caller('finance@barnet.example');
    const { chargeableItems, schools } = await import('~/db/schema');
    const [school] = await inTenant((tx) =>
      tx
        .select({ id: schools.id })
        .from(schools)
        .where(eq(schools.status, 'open'))
        .orderBy(schools.urn)
        .limit(1),
    );
    if (!school) throw new Error('no open school');
    await inTenant((tx) =>
      tx.insert(chargeableItems).values({
        tenantId: barnet.id,
        schoolId: school.id,
        description: 'Consultancy day',
        quantityHundredths: 100,
        unitPricePence: 50_000,
        netPence: 50_000,
        vatRateBasisPoints: 2000,
        pricedAsMember: true,
      }),
    );
    let live = true;
    const sent: string[] = [];
    const unregister = registerJobSender({
      db: database.db,
      send: async (_q, _d, key) => void sent.push(key),
      isLive: async () => live,
    });
    try {
      const { id: runId } = await finance.invoices.startRun({ kind: 'charges', upTo: today });
      const phaseOf = async () => (await finance.invoices.billingRuns()).find((r) => r.id === runId)?.phase;
      // Queued (the job is live) and its heartbeat fresh: running, and a resume is refused.
      expect(await phaseOf()).toBe('running');
      await expect(finance.invoices.resumeRun({ billingRunId: runId })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      // The queue lost the job (it failed for good, or was removed): stalled at once, and resumable.
      live = false;
      expect(await phaseOf()).toBe('stalled');
      await finance.invoices.resumeRun({ billingRunId: runId });
      expect(sent).toEqual([runId, runId]);
      live = true;
      await processBillingRun(database.db, { tenantId: barnet.id, runId });
      expect(await phaseOf()).toBe('done');
      expect(await runRow(runId)).toMatchObject({ status: 'done', invoicesCreated: 1 });
    } finally {
      unregister();
    }
  });
});

describe('the job queue tells whether a billing run’s job is still live', () => {
  let database: Database;
  let queue: JobQueue;

  beforeAll(async () => {
    database = await openTestDatabase();
    queue = await startJobQueue(database, {
      appUrl: testAppUrl,
      pollingIntervalSeconds: 0.5,
      schedule: false,
    });
  });
  afterAll(async () => {
    await queue?.stop();
  });

  it('live while queued or working, not once the job has finished, nor for a run it never had', async () => {
    const tenantId = randomUUID();
    const runId = randomUUID();
    if (!onPostgres) {
      // PGlite: the request's transaction holds the one connection, so only the heartbeat tells.
      expect(await billingRunJobLive(database.db, runId)).toBeUndefined();
      return;
    }
    expect(await billingRunJobLive(database.db, runId)).toBe(false);
    // A job for a run that does not exist: the worker skips it and the job completes.
    await jobSenderFor(database.db)?.send('billing-run', { tenantId, runId }, runId);
    const deadline = Date.now() + 20_000;
    let live = await billingRunJobLive(database.db, runId);
    expect(live).toBe(true);
    while (live && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      live = await billingRunJobLive(database.db, runId);
    }
    expect(live).toBe(false);
  });

  it('the billing page’s runs (and a refused resume) answer with the queue running, a run still running', async () => {
    const barnet = await makeDemoWorkspace(database.db, 'barnet');
    const finance = barnet.caller('finance@barnet.example');
    const [run] = await withTenant(database.db, barnet.id, (tx) =>
      tx
        .insert(billingRuns)
        .values({
          tenantId: barnet.id,
          kind: 'charges',
          label: 'Charges to date',
          params: { upTo: today, academicYear: null },
          createdByUserId: randomUUID(),
        })
        .returning({ id: billingRuns.id }),
    );
    const runId = run?.id ?? '';
    const runs = await finance.invoices.billingRuns();
    // No pg-boss job for it on PostgreSQL: stalled at once; on PGlite the fresh heartbeat says running.
    expect(runs.find((r) => r.id === runId)?.phase).toBe(onPostgres ? 'stalled' : 'running');
    if (!onPostgres)
      await expect(finance.invoices.resumeRun({ billingRunId: runId })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
  });
});

describe('a subscriptions run that bills the charges too', () => {
  let database: Database;
  let barnet: DemoWorkspace;

  beforeAll(async () => {
    database = await openTestDatabase();
    barnet = await makeDemoWorkspace(database.db, 'barnet');
  });

  it('gives a school one invoice for its subscription and its course place, and a resumed run keeps the choice', async () => {
    const finance = barnet.caller('finance@barnet.example');
    const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, barnet.id, fn);
    const subscriptionsOnly = await finance.invoices.previewRun(input);
    const school = subscriptionsOnly.invoices[0];
    if (!school) throw new Error('the demo workspace has no subscriber to bill');
    await inTenant((tx) =>
      tx.insert(chargeableItems).values({
        tenantId: barnet.id,
        schoolId: school.schoolId,
        description: 'Course place: Phonics refresher',
        quantityHundredths: 100,
        unitPricePence: 9_000,
        netPence: 9_000,
        vatRateBasisPoints: 2000,
        pricedAsMember: true,
        // The same order as the subscription's: one invoice per school and purchase order.
        purchaseOrderNumber: school.purchaseOrderNumber,
      }),
    );
    const waiting = (await finance.invoices.previewRun(input)).chargesWaiting;
    expect(waiting.lineCount).toBeGreaterThan(0);

    const both = { ...input, withCharges: true };
    const preview = await finance.invoices.previewRun(both);
    // Nothing is left waiting: the charges are in this run.
    expect(preview.chargesWaiting).toEqual({ lineCount: 0, netPence: 0 });
    const theirs = preview.invoices.filter((i) => i.schoolId === school.schoolId);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]?.lineCount).toBe(school.lineCount + 1);
    expect(preview.totals.netPence).toBeGreaterThanOrEqual(
      subscriptionsOnly.totals.netPence + waiting.netPence,
    );

    const sent: { queue: string; data: object; key: string }[] = [];
    const unregister = registerJobSender({
      db: database.db,
      send: async (queue, data, key) => {
        sent.push({ queue, data, key });
      },
    });
    let runId: string;
    try {
      runId = (await finance.invoices.startRun(both)).id;
    } finally {
      unregister();
    }
    const [run] = await inTenant((tx) => tx.select().from(billingRuns).where(eq(billingRuns.id, runId)));
    expect(run?.params).toMatchObject({ withCharges: 1 });
    expect(run?.label).toMatch(/and uninvoiced charges made/);
    // The job reads the run's own parameters back: the charges are billed beside the subscriptions.
    expect((await processBillingRun(database.db, { tenantId: barnet.id, runId })).status).toBe('done');
    const lines = await inTenant((tx) =>
      tx
        .select({ description: invoiceLines.description })
        .from(invoiceLines)
        .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
        .where(and(eq(invoices.billingRunId, runId), eq(invoices.schoolId, school.schoolId))),
    );
    expect(lines.map((l) => l.description)).toContain('Course place: Phonics refresher');
    expect(lines.length).toBe(school.lineCount + 1);
    expect((await finance.invoices.previewRun(both)).invoices).toHaveLength(0);
    expect((await finance.invoices.previewRun(input)).chargesWaiting.lineCount).toBe(0);
  });
});
