import { and, count, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { invoices } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';

/** What an invoice still owes: its gross less what was paid and credited (never counted for a draft or a void). */
const leftToPay = sql<number>`(${invoices.grossPence} - ${invoices.paidPence} - ${invoices.creditedPence})`;

/**
 * An issued invoice a school still owes money on: the aged-debt rule (invoices, not internal journals, which
 * are settled between budgets; drafts owe nothing until issued). The dashboard counts and the invoice list's
 * "Outstanding" filter both use it, so the figure and the list it opens agree.
 */
export const owedOn = (): SQL =>
  and(
    inArray(invoices.status, ['issued', 'part_paid']),
    eq(invoices.kind, 'invoice'),
    sql`${leftToPay} > 0`,
  ) as SQL;

/** Owed, and past its due date (due before today): the overdue reminders' rule. */
export const overdueOn = (today: IsoDate): SQL => and(owedOn(), lt(invoices.dueOn, today)) as SQL;

export type OwingFilter = 'outstanding' | 'overdue';

/** The invoice list's filter by what is owed. */
export const owingWhere = (owing: OwingFilter, today: IsoDate): SQL =>
  owing === 'overdue' ? overdueOn(today) : owedOn();

/**
 * What schools owe on issued invoices and what of it is overdue, counted and summed: every school's for the
 * finance team, one school's for its headteacher (`schoolId`).
 */
export async function moneyOwed(tx: Tx, input: { schoolId?: string; today: IsoDate }) {
  const school = input.schoolId ? eq(invoices.schoolId, input.schoolId) : undefined;
  const figure = (where: SQL) =>
    tx
      .select({ invoices: count(), pence: sql<number>`coalesce(sum(${leftToPay}), 0)::int` })
      .from(invoices)
      .where(and(where, school));
  const [[owed], [overdue], [issued]] = await Promise.all([
    figure(owedOn()),
    figure(overdueOn(input.today)),
    // Whether there has been an invoice at all: nothing owed on none is not "settled".
    figure(and(eq(invoices.kind, 'invoice'), isNotNull(invoices.issuedOn)) as SQL),
  ]);
  return {
    /** Invoices ever issued (paid, owed, credited or voided since). */
    issued: issued?.invoices ?? 0,
    outstanding: { invoices: owed?.invoices ?? 0, pence: Number(owed?.pence ?? 0) },
    overdue: { invoices: overdue?.invoices ?? 0, pence: Number(overdue?.pence ?? 0) },
  };
}
export type MoneyOwed = Awaited<ReturnType<typeof moneyOwed>>;
