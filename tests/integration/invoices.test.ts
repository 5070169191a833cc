import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import {
  chargeableItems,
  invoiceLines,
  invoices,
  outboxEmails,
  schoolContacts,
  schools,
  subscriptions,
} from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { sendOverdueReminders } from '~/server/invoicing/send-overdue-reminders';
import { renderPdf } from '~/server/pdf/render-pdf';
import { addDays, vatTreatmentLabels } from '~/server/invoicing/rules';
import { longDate } from '~/server/format/dates';
import { runInTenant } from '~/server/unit-of-work/run-in-tenant';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { onPostgres, openTestDatabase } from './harness';

const year = academicYearOf(todayInLondon());
const today = todayInLondon();

const settingsInput = {
  legalName: 'London Borough of Barnet',
  address: '2 Bristol Avenue, Colindale, London NW9 4EW',
  vatNumber: 'GB123456789',
  invoicePrefix: 'BAR-',
  creditNotePrefix: 'BCN-',
  journalPrefix: 'BJ-',
  paymentTermsDays: 30,
  bankDetails: 'Sort code 00-00-00, account 12345678',
  logoUrl: null,
  standardRateBasisPoints: 2000,
  vatRules: [
    {
      productKind: 'any' as const,
      customerCategory: 'maintained' as const,
      treatment: 'outside_scope' as const,
    },
    { productKind: 'any' as const, customerCategory: 'any' as const, treatment: 'standard' as const },
  ],
  financeCodes: { '*': { nominalCode: '4100', costCentre: 'ED200' } },
  subscriptionBilling: 'annual' as const,
  journalForMaintained: false,
  reminderDays: [7, 30],
};

describe('invoices', () => {
  let database: Database;
  let barnet: DemoWorkspace;

  beforeAll(async () => {
    database = await openTestDatabase({ maxConnections: 24 });
    barnet = await makeDemoWorkspace(database.db, 'barnet');
    await barnet.caller('finance@barnet.example').invoices.updateSettings(settingsInput);
  });

  const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, barnet.id, fn);

  /** A run of uninvoiced charges against `count` schools, then the drafts it made. */
  async function chargeSchools(count: number, pence = 12_345, offset = 0) {
    const open = await inTenant((tx) =>
      tx
        .select({ id: schools.id })
        .from(schools)
        .where(eq(schools.status, 'open'))
        .orderBy(schools.urn)
        .limit(count)
        .offset(offset),
    );
    await inTenant((tx) =>
      tx.insert(chargeableItems).values(
        open.map((s) => ({
          tenantId: barnet.id,
          schoolId: s.id,
          description: 'Consultancy day beyond entitlement',
          quantityHundredths: 100,
          unitPricePence: pence,
          netPence: pence,
          vatRateBasisPoints: 2000,
          pricedAsMember: true,
        })),
      ),
    );
    const finance = barnet.caller('finance@barnet.example');
    const run = await finance.invoices.run({ kind: 'charges', upTo: today });
    return finance.invoices.list({ billingRunId: run.id });
  }

  it('a subscriptions run previews, bills each school once, and a second run bills nothing', async () => {
    const finance = barnet.caller('finance@barnet.example');
    const input = { kind: 'subscriptions' as const, upTo: today, academicYear: year };
    const preview = await finance.invoices.previewRun(input);
    expect(preview.invoices.length).toBeGreaterThan(5);
    // Barnet's own maintained schools are outside the scope; its academies standard-rated.
    const maintained = preview.invoices.find((i) => i.category === 'maintained');
    const academy = preview.invoices.find((i) => i.category === 'academy');
    expect(maintained?.vatPence).toBe(0);
    if (academy) expect(academy.vatPence).toBe(Math.round(academy.netPence * 0.2));
    const run = await finance.invoices.run(input);
    expect(run.invoicesCreated).toBe(preview.invoices.length);
    expect(run.grossPence).toBe(preview.totals.grossPence);
    expect((await finance.invoices.previewRun(input)).invoices).toHaveLength(0);
    const again = await finance.invoices.run(input);
    expect(again.invoicesCreated).toBe(0);

    // A subscriptions preview says what course places and services still wait, billed by a charges run.
    const waitingBefore = (await finance.invoices.previewRun(input)).chargesWaiting;
    const [school] = await inTenant((tx) => tx.select({ id: schools.id }).from(schools).limit(1));
    await inTenant((tx) =>
      tx.insert(chargeableItems).values({
        tenantId: barnet.id,
        schoolId: school?.id ?? '',
        description: 'Course place: Phonics refresher',
        quantityHundredths: 100,
        unitPricePence: 10_000,
        netPence: 10_000,
        vatRateBasisPoints: 2000,
        pricedAsMember: true,
      }),
    );
    expect((await finance.invoices.previewRun(input)).chargesWaiting).toEqual({
      lineCount: waitingBefore.lineCount + 1,
      netPence: waitingBefore.netPence + 10_000,
    });
    await finance.invoices.run({ kind: 'charges', upTo: today });
    expect((await finance.invoices.previewRun(input)).chargesWaiting).toEqual({ lineCount: 0, netPence: 0 });
    // A charges run has nothing else to point to.
    expect(
      (await finance.invoices.previewRun({ kind: 'charges', upTo: today })).chargesWaiting.lineCount,
    ).toBe(0);
    const [lines] = await inTenant((tx) =>
      tx
        .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct source_key)::int` })
        .from(invoiceLines),
    );
    expect(lines?.n).toBe(lines?.distinct);
    const drafts = await finance.invoices.list({ billingRunId: run.id });
    expect(drafts.every((d) => d.status === 'draft' && d.number === null)).toBe(true);
    expect((await finance.invoices.byId({ id: drafts[0]?.id ?? '' })).lines[0]).toMatchObject({
      nominalCode: '4100',
      costCentre: 'ED200',
    });

    // A PO number given only at issue is kept on the subscription it bills, for its later invoices.
    const [line] = await inTenant((tx) =>
      tx
        .select({ key: invoiceLines.sourceKey })
        .from(invoiceLines)
        .where(eq(invoiceLines.invoiceId, drafts[0]?.id ?? '')),
    );
    const subscriptionId = line?.key?.split(':')[1] ?? '';
    const poOf = async () =>
      (
        await inTenant((tx) =>
          tx
            .select({ po: subscriptions.purchaseOrderNumber })
            .from(subscriptions)
            .where(eq(subscriptions.id, subscriptionId)),
        )
      )[0]?.po;
    // This school subscribed without a PO (the demo's all have one).
    await inTenant((tx) =>
      tx.update(subscriptions).set({ purchaseOrderNumber: null }).where(eq(subscriptions.id, subscriptionId)),
    );
    await finance.invoices.issue({
      sendItMyself: true,
      id: drafts[0]?.id ?? '',
      purchaseOrderNumber: 'PO-LATE-1',
    });
    expect(await poOf()).toBe('PO-LATE-1');
  });

  it('issuing numbers invoices gaplessly, emails the finance contact, and the school sees only its own issued ones', async () => {
    const drafts = await chargeSchools(3);
    expect(drafts).toHaveLength(3);
    const schoolId = drafts[0]?.schoolId ?? '';
    await inTenant((tx) =>
      tx.insert(schoolContacts).values({
        tenantId: barnet.id,
        schoolId,
        role: 'finance',
        name: 'Pat Bursar',
        email: `bursar-${barnet.tag}@school.example`,
      }),
    );
    const finance = barnet.caller('finance@barnet.example');
    const numbers = [];
    for (const d of drafts)
      numbers.push((await finance.invoices.issue({ sendItMyself: true, id: d.id })).number);
    const seq = numbers.map((n) => Number(n.replace('BAR-', '')));
    expect(seq).toEqual([seq[0], (seq[0] ?? 0) + 1, (seq[0] ?? 0) + 2]);
    await expect(
      finance.invoices.issue({ sendItMyself: true, id: drafts[0]?.id ?? '' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const issued = await finance.invoices.byId({ id: drafts[0]?.id ?? '' });
    expect(issued.invoice).toMatchObject({ status: 'issued', issuedOn: today, grossPence: 12_345 });
    const mail = await inTenant((tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(eq(outboxEmails.to, `bursar-${barnet.tag}@school.example`)),
    );
    expect(mail[0]?.subject).toContain(numbers[0]);

    // Coppetts Wood's headteacher: its own issued invoices only; drafts and other schools' invoices are not found.
    const head = barnet.caller('head@coppettswood.sch.example');
    const own = barnet.schoolId(101262);
    const mine = await head.invoices.list({});
    expect(mine.every((i) => i.schoolId === own && i.status !== 'draft')).toBe(true);
    const othersInvoice = drafts.find((d) => d.schoolId !== own)?.id ?? '';
    await expect(head.invoices.byId({ id: othersInvoice })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(head.invoices.issue({ sendItMyself: true, id: othersInvoice })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // A draft of the head's own school stays hidden until it is issued.
    const ownDraft = (await chargeSchools(26)).find((d) => d.schoolId === own);
    expect(ownDraft).toBeDefined();
    await expect(head.invoices.byId({ id: ownDraft?.id ?? '' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('credit notes: partial then full, own numbering, never beyond what is left; void releases the charge', async () => {
    const [draft, other] = await chargeSchools(2, 10_000);
    const finance = barnet.caller('finance@barnet.example');
    await finance.invoices.issue({ sendItMyself: true, id: draft?.id ?? '' });
    const view = await finance.invoices.byId({ id: draft?.id ?? '' });
    const line = view.lines[0];
    expect(line).toMatchObject({ netPence: 10_000, vatPence: 0 }); // maintained: outside the scope
    const partial = await finance.invoices.creditNote({
      invoiceId: draft?.id ?? '',
      reason: 'Half day not delivered',
      scope: 'partial',
      lines: [{ invoiceLineId: line?.id ?? '', netPence: 4_000 }],
    });
    expect(partial.number).toMatch(/^BCN-\d{6}$/);
    // The credit note as the school receives it: its number, the invoice it corrects, why, and the VAT.
    const notePdf = await finance.invoices.creditNotePdf({
      invoiceId: draft?.id ?? '',
      creditNoteId: partial.id,
    });
    const noteText = JSON.stringify(notePdf.document.blocks);
    expect(notePdf.document.title).toBe('VAT credit note');
    expect(notePdf.filename).toBe(partial.number);
    for (const expected of [
      partial.number,
      view.invoice.number ?? '?',
      'Half day not delivered',
      'GB123456789',
    ])
      expect(noteText).toContain(expected);
    expect(noteText).toContain('Outside the scope of VAT');
    expect(noteText).toContain('£40.00');
    expect(
      Buffer.from(await renderPdf(notePdf.document))
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    await expect(
      finance.invoices.creditNotePdf({ invoiceId: other?.id ?? '', creditNoteId: partial.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await finance.invoices.byId({ id: draft?.id ?? '' })).invoice).toMatchObject({
      status: 'part_paid',
      creditedPence: 4_000,
    });
    await expect(
      finance.invoices.creditNote({
        invoiceId: draft?.id ?? '',
        reason: 'Too much',
        scope: 'partial',
        lines: [{ invoiceLineId: line?.id ?? '', netPence: 6_001 }],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const full = await finance.invoices.creditNote({
      invoiceId: draft?.id ?? '',
      reason: 'Cancelled',
      scope: 'full',
    });
    expect(full.grossPence).toBe(6_000);
    expect(Number(full.number.slice(4))).toBe(Number(partial.number.slice(4)) + 1);
    expect((await finance.invoices.byId({ id: draft?.id ?? '' })).invoice.status).toBe('paid');
    await expect(finance.invoices.void({ id: draft?.id ?? '', reason: 'x' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // Voiding the other (draft) releases its charge, and the next run bills it again.
    await finance.invoices.void({ id: other?.id ?? '', reason: 'Wrong school contact' });
    const rerun = await finance.invoices.run({ kind: 'charges', upTo: today });
    expect(rerun.invoicesCreated).toBe(1);
    expect(rerun.netPence).toBe(10_000);
  });

  it('issuing sets the purchase order number and an earlier tax point, which the PDF shows; a later tax point is refused', async () => {
    const [draft] = await chargeSchools(1, 8_000, 12);
    const finance = barnet.caller('finance@barnet.example');
    await expect(
      finance.invoices.issue({ sendItMyself: true, id: draft?.id ?? '', taxPointOn: '2999-01-01' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('tax point') as unknown,
    });
    // A draft's PDF cannot pass for an invoice: its title says so and every page is stamped DRAFT.
    const draftPdf = await finance.invoices.pdf({ id: draft?.id ?? '' });
    expect(draftPdf.document.title).toBe('DRAFT — not a VAT invoice');
    expect(draftPdf.document.watermark).toBe('DRAFT');
    const supplied = addDays(today, -20);
    await finance.invoices.issue({
      sendItMyself: true,
      id: draft?.id ?? '',
      purchaseOrderNumber: ' PO-7781 ',
      taxPointOn: supplied,
    });
    const pdf = await finance.invoices.pdf({ id: draft?.id ?? '' });
    // Issued: the VAT invoice as before, unmarked.
    expect(pdf.document.title).toBe('VAT invoice');
    expect(pdf.document.watermark).toBeUndefined();
    const facts = JSON.stringify(pdf.document.blocks[0]);
    expect(facts).toContain('"Tax point"');
    expect(facts).toContain(longDate(supplied));
    expect(facts).toContain('PO-7781');
    expect(JSON.stringify(pdf.document.blocks)).toContain('How to pay');
    expect((await finance.invoices.byId({ id: draft?.id ?? '' })).invoice).toMatchObject({
      purchaseOrderNumber: 'PO-7781',
      taxPointOn: supplied,
      issuedOn: today,
    });
  });

  it('an LA recharges its own maintained schools by journal, numbered in their own series', async () => {
    const finance = barnet.caller('finance@barnet.example');
    await finance.invoices.updateSettings({ ...settingsInput, journalForMaintained: true });
    try {
      const drafts = await chargeSchools(1);
      expect(drafts[0]?.kind).toBe('journal');
      const issued = await finance.invoices.issue({ sendItMyself: true, id: drafts[0]?.id ?? '' });
      expect(issued.number).toMatch(/^BJ-\d{6}$/);
    } finally {
      await finance.invoices.updateSettings(settingsInput);
    }
  });

  it('payments: part payment, allocation across invoices, refund; aged debt, statement and finance export', async () => {
    const finance = barnet.caller('finance@barnet.example');
    // Two invoices for one school: two charges, two runs.
    const [first] = await chargeSchools(1, 10_000, 5);
    const [second] = await chargeSchools(1, 5_000, 5);
    expect(first?.schoolId).toBe(second?.schoolId);
    const schoolId = first?.schoolId ?? '';
    await finance.invoices.issue({ sendItMyself: true, id: first?.id ?? '' });
    await finance.invoices.issue({ sendItMyself: true, id: second?.id ?? '' });

    const part = await finance.invoices.recordPayment({
      schoolId,
      method: 'bacs',
      reference: 'REMIT-1',
      amountPence: 4_000,
      receivedOn: today,
      allocations: [{ invoiceId: first?.id ?? '', amountPence: 4_000 }],
    });
    expect(part.unallocatedPence).toBe(0);
    expect((await finance.invoices.byId({ id: first?.id ?? '' })).invoice).toMatchObject({
      status: 'part_paid',
      paidPence: 4_000,
    });
    await expect(
      finance.invoices.recordPayment({
        schoolId,
        method: 'cheque',
        amountPence: 100_000,
        receivedOn: today,
        allocations: [{ invoiceId: first?.id ?? '', amountPence: 6_001 }],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/has only £60\.00 outstanding/),
    });
    // Money cannot have arrived after today (the London date).
    await expect(
      finance.invoices.recordPayment({
        schoolId,
        method: 'bacs',
        amountPence: 1_000,
        receivedOn: addDays(today, 1),
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The date received cannot be in the future: enter the date the money arrived.',
      cause: { field: 'receivedOn' },
    });
    expect((await finance.invoices.byId({ id: first?.id ?? '' })).invoice.paidPence).toBe(4_000);
    // Only a local authority settles by internal journal: a partnership is not offered it, nor may it record one.
    const hsip = await makeDemoWorkspace(database.db, 'hsip');
    await expect(
      hsip.caller('finance@hsip.example').invoices.recordPayment({
        schoolId,
        method: 'journal',
        amountPence: 1_000,
        receivedOn: today,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Only a local authority records payments by internal journal: choose BACS transfer or cheque.',
      cause: { field: 'method' },
    });
    // No allocations given: the oldest first, the rest stays on account.
    const rest = await finance.invoices.recordPayment({
      schoolId,
      method: 'journal',
      reference: 'JNL 2026/118',
      amountPence: 12_000,
      receivedOn: today,
    });
    expect(rest).toMatchObject({ allocatedPence: 11_000, unallocatedPence: 1_000 });
    expect((await finance.invoices.byId({ id: first?.id ?? '' })).invoice.status).toBe('paid');
    expect((await finance.invoices.byId({ id: second?.id ?? '' })).invoice.status).toBe('paid');

    await finance.invoices.refund({
      paymentId: rest.id,
      invoiceId: second?.id ?? '',
      amountPence: 2_000,
      refundedOn: today,
    });
    expect((await finance.invoices.byId({ id: second?.id ?? '' })).invoice).toMatchObject({
      status: 'part_paid',
      paidPence: 3_000,
    });
    await expect(
      finance.invoices.refund({
        paymentId: rest.id,
        invoiceId: second?.id ?? '',
        amountPence: 3_001,
        refundedOn: today,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const aged = await finance.invoices.agedDebt();
    const row = aged.rows.find((r) => r.schoolId === schoolId);
    expect(row?.current).toBeGreaterThanOrEqual(2_000);
    expect(aged.totals.total).toBe(aged.rows.reduce((s, r) => s + r.total, 0));

    const statement = await finance.invoices.statement({ schoolId });
    const debits = statement?.lines.reduce((s, l) => s + l.debitPence - l.creditPence, 0) ?? 0;
    expect(statement?.balancePence).toBe((statement?.openingBalancePence ?? 0) + debits);

    const exported = await finance.invoices.export({ from: today, to: today });
    const lines = exported.csv.trim().split('\r\n');
    expect(lines[0]).toContain('Nominal code');
    expect(lines.some((l) => l.startsWith('Payment,') && l.includes('REMIT-1'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Refund,') && l.includes('-20.00'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Invoice,') && l.includes('4100') && l.includes('ED200'))).toBe(
      true,
    );
    // The VAT column reads as words, not codes.
    const invoiceRows = lines.filter((l) => l.startsWith('Invoice,'));
    expect(invoiceRows.length).toBeGreaterThan(0);
    for (const row of invoiceRows)
      expect(Object.values(vatTreatmentLabels).some((label) => row.includes(`,${label},`))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/,(standard|outside_scope|zero|exempt),/);
    await expect(finance.invoices.export({ from: today, to: '2000-01-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('overdue reminders go once per interval, to the finance contact, however often the job runs', async () => {
    const [draft] = await chargeSchools(1, 7_000, 7);
    const finance = barnet.caller('finance@barnet.example');
    await finance.invoices.issue({ sendItMyself: true, id: draft?.id ?? '' });
    const to = `ledger-${barnet.tag}@school.example`;
    await inTenant((tx) =>
      tx.insert(schoolContacts).values({
        tenantId: barnet.id,
        schoolId: draft?.schoolId ?? '',
        role: 'finance',
        name: 'Lee Ledger',
        email: to,
      }),
    );
    // Due 10 days ago: the 7-day reminder is due, the 30-day one not yet.
    const tenDaysAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 10 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await inTenant((tx) =>
      tx
        .update(invoices)
        .set({ dueOn: tenDaysAgo })
        .where(eq(invoices.id, draft?.id ?? '')),
    );
    const context = {
      tenantId: barnet.id,
      tenantName: barnet.name,
      tenantSlug: barnet.slug,
      appUrl: 'http://stride.test',
      today,
    };
    const first = await runInTenant(
      database.db,
      { tenantId: barnet.id, action: null, actor: { label: 'test' } },
      (tx) => sendOverdueReminders(tx, context),
    );
    expect(first.remindersSent).toBeGreaterThanOrEqual(1);
    const again = await runInTenant(
      database.db,
      { tenantId: barnet.id, action: null, actor: { label: 'test' } },
      (tx) => sendOverdueReminders(tx, context),
    );
    expect(again.remindersSent).toBe(0);
    const mail = await inTenant((tx) => tx.select().from(outboxEmails).where(eq(outboxEmails.to, to)));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toMatch(/is overdue/);
  });

  it('with no finance contact a reminder goes to the heads/SBMs; with nobody to email it is not marked but named on the run', async () => {
    // A school with a head/SBM account and no finance contact, and one with neither.
    const pick = async (withAdmin: boolean) =>
      (
        await inTenant((tx) =>
          tx
            .select({ id: schools.id })
            .from(schools)
            .where(
              and(
                eq(schools.status, 'open'),
                sql`not exists (select 1 from school_contacts c where c.school_id = ${schools.id} and c.role = 'finance')`,
                sql`${withAdmin ? sql`` : sql`not`} exists (select 1 from memberships m where m.school_id = ${schools.id} and m.role = 'school_admin')`,
              ),
            )
            .orderBy(schools.urn)
            .limit(1),
        )
      )[0]?.id ?? '';
    const headed = await pick(true);
    const nobody = await pick(false);
    expect(headed).not.toBe('');
    expect(nobody).not.toBe('');
    await inTenant((tx) =>
      tx.insert(chargeableItems).values(
        [headed, nobody].map((schoolId) => ({
          tenantId: barnet.id,
          schoolId,
          description: 'Governor clerking',
          quantityHundredths: 100,
          unitPricePence: 9_000,
          netPence: 9_000,
          vatRateBasisPoints: 2000,
          pricedAsMember: true,
        })),
      ),
    );
    const finance = barnet.caller('finance@barnet.example');
    const run = await finance.invoices.run({ kind: 'charges', upTo: today });
    const drafts = await finance.invoices.list({ billingRunId: run.id });
    const ofSchool = (id: string) => drafts.find((d) => d.schoolId === id)?.id ?? '';
    const headedNumber = (await finance.invoices.issue({ sendItMyself: true, id: ofSchool(headed) })).number;
    const nobodyNumber = (await finance.invoices.issue({ sendItMyself: true, id: ofSchool(nobody) })).number;
    const tenDaysAgo = addDays(today, -10);
    await inTenant((tx) =>
      tx
        .update(invoices)
        .set({ dueOn: tenDaysAgo })
        .where(sql`${invoices.id} in (${ofSchool(headed)}, ${ofSchool(nobody)})`),
    );
    const remind = () =>
      runInTenant(database.db, { tenantId: barnet.id, action: null, actor: { label: 'test' } }, (tx) =>
        sendOverdueReminders(tx, {
          tenantId: barnet.id,
          tenantName: barnet.name,
          tenantSlug: barnet.slug,
          appUrl: 'http://stride.test',
          today,
        }),
      );
    const remindersOf = async (id: string) =>
      (await inTenant((tx) => tx.select().from(invoices).where(eq(invoices.id, id))))[0]?.remindersSent;

    const first = await remind();
    const heads = await inTenant((tx) =>
      tx
        .select({ email: sql<string>`u.email` })
        .from(sql`memberships m join users u on u.id = m.user_id`)
        .where(sql`m.school_id = ${headed} and m.role = 'school_admin'`),
    );
    const reminders = await inTenant((tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(sql`${outboxEmails.subject} = ${`Reminder: invoice ${headedNumber} is overdue`}`),
    );
    expect(reminders.map((m) => m.to).sort()).toEqual(heads.map((h) => h.email).sort());
    const body = JSON.stringify(reminders[0]?.props);
    expect(body).toContain(`was due on ${longDate(tenDaysAgo)}`);
    expect(body).not.toContain(tenDaysAgo);
    expect(await remindersOf(ofSchool(headed))).toBe(1);
    // Nobody to email: not marked, and the run says which invoice.
    expect(await remindersOf(ofSchool(nobody))).toBe(0);
    expect(first.overdueWithNobodyToEmail).toBeGreaterThanOrEqual(1);
    expect(String(first.notReminded)).toContain(nobodyNumber);

    // Once the school has a finance contact, the next run reminds it (and the head is not emailed again).
    const to = `arrears-${barnet.tag}@school.example`;
    await inTenant((tx) =>
      tx.insert(schoolContacts).values({
        tenantId: barnet.id,
        schoolId: nobody,
        role: 'finance',
        name: 'Ari Arrears',
        email: to,
      }),
    );
    const second = await remind();
    expect(second.remindersSent).toBe(1);
    expect(await remindersOf(ofSchool(nobody))).toBe(1);
    const toContact = await inTenant((tx) => tx.select().from(outboxEmails).where(eq(outboxEmails.to, to)));
    expect(toContact.map((m) => m.subject)).toEqual([`Reminder: invoice ${nobodyNumber} is overdue`]);
  });

  it('a draft voided without ever being issued stays internal: not in the school’s list, by id, PDF or statement', async () => {
    const own = barnet.schoolId(101262);
    const head = barnet.caller('head@coppettswood.sch.example');
    const finance = barnet.caller('finance@barnet.example');
    const draft = (await chargeSchools(26, 4_321)).find((d) => d.schoolId === own);
    expect(draft).toBeDefined();
    const id = draft?.id ?? '';
    await finance.invoices.void({ id, reason: 'Raised in error' });
    expect((await finance.invoices.byId({ id })).invoice.status).toBe('void');

    const listed = await head.invoices.list({});
    expect(listed.map((i) => i.id)).not.toContain(id);
    expect(listed.every((i) => i.number !== null && i.issuedOn !== null)).toBe(true);
    expect(await head.invoices.list({ status: 'void' })).not.toContainEqual(expect.objectContaining({ id }));
    expect(await head.invoices.list({ status: 'draft' })).toEqual([]);
    await expect(head.invoices.byId({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(head.invoices.pdf({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(head.invoices.checkout({ invoiceId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const statement = await head.invoices.statement({ schoolId: own, allTime: true });
    expect(JSON.stringify(statement)).not.toContain('4,321');
    expect(JSON.stringify(statement)).not.toMatch(/Invoice "/);

    // An invoice voided after it was issued keeps its number, and the school still sees it.
    const issuedDraft = (await chargeSchools(26, 1_234)).find((d) => d.schoolId === own);
    const issuedId = issuedDraft?.id ?? '';
    await finance.invoices.issue({ sendItMyself: true, id: issuedId });
    await finance.invoices.void({ id: issuedId, reason: 'Wrong price' });
    expect((await head.invoices.list({})).map((i) => i.id)).toContain(issuedId);
    expect((await head.invoices.byId({ id: issuedId })).invoice.status).toBe('void');
  });

  it('lists put issued invoices newest first by issue date and number, not in the order the drafts were made', async () => {
    const own = barnet.schoolId(101262);
    const finance = barnet.caller('finance@barnet.example');
    const head = barnet.caller('head@coppettswood.sch.example');
    const first = (await chargeSchools(26, 1_111)).find((d) => d.schoolId === own)?.id ?? '';
    const second = (await chargeSchools(26, 2_222)).find((d) => d.schoolId === own)?.id ?? '';
    const third = (await chargeSchools(26, 3_333)).find((d) => d.schoolId === own)?.id ?? '';
    // Issued in the other order from the one they were made in; the third is dated yesterday.
    const numberOf = async (id: string) => (await finance.invoices.issue({ id })).number;
    const thirdNumber = await numberOf(third);
    const secondNumber = await numberOf(second);
    const firstNumber = await numberOf(first);
    await inTenant((tx) =>
      tx
        .update(invoices)
        .set({ issuedOn: addDays(today, -1) })
        .where(eq(invoices.id, third)),
    );

    const schoolList = await head.invoices.list({});
    const ownNumbers = schoolList
      .map((i) => i.number)
      .filter((n) => [firstNumber, secondNumber, thirdNumber].includes(n ?? ''));
    expect(ownNumbers).toEqual([firstNumber, secondNumber, thirdNumber]);

    const isInOrder = (rows: Awaited<ReturnType<typeof finance.invoices.list>>) =>
      rows.every((b, i) => {
        const a = rows[i - 1];
        if (!a) return true;
        const group = (r: typeof a) => (r.status === 'draft' ? 0 : r.issuedOn ? 1 : 2);
        if (group(a) !== group(b)) return group(a) < group(b);
        if (group(a) !== 1) return true;
        if (a.issuedOn !== b.issuedOn) return (a.issuedOn ?? '') > (b.issuedOn ?? '');
        return a.kind !== b.kind || (a.number ?? '') > (b.number ?? '');
      });
    expect(isInOrder(schoolList)).toBe(true);
    const managerList = await finance.invoices.list({});
    expect(managerList.some((i) => i.status === 'draft')).toBe(true);
    expect(managerList[0]?.status).toBe('draft');
    expect(isInOrder(managerList)).toBe(true);
    const issuedIds = managerList.filter((i) => i.issuedOn).map((i) => i.id);
    expect(issuedIds.indexOf(first)).toBeLessThan(issuedIds.indexOf(second));
    expect(issuedIds.indexOf(second)).toBeLessThan(issuedIds.indexOf(third));
  });

  // Separate connections racing on one counter: PostgreSQL only (PGlite has one connection).
  it.runIf(onPostgres)(
    '24 concurrent issues (and 6 double-issues) give consecutive numbers, no gaps or duplicates',
    async () => {
      const drafts = await chargeSchools(24, 500);
      expect(drafts).toHaveLength(24);
      const finance = () => barnet.caller('finance@barnet.example');
      const [before] = await inTenant((tx) =>
        tx
          .select({ max: sql<number>`coalesce(max(sequence_number), 0)::int` })
          .from(invoices)
          .where(and(eq(invoices.kind, 'invoice'))),
      );
      const attempts = [...drafts, ...drafts.slice(0, 6)].map((d) =>
        finance().invoices.issue({ sendItMyself: true, id: d.id }),
      );
      const results = await Promise.allSettled(attempts);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(24);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(6);
      const all = await inTenant((tx) =>
        tx
          .select({ n: invoices.sequenceNumber })
          .from(invoices)
          .where(and(eq(invoices.kind, 'invoice'), sql`sequence_number is not null`))
          .orderBy(invoices.sequenceNumber),
      );
      const numbers = all.map((r) => r.n ?? 0);
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
      expect(numbers.at(-1)).toBe((before?.max ?? 0) + 24);
    },
  );
});

describe('changing how subscriptions are billed part-way through the year', () => {
  let database: Database;
  let barnet: DemoWorkspace;
  const spring = `${year + 1}-01-15`;
  const endOfYear = `${year + 1}-08-31`;

  beforeAll(async () => {
    database = await openTestDatabase();
    barnet = await makeDemoWorkspace(database.db, 'barnet');
    await barnet.caller('finance@barnet.example').invoices.updateSettings(settingsInput);
  });

  const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, barnet.id, fn);
  const finance = () => barnet.caller('finance@barnet.example');
  const billAs = (subscriptionBilling: 'annual' | 'termly' | 'financial_year_split') =>
    finance().invoices.updateSettings({ ...settingsInput, subscriptionBilling });
  const run = (upTo: string) => ({ kind: 'subscriptions' as const, upTo, academicYear: year });

  /** Net pence on live (not void) invoices per subscription, and the source keys billed. */
  async function billedPerSubscription() {
    const rows = await inTenant((tx) =>
      tx
        .select({ key: invoiceLines.sourceKey, net: invoiceLines.netPence })
        .from(invoiceLines)
        .innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
        .where(and(sql`${invoiceLines.sourceKey} like 'subscription:%'`, sql`${invoices.status} <> 'void'`)),
    );
    const out = new Map<string, { net: number; keys: string[] }>();
    for (const r of rows) {
      const [, id = '', part = ''] = (r.key ?? '').split(':');
      const entry = out.get(id) ?? { net: 0, keys: [] };
      entry.net += r.net;
      entry.keys.push(part);
      out.set(id, entry);
    }
    return out;
  }

  it('whole year invoiced, then termly: the spring term is not offered again, even after voiding a duplicate', async () => {
    const whole = await finance().invoices.run(run(today));
    expect(whole.invoicesCreated).toBeGreaterThan(5);
    await finance().invoices.issueRun({ billingRunId: whole.id });

    await billAs('termly');
    expect((await finance().invoices.previewRun(run(spring))).invoices).toEqual([]);
    expect((await finance().invoices.previewRun(run(endOfYear))).invoices).toEqual([]);

    // A duplicate spring term made before this was fixed: voiding it releases its key, but the whole-year
    // invoice still bills the spring term, so nothing becomes billable.
    const [sub] = await inTenant((tx) =>
      tx
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.status, 'active'), eq(subscriptions.academicYear, year)))
        .limit(1),
    );
    const duplicate = await inTenant(async (tx) => {
      const [created] = await tx
        .insert(invoices)
        .values({
          tenantId: barnet.id,
          schoolId: sub?.schoolId ?? '',
          customerName: 'Duplicate',
          customerAddress: '',
          customerCategory: 'academy',
          netPence: 100,
          vatPence: 0,
          grossPence: 100,
        })
        .returning({ id: invoices.id });
      await tx.insert(invoiceLines).values({
        tenantId: barnet.id,
        invoiceId: created?.id ?? '',
        position: 0,
        description: 'Spring term again',
        quantityHundredths: 100,
        unitPricePence: 100,
        netPence: 100,
        vatTreatment: 'standard',
        vatRateBasisPoints: 0,
        vatPence: 0,
        sourceKey: `subscription:${sub?.id}:spring`,
      });
      return created?.id ?? '';
    });
    await finance().invoices.void({ id: duplicate, reason: 'Billed twice' });
    expect((await finance().invoices.previewRun(run(spring))).invoices).toEqual([]);

    // Voiding the whole-year invoice itself does make that school's terms billable again, once.
    const [invoice] = await finance().invoices.list({ billingRunId: whole.id });
    await finance().invoices.void({ id: invoice?.id ?? '', reason: 'Wrong school' });
    const again = await finance().invoices.previewRun(run(spring));
    expect(again.invoices.map((i) => i.schoolId)).toEqual([invoice?.schoolId]);
    await billAs('annual');
  });

  it('termly autumn invoiced, then the whole year: only the spring and summer terms, for the rest of the price', async () => {
    // Start the year again: void everything billed so far.
    for (const i of await finance().invoices.list({}))
      if (i.status !== 'void') await finance().invoices.void({ id: i.id, reason: 'Start again' });
    await billAs('termly');
    const autumn = await finance().invoices.run(run(`${year}-12-01`));
    expect(autumn.invoicesCreated).toBeGreaterThan(5);
    // Some issued, some left as drafts: both count as invoiced.
    const drafts = await finance().invoices.list({ billingRunId: autumn.id });
    for (const d of drafts.slice(0, 3)) await finance().invoices.issue({ sendItMyself: true, id: d.id });

    await billAs('annual');
    const preview = await finance().invoices.previewRun(run(spring));
    expect(preview.invoices.length).toBe(drafts.length);
    const rest = await finance().invoices.run(run(spring));
    const lines = (
      await finance().invoices.byId({
        id: (await finance().invoices.list({ billingRunId: rest.id }))[0]?.id ?? '',
      })
    ).lines;
    expect(lines.every((l) => /spring and summer terms/.test(l.description))).toBe(true);

    const active = await inTenant((tx) =>
      tx
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.status, 'active'), eq(subscriptions.academicYear, year))),
    );
    const billed = await billedPerSubscription();
    for (const s of active) {
      const b = billed.get(s.id);
      if (!b || s.netPricePence <= 0) continue;
      expect(b.net).toBe(s.netPricePence);
      // Each term on one live line only.
      const terms = b.keys.flatMap((k) => k.split('+'));
      expect(new Set(terms).size).toBe(terms.length);
      expect(terms).not.toContain('annual');
    }
    // Nothing more under any mode.
    for (const mode of ['annual', 'termly', 'financial_year_split'] as const) {
      await billAs(mode);
      expect((await finance().invoices.previewRun(run(endOfYear))).invoices).toEqual([]);
    }
  });
});
