import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { schoolWithStaffAndHeads } from './course-fixtures';
import { callerFor, openTestDatabase } from './harness';

/**
 * A new partnership's school business manager, before the first invoice, was told "Nothing owed: your school's
 * invoices are settled": the dashboard now knows whether any invoice has been issued at all.
 */
describe('money owed before the first invoice', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('counts the invoices ever issued, so no invoice yet is not read as every invoice settled', async () => {
    const { ws, head } = await schoolWithStaffAndHeads(database.db);
    expect(await head.invoices.owed()).toMatchObject({ issued: 0, outstanding: { invoices: 0 } });
    expect(await ws.caller.invoices.owed()).toMatchObject({ issued: 0 });
    // A demo school that has been invoiced before.
    const invoiced = await callerFor(database.db, 'head@coppettswood.sch.example', 'barnet');
    expect((await invoiced.invoices.owed()).issued).toBeGreaterThan(0);
  });
});
