import { and, asc, between, eq, inArray, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { creditNoteLines, creditNotes, invoiceLines, invoices, payments, schools } from '~/db/schema';
import { toCsv } from '../format/csv';
import { paymentDescription, paymentMethodLabels } from './payment-labels';
import { isMaintainedSchool } from '../schools/maintained';
import { agedBucket, schoolFinancialYear, vatTreatmentLabels } from './rules';

const financialYearKind = (school: { type: string }) =>
  isMaintainedSchool(school) ? ('maintained' as const) : ('not_maintained' as const);

const buckets = ['current', '1-30', '31-60', '61-90', '90+'] as const;
export type AgedBucket = (typeof buckets)[number];

/** What each school owes on issued invoices, by days past the due date (current, 1–30, 31–60, 61–90, 90+). */
export async function agedDebt(tx: Tx, today: string) {
  const open = await tx
    .select({
      schoolId: invoices.schoolId,
      name: invoices.customerName,
      dueOn: invoices.dueOn,
      outstanding: sql<number>`(${invoices.grossPence} - ${invoices.paidPence} - ${invoices.creditedPence})::int`,
    })
    .from(invoices)
    .where(and(inArray(invoices.status, ['issued', 'part_paid']), eq(invoices.kind, 'invoice')));
  const bySchool = new Map<
    string,
    { schoolId: string; name: string } & Record<AgedBucket | 'total', number>
  >();
  for (const o of open) {
    if (o.outstanding <= 0) continue;
    const row = bySchool.get(o.schoolId) ?? {
      schoolId: o.schoolId,
      name: o.name,
      current: 0,
      '1-30': 0,
      '31-60': 0,
      '61-90': 0,
      '90+': 0,
      total: 0,
    };
    row[agedBucket(o.dueOn ?? today, today)] += o.outstanding;
    row.total += o.outstanding;
    bySchool.set(o.schoolId, row);
  }
  const rows = [...bySchool.values()].sort((a, b) => b.total - a.total);
  const totals = Object.fromEntries(
    [...buckets, 'total'].map((b) => [b, rows.reduce((s, r) => s + r[b as AgedBucket | 'total'], 0)]),
  ) as Record<AgedBucket | 'total', number>;
  return { rows, totals };
}

/**
 * Which part of a school's account a statement shows. `to` defaults to today; `from` to the first day of the
 * school's own financial year containing `to` (April for maintained schools, September for academies), or
 * the beginning of the account with `allTime`.
 */
export const ZStatementInput = z
  .object({
    schoolId: z.uuid(),
    from: z.iso.date('Enter the start date as a date').optional(),
    to: z.iso.date('Enter the end date as a date').optional(),
    allTime: z.boolean().optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    message: 'The start date must be on or before the end date.',
    path: ['from'],
  })
  .refine((v) => !(v.allTime && v.from), {
    message: 'Choose a start date or the whole account, not both.',
    path: ['from'],
  });
export type StatementInput = z.infer<typeof ZStatementInput>;

/**
 * A school's statement of account for a period: the balance brought forward from before its start (everything
 * issued, credited, paid or refunded earlier), then each invoice, credit note, payment and refund in the period in
 * date order with the running balance, and the balance at its end. Anything dated after the end is left out.
 */
export async function statementOfAccount(tx: Tx, input: StatementInput, today: string) {
  const [school] = await tx
    .select({ name: schools.name, type: schools.type })
    .from(schools)
    .where(eq(schools.id, input.schoolId));
  if (!school) return null;
  const to = input.to ?? today;
  const financialYear = schoolFinancialYear(financialYearKind(school), to);
  const from = input.allTime ? null : (input.from ?? financialYear.from);
  const schoolId = input.schoolId;
  const inv = await tx
    .select()
    .from(invoices)
    .where(
      and(
        eq(invoices.schoolId, schoolId),
        inArray(invoices.status, ['issued', 'part_paid', 'paid']),
        lte(invoices.issuedOn, to),
      ),
    );
  const notes = await tx
    .select()
    .from(creditNotes)
    .where(and(eq(creditNotes.schoolId, schoolId), lte(creditNotes.issuedOn, to)));
  const pays = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.schoolId, schoolId), lte(payments.receivedOn, to)));
  // On one day: invoices first (in number order), then credit notes, then money, so the running balance reads
  // naturally.
  const entries = [
    ...inv.map((i) => ({
      date: i.issuedOn ?? '',
      order: 0,
      sequence: i.sequenceNumber ?? 0,
      what: `${i.kind === 'journal' ? 'Journal' : 'Invoice'} ${i.number ?? ''}`,
      debitPence: i.grossPence,
      creditPence: 0,
    })),
    ...notes.map((n) => ({
      date: n.issuedOn,
      order: 1,
      sequence: n.sequenceNumber,
      what: `Credit note ${n.number}`,
      debitPence: 0,
      creditPence: n.grossPence,
    })),
    ...pays.map((p) =>
      p.kind === 'refund'
        ? {
            date: p.receivedOn,
            order: 3,
            sequence: 0,
            what: `Refund (${paymentDescription(p)})`,
            debitPence: p.amountPence,
            creditPence: 0,
          }
        : {
            date: p.receivedOn,
            order: 2,
            sequence: 0,
            what: `Payment (${paymentDescription(p)})`,
            debitPence: 0,
            creditPence: p.amountPence,
          },
    ),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order || a.sequence - b.sequence);
  const before = from === null ? [] : entries.filter((e) => e.date < from);
  const openingBalancePence = before.reduce((s, e) => s + e.debitPence - e.creditPence, 0);
  let balance = openingBalancePence;
  const lines = entries
    .filter((e) => from === null || e.date >= from)
    .map(({ order: _order, ...e }) => {
      balance += e.debitPence - e.creditPence;
      return { ...e, balancePence: balance };
    });
  return {
    schoolName: school.name,
    from,
    to,
    financialYear,
    /** The school's financial year today (for "this year" and "last year" choices). */
    currentFinancialYear: schoolFinancialYear(financialYearKind(school), today),
    openingBalancePence,
    lines,
    /** The balance at the end of the period. */
    balancePence: balance,
  };
}

export const ZExportInput = z
  .object({ from: z.iso.date('Enter the start date'), to: z.iso.date('Enter the end date') })
  .refine((v) => v.from <= v.to, {
    message: 'The start date must be on or before the end date.',
    path: ['from'],
  });

/**
 * Finance export for a date range, one row per line in a layout a council ledger imports: document type and
 * number, date, customer, line description, nominal code, cost centre, CFR code, VAT code, net, VAT, gross.
 * Credit note lines are negative; payments and refunds follow as rows of their own.
 */
export async function financeExportCsv(tx: Tx, input: z.infer<typeof ZExportInput>) {
  const header = [
    'Type',
    'Number',
    'Date',
    'Customer URN',
    'Customer',
    'Description',
    'Nominal code',
    'Cost centre',
    'CFR code',
    'VAT treatment',
    'VAT rate %',
    'Net',
    'VAT',
    'Gross',
    'Reference',
  ];
  const money = (p: number) => (p / 100).toFixed(2);
  const invRows = await tx
    .select({ line: invoiceLines, invoice: invoices, urn: schools.urn })
    .from(invoiceLines)
    .innerJoin(
      invoices,
      and(eq(invoices.tenantId, invoiceLines.tenantId), eq(invoices.id, invoiceLines.invoiceId)),
    )
    .innerJoin(schools, and(eq(schools.tenantId, invoices.tenantId), eq(schools.id, invoices.schoolId)))
    .where(and(sql`${invoices.status} <> 'draft'`, between(invoices.issuedOn, input.from, input.to)))
    .orderBy(asc(invoices.sequenceNumber), asc(invoiceLines.position));
  const cnRows = await tx
    .select({
      line: creditNoteLines,
      note: creditNotes,
      source: invoiceLines,
      urn: schools.urn,
      name: schools.name,
    })
    .from(creditNoteLines)
    .innerJoin(
      creditNotes,
      and(
        eq(creditNotes.tenantId, creditNoteLines.tenantId),
        eq(creditNotes.id, creditNoteLines.creditNoteId),
      ),
    )
    .innerJoin(
      invoiceLines,
      and(
        eq(invoiceLines.tenantId, creditNoteLines.tenantId),
        eq(invoiceLines.id, creditNoteLines.invoiceLineId),
      ),
    )
    .innerJoin(schools, and(eq(schools.tenantId, creditNotes.tenantId), eq(schools.id, creditNotes.schoolId)))
    .where(between(creditNotes.issuedOn, input.from, input.to))
    .orderBy(asc(creditNotes.sequenceNumber));
  const payRows = await tx
    .select({ payment: payments, urn: schools.urn, name: schools.name })
    .from(payments)
    .innerJoin(schools, and(eq(schools.tenantId, payments.tenantId), eq(schools.id, payments.schoolId)))
    .where(between(payments.receivedOn, input.from, input.to))
    .orderBy(asc(payments.receivedOn));
  const rows: (string | number | null)[][] = [header];
  for (const { line: l, invoice: i, urn } of invRows)
    rows.push([
      i.kind === 'journal' ? 'Journal' : i.status === 'void' ? 'Invoice (void)' : 'Invoice',
      i.number,
      i.issuedOn,
      urn,
      i.customerName,
      l.description,
      l.nominalCode,
      l.costCentre,
      l.cfrCode,
      vatTreatmentLabels[l.vatTreatment],
      l.vatRateBasisPoints / 100,
      money(l.netPence),
      money(l.vatPence),
      money(l.netPence + l.vatPence),
      i.purchaseOrderNumber,
    ]);
  for (const { line: l, note: n, source: s, urn, name } of cnRows)
    rows.push([
      'Credit note',
      n.number,
      n.issuedOn,
      urn,
      name,
      l.description,
      s.nominalCode,
      s.costCentre,
      s.cfrCode,
      vatTreatmentLabels[l.vatTreatment],
      l.vatRateBasisPoints / 100,
      money(-l.netPence),
      money(-l.vatPence),
      money(-(l.netPence + l.vatPence)),
      n.reason,
    ]);
  for (const { payment: p, urn, name } of payRows)
    rows.push([
      p.kind === 'refund' ? 'Refund' : 'Payment',
      '',
      p.receivedOn,
      urn,
      name,
      paymentMethodLabels[p.method],
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      money(p.kind === 'refund' ? -p.amountPence : p.amountPence),
      p.reference,
    ]);
  return { csv: toCsv(rows), filename: `finance-export-${input.from}-to-${input.to}` };
}
