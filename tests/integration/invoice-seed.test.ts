import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { openTestDatabase } from './harness';

describe('demo invoices (seed/seed-invoices.ts)', () => {
  let database: Database;
  const made: DemoWorkspace[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    made.push(await makeDemoWorkspace(database.db, 'barnet', { invoices: true }));
    made.push(await makeDemoWorkspace(database.db, 'hsip', { invoices: true }));
  });

  it.each([0, 1])(
    'workspace %i shows real money: drafts, overdue, part-paid, paid, a credit note, aged debt',
    async (n) => {
      const ws = made[n];
      if (!ws) throw new Error('workspace not made');
      const finance = ws.caller(
        ws.slug.startsWith('barnet') ? 'finance@barnet.example' : 'finance@hsip.example',
      );
      const all = await finance.invoices.list({});
      const statuses = new Set(all.map((i) => i.status));
      expect([...statuses].sort()).toEqual(['draft', 'issued', 'paid', 'part_paid']);
      const today = todayInLondon();
      const overdue = all.filter((i) => i.status === 'issued' && i.dueOn !== null && i.dueOn < today);
      expect(overdue.length).toBeGreaterThanOrEqual(2);
      expect(all.some((i) => i.creditedPence > 0)).toBe(true);
      expect(await finance.invoices.creditNotes({})).toHaveLength(1);
      const debt = await finance.invoices.agedDebt();
      expect(JSON.stringify(debt)).not.toBe('{}');
      const runs = await finance.invoices.billingRuns();
      expect(runs).toHaveLength(1);
      expect(runs[0]?.status).toBe('done');
    },
  );
});
