import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { notFound } from 'next/navigation';
import { DataTable } from '~/app/_components/data-table';
import { FilterForm, FilterInput } from '~/app/_components/filter-form';
import { financeUsers, hasRole } from '~/server/access/role-groups';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { ZStatementInput } from '~/server/invoicing/finance-reports';
import { addDays } from '~/server/invoicing/rules';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { AllocatePaymentForm } from '../../payment-forms';
import { manualPaymentMethodOptions } from '~/server/invoicing/payment-labels';
import { shortDate } from '~/server/format/dates';
import { statementHref, statementQuery } from './statement-query';

export const metadata: Metadata = { title: 'Statement of account' };

export default async function StatementPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; schoolId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant, schoolId } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  // A period that does not parse (a typed address, a start after the end) is explained, and the default shown.
  const asked = ZStatementInput.safeParse({ schoolId, ...statementQuery(await searchParams) });
  const problems = asked.success ? [] : [...new Set(asked.error.issues.map((i) => i.message))];
  const statement = await guard(api.invoices.statement(asked.success ? asked.data : { schoolId }));
  if (!statement) notFound();
  const finance = hasRole(workspace.roles, financeUsers);
  const open = finance
    ? (await guard(api.invoices.list({ schoolId }))).filter(
        (i) => i.status === 'issued' || i.status === 'part_paid',
      )
    : [];
  const base = `/${tenant}/invoices/statement/${schoolId}`;
  const period = { from: statement.from, to: statement.to, allTime: statement.from === null };
  const thisYear = statement.currentFinancialYear;
  const lastYear = {
    from: `${Number(thisYear.from.slice(0, 4)) - 1}${thisYear.from.slice(4)}`,
    to: addDays(thisYear.from, -1),
  };
  const rows = [
    ...(statement.from
      ? [
          {
            date: statement.from,
            what: 'Balance brought forward',
            debitPence: 0,
            creditPence: 0,
            balancePence: statement.openingBalancePence,
          },
        ]
      : []),
    ...statement.lines,
  ];
  return (
    <div>
      <p>
        <Link className="underline" href={`/${tenant}/invoices`}>
          All invoices
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Statement of account: {statement.schoolName}</h1>
      {problems.length > 0 && (
        <div role="alert" className="mt-4 max-w-3xl border-l-4 border-red-700 bg-red-50 p-4">
          <p className="font-semibold">That period could not be shown, so this is the default.</p>
          <ul className="mt-1 list-disc pl-6">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="mt-2" data-testid="statement-period">
        {statement.from
          ? `${shortDate(statement.from)} to ${shortDate(statement.to)}`
          : `Everything to ${shortDate(statement.to)}`}
        {` (the school’s financial year runs ${statement.financialYear.runs})`}
      </p>
      <FilterForm
        label="Statement period"
        submit="Show statement"
        clearHref={base}
        actions={
          <span className="flex flex-wrap gap-3">
            <Link className="underline" href={statementHref(base, lastYear)}>
              Last financial year
            </Link>
            <Link className="underline" href={statementHref(base, { allTime: true })}>
              Whole account
            </Link>
          </span>
        }
      >
        <FilterInput type="date" name="from" label="From" width="w-48" defaultValue={statement.from ?? ''} />
        <FilterInput type="date" name="to" label="To" width="w-48" defaultValue={statement.to} />
      </FilterForm>
      <p className="mt-4 text-lg" data-testid="statement-balance">
        {statement.balancePence >= 0
          ? `Balance owed at ${shortDate(statement.to)}: ${formatPence(statement.balancePence)}`
          : `In credit at ${shortDate(statement.to)}: ${formatPence(-statement.balancePence)}`}
      </p>
      <p className="mt-2">
        <a className="font-semibold underline" href={statementHref(`${base}/pdf`, period)}>
          Download the statement (PDF)
        </a>
      </p>
      <DataTable
        className="mt-4"
        caption="Balance brought forward, then invoices, credit notes, payments and refunds in the period, oldest first, with the running balance"
        rows={rows.map((l, n) => ({ ...l, n }))}
        rowKey={(l) => String(l.n)}
        empty="Nothing issued to this school yet."
        columns={[
          { header: 'Date', cell: (l) => shortDate(l.date) },
          { header: 'Item', rowHeader: true, cell: (l) => l.what },
          {
            header: 'Charged',
            align: 'right',
            cell: (l) => (l.debitPence ? formatPence(l.debitPence) : ''),
          },
          {
            header: 'Paid or credited',
            align: 'right',
            cell: (l) => (l.creditPence ? formatPence(l.creditPence) : ''),
          },
          { header: 'Balance', align: 'right', cell: (l) => formatPence(l.balancePence) },
        ]}
      />
      {finance && (
        <div className="mt-10 max-w-3xl">
          <AllocatePaymentForm
            schoolId={schoolId}
            today={todayInLondon()}
            methods={manualPaymentMethodOptions(workspace.tenant.kind)}
            invoices={open.map((i) => ({
              id: i.id,
              number: i.number ?? '',
              dueOn: i.dueOn,
              outstandingPence: i.grossPence - i.paidPence - i.creditedPence,
            }))}
          />
        </div>
      )}
    </div>
  );
}
