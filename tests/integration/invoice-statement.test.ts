import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { chargeableItems, creditNotes, invoices, schools } from '~/db/schema';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { schoolFinancialYear } from '~/server/invoicing/rules';
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

  it('a statement for a period brings the earlier balance forward, runs the balance and leaves later items out', async () => {
    const finance = barnet.caller('finance@barnet.example');
    const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, barnet.id, fn);
    // An open maintained school with nothing on its account yet.
    const candidates = await inTenant((tx) =>
      tx
        .select({ id: schools.id, typeGroup: schools.typeGroup })
        .from(schools)
        .where(
          and(
            eq(schools.status, 'open'),
            sql`${schools.typeGroup} !~* 'academ|free school'`,
            sql`not exists (select 1 from invoices i where i.tenant_id = ${schools.tenantId} and i.school_id = ${schools.id})`,
            sql`not exists (select 1 from payments p where p.tenant_id = ${schools.tenantId} and p.school_id = ${schools.id})`,
          ),
        )
        .orderBy(schools.urn)
        .limit(1),
    );
    const school = candidates[0];
    if (!school) throw new Error('no maintained school without invoices');
    const schoolId = school.id;
    expect((await finance.invoices.statement({ schoolId, allTime: true }))?.lines).toEqual([]);

    /** One issued invoice for `pence` net, dated `issuedOn`. */
    async function invoiceOn(issuedOn: string, pence: number) {
      await inTenant((tx) =>
        tx.insert(chargeableItems).values({
          tenantId: barnet.id,
          schoolId,
          description: `Support on ${issuedOn}`,
          quantityHundredths: 100,
          unitPricePence: pence,
          netPence: pence,
          vatRateBasisPoints: 0,
          pricedAsMember: true,
        }),
      );
      const run = await finance.invoices.run({ kind: 'charges', upTo: todayInLondon() });
      const [draft] = (await finance.invoices.list({ billingRunId: run.id })).filter(
        (i) => i.schoolId === schoolId,
      );
      if (!draft) throw new Error('no draft');
      const issued = await finance.invoices.issue({ sendItMyself: true, id: draft.id });
      await inTenant((tx) => tx.update(invoices).set({ issuedOn }).where(eq(invoices.id, draft.id)));
      return { id: draft.id, number: issued.number, gross: draft.grossPence };
    }
    const a = await invoiceOn('2025-03-15', 100_00);
    await finance.invoices.recordPayment({
      schoolId,
      method: 'bacs',
      reference: 'REM-1',
      amountPence: 40_00,
      receivedOn: '2025-03-20',
    });
    const b = await invoiceOn('2025-04-01', 200_00);
    const note = await finance.invoices.creditNote({
      invoiceId: b.id,
      reason: 'Session cancelled',
      scope: 'partial',
      lines: [
        {
          invoiceLineId: (await finance.invoices.byId({ id: b.id })).lines[0]?.id ?? '',
          netPence: 25_00,
        },
      ],
    });
    await inTenant((tx) =>
      tx.update(creditNotes).set({ issuedOn: '2025-04-10' }).where(eq(creditNotes.id, note.id)),
    );
    await finance.invoices.recordPayment({
      schoolId,
      method: 'cheque',
      reference: 'CHQ 7',
      amountPence: 50_00,
      receivedOn: '2025-05-01',
    });
    const c = await invoiceOn('2025-06-01', 30_00);

    const period = await finance.invoices.statement({ schoolId, from: '2025-04-01', to: '2025-05-31' });
    expect(period).toMatchObject({ from: '2025-04-01', to: '2025-05-31', openingBalancePence: 60_00 });
    expect(period?.lines.map((l) => [l.date, l.what, l.debitPence, l.creditPence, l.balancePence])).toEqual([
      ['2025-04-01', `Invoice ${b.number}`, 200_00, 0, 260_00],
      ['2025-04-10', `Credit note ${note.number}`, 0, 25_00, 235_00],
      ['2025-05-01', 'Payment (Cheque, ref CHQ 7)', 0, 50_00, 185_00],
    ]);
    expect(period?.balancePence).toBe(185_00);

    // The whole account to the same day: no balance brought forward, every item from the first.
    const whole = await finance.invoices.statement({ schoolId, allTime: true, to: '2025-05-31' });
    expect(whole?.from).toBeNull();
    expect(whole?.openingBalancePence).toBe(0);
    expect(whole?.lines.map((l) => l.what)).toEqual([
      `Invoice ${a.number}`,
      'Payment (BACS transfer, ref REM-1)',
      `Invoice ${b.number}`,
      `Credit note ${note.number}`,
      'Payment (Cheque, ref CHQ 7)',
    ]);
    expect(whole?.balancePence).toBe(185_00);

    // By default: the school's own financial year to date (April for a maintained school), everything
    // earlier brought forward, so the balance is the account's balance today.
    const today = todayInLondon();
    const byDefault = await finance.invoices.statement({ schoolId });
    expect(byDefault?.from).toBe(schoolFinancialYear('maintained', today).from);
    expect(byDefault?.from?.slice(5)).toBe('04-01');
    expect(byDefault?.to).toBe(today);
    expect(byDefault?.lines).toEqual([]);
    expect(byDefault?.openingBalancePence).toBe(185_00 + c.gross);
    expect(byDefault?.balancePence).toBe(185_00 + c.gross);

    // The PDF shows the same period, brought-forward line first, nothing from outside it.
    const pdf = await finance.invoices.statementPdf({ schoolId, from: '2025-04-01', to: '2025-05-31' });
    const text = JSON.stringify(pdf.document.blocks);
    expect(text).toContain('Balance brought forward');
    expect(text).toContain(b.number);
    expect(text).not.toContain(a.number);
    expect(text).not.toContain(c.number);
    expect(text).toContain('£185.00');
    expect(pdf.filename).toContain('2025-04-01-to-2025-05-31');

    // Periods that make no sense are refused with a message.
    await expect(
      finance.invoices.statement({ schoolId, from: '2025-06-01', to: '2025-05-31' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('on or before') as unknown,
    });
    await expect(
      finance.invoices.statement({ schoolId, from: '2025-04-01', allTime: true }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(finance.invoices.statementPdf({ schoolId, from: '1 April 2025' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('an academy’s statement starts on 1 September by default', async () => {
    const finance = barnet.caller('finance@barnet.example');
    const academies = await withTenant(database.db, barnet.id, (tx) =>
      tx.select({ id: schools.id, typeGroup: schools.typeGroup }).from(schools),
    );
    const academy = academies.find((s) => /academ/i.test(s.typeGroup));
    if (!academy) throw new Error('the demo has an academy');
    const statement = await finance.invoices.statement({ schoolId: academy.id });
    expect(statement?.from?.slice(5)).toBe('09-01');
    expect(statement?.financialYear.runs).toBe('September to August');
  });
});
