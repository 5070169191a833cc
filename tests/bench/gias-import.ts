/**
 * GIAS import benchmark: a national-sized establishment fields file (50,000 rows × ~130 columns, Windows-1252)
 * streamed through the parser alone, then parsed and imported into one workspace, then re-imported unchanged.
 * Prints rows/s and peak memory; never fails on timing. Run with `npx tsx tests/bench/gias-import.ts`: on
 * DATABASE_URL when set (a bench workspace is made and removed), else a fresh PGlite in a temporary folder.
 *
 * Each phase runs in its own child process, so its peak RSS (sampled, and the kernel's maxRSS) is its own
 * rather than the high-water mark of the phases before it.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { openDatabase, withTenant, type Database } from '../../db/client';
import { schools, tenants } from '../../db/schema';
import { importGiasSchools } from '../../server/schools/import-gias/import-gias-schools';
import { parseGiasCsv } from '../../server/schools/import-gias/parse-gias-csv';
import { readGiasUpload } from '../../server/schools/import-gias/read-gias-upload';
import { fullGiasHeader, syntheticGiasRows, writeGiasCsvFile } from '../fixtures/gias';

const rowCount = 50_000;
const laCodes = ['330', '331', '332', '333', '334'];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

type Phase = 'parse' | 'commit' | 'reimport';
const phaseLabels: Record<Phase, string> = {
  parse: 'parse only',
  commit: 'parse + commit (all new)',
  reimport: 'parse + compare (all unchanged)',
};

function openBenchDatabase(pgliteDir: string): Promise<Database> {
  const url = process.env.DATABASE_URL;
  return url
    ? openDatabase({ kind: 'postgres', url, maxConnections: 2 })
    : openDatabase({ kind: 'pglite', dataDir: pgliteDir });
}

async function benchTenantId(db: Database['db'], slug: string): Promise<string> {
  const [tenant] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug));
  if (!tenant) throw new Error(`no bench workspace ${slug}`);
  return tenant.id;
}

async function setUp(slug: string, pgliteDir: string) {
  const database = await openBenchDatabase(pgliteDir);
  await database.migrate();
  await database.db
    .insert(tenants)
    .values({ slug, name: 'GIAS import benchmark', shortName: 'Bench', kind: 'la', laCodes });
  console.info(`GIAS import on ${database.kind}`);
  await database.close();
}

async function cleanUp(slug: string, pgliteDir: string) {
  const database = await openBenchDatabase(pgliteDir);
  const tenantId = await benchTenantId(database.db, slug);
  await withTenant(database.db, tenantId, (tx) => tx.delete(schools).where(eq(schools.tenantId, tenantId)));
  await database.db.delete(tenants).where(eq(tenants.id, tenantId));
  await database.close();
}

/** One phase, in this (child) process: prints its time, rows/s and memory. */
async function runPhase(phase: Phase, file: string, slug: string, pgliteDir: string) {
  const database = phase === 'parse' ? null : await openBenchDatabase(pgliteDir);
  const tenantId = database ? await benchTenantId(database.db, slug) : '';
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const start = performance.now();
  let detail: string;
  if (database === null) {
    const parsed = await parseGiasCsv(createReadStream(file), {
      filter: { kind: 'la-codes', laCodes },
      encoding: 'auto',
    });
    if (parsed.schools.length !== rowCount || parsed.errors.length > 0) {
      throw new Error(`parsed ${parsed.schools.length} schools with ${parsed.errors.length} errors`);
    }
    detail = `${parsed.encoding}`;
  } else {
    const result = await withTenant(database.db, tenantId, async (tx) =>
      importGiasSchools(tx, {
        tenantId,
        laCodes,
        // As over HTTP: the bytes as a web stream, through the same upload reader.
        upload: await readGiasUpload(Readable.toWeb(createReadStream(file)) as ReadableStream),
        write: true,
      }),
    );
    detail = `${result.newSchools} new, ${result.updatedSchools} updated, ${result.unchanged} unchanged`;
  }
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await database?.close();
  const rate = Math.round(rowCount / seconds).toLocaleString('en-GB');
  const maxRss = mb(process.resourceUsage().maxRSS * 1024);
  console.info(
    `${phaseLabels[phase].padEnd(32)} ${seconds.toFixed(2).padStart(6)} s ${rate.padStart(7)} rows/s   ` +
      `peak RSS ${mb(peak).padStart(6)} (maxRSS ${maxRss}, ${mb(baseline)} before the phase)   ${detail}`,
  );
}

/** Runs one step in a child process (PGlite takes one process at a time; each phase's memory is its own). */
function inChild(...args: string[]) {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', ...args], {
    stdio: 'inherit',
    env: process.env,
  });
  if (child.status !== 0) throw new Error(`${args[0]} failed`);
}

/**
 * The parent only writes the file and orders the steps, staying small: Linux carries a parent's maxRSS
 * into the children it spawns.
 */
async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stride-gias-bench-'));
  const file = path.join(dir, 'edubasealldata.csv');
  const pgliteDir = path.join(dir, 'pglite');
  const slug = `bench-gias-${Date.now()}`;
  try {
    inChild('setup', '', slug, pgliteDir);
    const bytes = await writeGiasCsvFile(file, syntheticGiasRows(rowCount, { firstUrn: 500_000, laCodes }), {
      header: 'full',
      encoding: 'windows-1252',
    });
    console.info(
      `${rowCount.toLocaleString('en-GB')} rows × ${fullGiasHeader.length} columns, ${mb(bytes)} Windows-1252, ` +
        `every row matching the filter\n`,
    );
    for (const phase of ['parse', 'commit', 'reimport'] as const) inChild(phase, file, slug, pgliteDir);
    console.info('\ntargets: 50,000 rows in under 20 s, peak RSS under 300 MB');
    if (!process.env.DATABASE_URL) {
      console.info('(on PGlite the database runs inside the process: its WASM heap is in the RSS above)');
    }
  } finally {
    inChild('cleanup', '', slug, pgliteDir);
    await rm(dir, { recursive: true, force: true });
  }
}

const [step, file, slug, pgliteDir] = process.argv.slice(2);
const run =
  step === 'parse' || step === 'commit' || step === 'reimport'
    ? runPhase(step, file ?? '', slug ?? '', pgliteDir ?? '')
    : step === 'setup'
      ? setUp(slug ?? '', pgliteDir ?? '')
      : step === 'cleanup'
        ? cleanUp(slug ?? '', pgliteDir ?? '')
        : main();
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
