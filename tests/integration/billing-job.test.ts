import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { billingRuns, invoiceLines, invoices } from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { processBillingRun, SimulatedCrash } from '~/server/invoicing/billing-job';
import { jobSenderFor, registerJobSender } from '~/server/jobs/job-dispatch';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { openTestDatabase } from './harness';

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
});
