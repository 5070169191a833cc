/**
 * Billing run bench (PostgreSQL): 2,000 schools × 25 uninvoiced charges billed by one run, beside a floor (the
 * same invoices and lines written by one bare multi-row INSERT per table); then 20 connections issuing invoices
 * at once, with the numbers checked for gaps. `npx tsx tests/bench/billing-run.ts` with DATABASE_URL set.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, withPlatform, withTenant, type Db } from '../../db/client';
import { invoices, schools, tenants } from '../../db/schema';
import { runBilling } from '../../server/invoicing/billing-run';
import { issueInvoice } from '../../server/invoicing/issue-invoice';

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 2000);
const ITEMS = 25;

async function makeTenant(db: Db, tag: string) {
  const [t] = await withPlatform(db, (tx) =>
    tx
      .insert(tenants)
      .values({
        slug: `bench-${tag}`,
        name: `Bench ${tag}`,
        shortName: 'Bench',
        kind: 'la',
        laCodes: ['999'],
        modules: ['invoices'],
      })
      .returning({ id: tenants.id }),
  );
  if (!t) throw new Error('no tenant');
  const ids: string[] = [];
  await withTenant(db, t.id, async (tx) => {
    for (let i = 0; i < SCHOOLS; i += 1000) {
      const rows = await tx
        .insert(schools)
        .values(
          Array.from({ length: Math.min(1000, SCHOOLS - i) }, (_, k) => ({
            tenantId: t.id,
            urn: 800_000_000 + Math.floor(Math.random() * 99_000_000),
            laCode: '999',
            laName: 'Bench',
            establishmentNumber: String(i + k),
            name: `Bench school ${i + k}`,
            type: 'Academy converter',
            typeGroup: (i + k) % 2 ? 'Academies' : 'Local authority maintained schools',
            phase: 'Primary',
          })),
        )
        .returning({ id: schools.id });
      ids.push(...rows.map((r) => r.id));
    }
  });
  return { tenantId: t.id, schoolIds: ids };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) return console.info('Billing run bench needs PostgreSQL: set DATABASE_URL.');
  const database = await openDatabase({ kind: 'postgres', url, maxConnections: 21 });
  await database.migrate();
  const db = database.db;
  const tag = randomUUID().slice(0, 8);
  const { tenantId } = await makeTenant(db, tag);
  // The charges are made in the database (not built as 50,000 objects here), so the peak RSS printed below is
  // the billing run's, not the fixture's.
  await withTenant(db, tenantId, (tx) =>
    tx.execute(sql`insert into chargeable_items (tenant_id, school_id, description, quantity_hundredths,
        unit_price_pence, net_pence, vat_rate_basis_points, priced_as_member)
      select ${tenantId}::uuid, s.id, 'Charge ' || k, 150, 33333 + k, 50000, 2000, true
      from schools s cross join generate_series(0, ${ITEMS - 1}) as k
      where s.tenant_id = ${tenantId}::uuid`),
  );
  const actor = { tenantId, name: 'Bench', kind: 'la' as const, laCodes: ['999'], userId: randomUUID() };

  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const result = await withTenant(db, tenantId, (tx) =>
    runBilling(tx, actor, { kind: 'charges', upTo: '2999-12-31' }),
  );
  const seconds = (performance.now() - start) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;

  // The floor: the same number of invoices and lines, one bare INSERT … SELECT FROM json per table.
  const floor = await makeTenant(db, `${tag}f`);
  const floorStart = performance.now();
  await withTenant(db, floor.tenantId, async (tx) => {
    const inv = floor.schoolIds.map((schoolId) => ({ id: randomUUID(), school_id: schoolId }));
    await tx.execute(sql`insert into invoices (tenant_id, id, school_id, customer_name, customer_category, net_pence, vat_pence, gross_pence)
      select ${floor.tenantId}::uuid, x.id, x.school_id, 'School', 'academy', 1250000, 250000, 1500000
      from json_to_recordset(${JSON.stringify(inv)}::json) as x(id uuid, school_id uuid)`);
    const lines = inv.flatMap((i) =>
      Array.from({ length: ITEMS }, (_, k) => ({ invoice_id: i.id, position: k })),
    );
    await tx.execute(sql`insert into invoice_lines (tenant_id, invoice_id, position, description, quantity_hundredths,
        unit_price_pence, net_pence, vat_treatment, vat_rate_basis_points, vat_pence, source_key)
      select ${floor.tenantId}::uuid, x.invoice_id, x.position, 'Charge', 150, 33333, 50000, 'standard', 2000, 10000,
        'floor:' || x.invoice_id || ':' || x.position
      from json_to_recordset(${JSON.stringify(lines)}::json) as x(invoice_id uuid, position int)`);
  });
  const floorSeconds = (performance.now() - floorStart) / 1000;
  console.info(
    `Billing run: ${SCHOOLS} schools × ${ITEMS} charges → ${result.invoicesCreated} invoices in ${seconds.toFixed(2)} s ` +
      `(${(result.invoicesCreated / seconds).toFixed(0)} invoices/s), peak RSS ${peakMb.toFixed(0)} MB ` +
      `(start ${(rssBefore / 1048576).toFixed(0)} MB); floor ${floorSeconds.toFixed(2)} s → ${(seconds / floorSeconds).toFixed(2)}× ` +
      `(target < 30 s, < 300 MB, ≤ 3×)`,
  );

  // 20 connections issuing the drafts at once.
  const drafts = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ id: invoices.id })
      .from(invoices)
      .where(sql`status = 'draft'`)
      .limit(400),
  );
  const issueActor = { tenantId, name: 'Bench', slug: `bench-${tag}`, appUrl: 'http://bench' };
  const queue = [...drafts];
  const issueStart = performance.now();
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      for (let d = queue.pop(); d; d = queue.pop()) {
        const id = d.id;
        // The bench's schools have no one to email: issued as if the finance team sends them themselves.
        await withTenant(db, tenantId, (tx) => issueInvoice(tx, issueActor, { id, sendItMyself: true }));
      }
    }),
  );
  const issueSeconds = (performance.now() - issueStart) / 1000;
  const numbers = await withTenant(db, tenantId, (tx) =>
    tx
      .select({ n: invoices.sequenceNumber })
      .from(invoices)
      .where(sql`sequence_number is not null`)
      .orderBy(invoices.sequenceNumber),
  );
  const gaps = numbers.filter((r, i) => r.n !== i + 1).length;
  console.info(
    `Concurrent issue (20 connections): ${drafts.length} invoices in ${issueSeconds.toFixed(2)} s ` +
      `(${(drafts.length / issueSeconds).toFixed(0)} issues/s), ${gaps} gaps or duplicates`,
  );
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
