import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, withTenant, type Database } from '~/db/client';
import { invoiceLines } from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { openTestDatabase } from './harness';

const today = todayInLondon();
const input = { kind: 'subscriptions' as const, upTo: today, academicYear: academicYearOf(today) };

const settingsInput = {
  legalName: 'London Borough of Barnet',
  address: '2 Bristol Avenue, Colindale, London NW9 4EW',
  vatNumber: 'GB123456789',
  invoicePrefix: 'RF-',
  creditNotePrefix: 'RFC-',
  journalPrefix: 'RFJ-',
  paymentTermsDays: 30,
  bankDetails: 'Sort code 00-00-00, account 12345678',
  logoUrl: null,
  standardRateBasisPoints: 2000,
  vatRules: [
    { productKind: 'any' as const, customerCategory: 'any' as const, treatment: 'standard' as const },
  ],
  financeCodes: {},
  subscriptionBilling: 'annual' as const,
  journalForMaintained: false,
  reminderDays: [7, 30],
};

/**
 * Migration 0044 releases the subscription terms of invoices credited in full before a full credit released them
 * itself. Run here, as migrations run (the database's owner, outside any tenant), on rows put back in the old state.
 */
describe('migration: releasing the terms of invoices already credited in full', () => {
  let database: Database;
  let barnet: DemoWorkspace;
  const finance = () => barnet.caller('finance@barnet.example');
  let migration: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    barnet = await makeDemoWorkspace(database.db, 'barnet');
    await finance().invoices.updateSettings(settingsInput);
    migration = await readFile(path.join(migrationsFolder, '0045_release_fully_credited_terms.sql'), 'utf8');
  });

  /** The invoice's subscription lines as they were before full credits released them: keys still held. */
  const asBefore = (invoiceId: string) =>
    withTenant(database.db, barnet.id, (tx) =>
      tx
        .update(invoiceLines)
        .set({ sourceKey: sql`${invoiceLines.releasedSourceKey}`, releasedSourceKey: null })
        .where(
          and(eq(invoiceLines.invoiceId, invoiceId), like(invoiceLines.releasedSourceKey, 'subscription:%')),
        ),
    );
  const keysOf = (invoiceId: string) =>
    withTenant(database.db, barnet.id, (tx) =>
      tx
        .select({ sourceKey: invoiceLines.sourceKey, releasedSourceKey: invoiceLines.releasedSourceKey })
        .from(invoiceLines)
        .where(eq(invoiceLines.invoiceId, invoiceId))
        .orderBy(invoiceLines.position),
    );
  const runMigration = () => database.db.execute(sql.raw(migration));

  it('frees the terms of a fully credited invoice (so the run bills them again), not of a part-credited or uncredited one, and changes nothing run twice', async () => {
    const run = await finance().invoices.run(input);
    const drafts = await finance().invoices.list({ billingRunId: run.id });
    const [full, part, untouched] = drafts;
    if (!full || !part || !untouched) throw new Error('not enough drafts');
    for (const d of [full, part, untouched]) await finance().invoices.issue({ id: d.id, sendItMyself: true });
    await finance().invoices.creditNote({ invoiceId: full.id, reason: 'Wrong price', scope: 'full' });
    const partLines = (await finance().invoices.byId({ id: part.id })).lines;
    await finance().invoices.creditNote({
      invoiceId: part.id,
      reason: 'One day not delivered',
      scope: 'partial',
      lines: [{ invoiceLineId: partLines[0]?.id ?? '', netPence: 100 }],
    });

    // The old state: the fully credited invoice still holds its terms, so the run finds nothing to bill.
    const released = await keysOf(full.id);
    await asBefore(full.id);
    const held = await keysOf(full.id);
    expect(held.every((l) => l.sourceKey?.startsWith('subscription:') && l.releasedSourceKey === null)).toBe(
      true,
    );
    expect((await finance().invoices.previewRun(input)).invoices).toEqual([]);
    const partBefore = await keysOf(part.id);
    const untouchedBefore = await keysOf(untouched.id);

    await runMigration();
    expect(await keysOf(full.id)).toEqual(released);
    expect(
      released.every((l) => l.sourceKey === null && l.releasedSourceKey?.startsWith('subscription:')),
    ).toBe(true);
    expect(await keysOf(part.id)).toEqual(partBefore);
    expect(await keysOf(untouched.id)).toEqual(untouchedBefore);
    const preview = await finance().invoices.previewRun(input);
    expect(preview.invoices.map((i) => i.schoolId)).toEqual([full.schoolId]);

    // Idempotent: a second run finds nothing left to release.
    await runMigration();
    expect(await keysOf(full.id)).toEqual(released);
    expect(await keysOf(part.id)).toEqual(partBefore);
  });
});
