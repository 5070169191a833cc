import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DataTable } from '~/app/_components/data-table';
import { financeUsers, hasRole } from '~/server/access/role-groups';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { AllocatePaymentForm } from '../../payment-forms';
import { shortDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Statement of account' };

export default async function StatementPage({
  params,
}: {
  params: Promise<{ tenant: string; schoolId: string }>;
}) {
  const { tenant, schoolId } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const statement = await guard(api.invoices.statement({ schoolId }));
  if (!statement) notFound();
  const finance = hasRole(workspace.roles, financeUsers);
  const open = finance
    ? (await guard(api.invoices.list({ schoolId }))).filter(
        (i) => i.status === 'issued' || i.status === 'part_paid',
      )
    : [];
  return (
    <div>
      <p>
        <Link className="underline" href={`/${tenant}/invoices`}>
          All invoices
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Statement of account: {statement.schoolName}</h1>
      <p className="mt-2 text-lg" data-testid="statement-balance">
        {statement.balancePence >= 0
          ? `Balance owed: ${formatPence(statement.balancePence)}`
          : `In credit: ${formatPence(-statement.balancePence)}`}
      </p>
      <p className="mt-2">
        <a className="font-semibold underline" href={`/${tenant}/invoices/statement/${schoolId}/pdf`}>
          Download the statement (PDF)
        </a>
      </p>
      <DataTable
        className="mt-4"
        caption="Invoices, credit notes, payments and refunds, oldest first, with the running balance"
        rows={statement.lines.map((l, n) => ({ ...l, n }))}
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
