import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { renderPdf } from '~/server/pdf/render-pdf';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { openTestDatabase } from './harness';

describe('statement of account (page data and PDF)', () => {
  let database: Database;
  let barnet: DemoWorkspace;

  beforeAll(async () => {
    database = await openTestDatabase();
    barnet = await makeDemoWorkspace(database.db, 'barnet', { invoices: true });
  });

  it('finance gets any school’s statement as a PDF whose balance matches; a school user only its own', async () => {
    const finance = barnet.caller('finance@barnet.example');
    const partPaid = (await finance.invoices.list({ status: 'part_paid' }))[0];
    if (!partPaid) throw new Error('the seed makes a part-paid invoice');
    const statement = await finance.invoices.statement({ schoolId: partPaid.schoolId });
    expect(statement?.balancePence).toBe(partPaid.grossPence - partPaid.paidPence - partPaid.creditedPence);
    const { document, filename } = await finance.invoices.statementPdf({ schoolId: partPaid.schoolId });
    expect(filename).toContain('statement-');
    expect(JSON.stringify(document.blocks)).toContain(partPaid.number ?? 'no number');
    expect(
      Buffer.from(await renderPdf(document))
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    const head = barnet.caller('head@coppettswood.sch.example');
    const own = barnet.schoolId(101262);
    expect((await head.invoices.statementPdf({ schoolId: own })).document.title).toBe('Statement of account');
    if (partPaid.schoolId !== own)
      await expect(head.invoices.statementPdf({ schoolId: partPaid.schoolId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
  });
});
