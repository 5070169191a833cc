import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { forbidden } from 'next/navigation';
import { DataTable } from '~/app/_components/data-table';
import { FilterForm, FilterInput } from '~/app/_components/filter-form';
import { financeUsers, hasRole } from '~/server/access/role-groups';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { financeSystemOf } from '~/server/invoicing/payment-labels';

export const metadata: Metadata = { title: 'Aged debt' };

const buckets = [
  ['current', 'Not yet due'],
  ['1-30', '1–30 days'],
  ['31-60', '31–60 days'],
  ['61-90', '61–90 days'],
  ['90+', 'Over 90 days'],
] as const;

export default async function AgedDebtPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  if (!hasRole(workspace.roles, financeUsers)) forbidden();
  const { rows, totals } = await guard(api.invoices.agedDebt());
  const today = todayInLondon();
  // The council's financial year, April to March.
  const year = Number(today.slice(0, 4)) - (today.slice(5) < '04-01' ? 1 : 0);
  const yearStart = `${year}-04-01`;
  return (
    <div>
      <p>
        <Link className="underline" href={`/${tenant}/invoices`}>
          All invoices
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Aged debt</h1>
      <p className="mt-2 text-slate-700">
        What each school owes on issued invoices, by how long past the due date.
      </p>
      <DataTable
        className="mt-4"
        caption="Outstanding by school and days overdue"
        hideCaption
        rows={[...rows, { schoolId: 'total', name: 'All schools', ...totals }]}
        rowKey={(r) => r.schoolId}
        empty="Nothing is owed."
        columns={[
          {
            header: 'School',
            rowHeader: true,
            cell: (r) =>
              r.schoolId === 'total' ? (
                r.name
              ) : (
                <Link className="underline" href={`/${tenant}/invoices/statement/${r.schoolId}`}>
                  {r.name}
                </Link>
              ),
          },
          ...buckets.map(([key, label]) => ({
            header: label,
            align: 'right' as const,
            cell: (r: (typeof rows)[number]) => formatPence(r[key]),
          })),
          { header: 'Total', align: 'right', cell: (r) => formatPence(r.total) },
        ]}
      />
      <h2 className="mt-8 text-2xl font-semibold">Finance export</h2>
      <p className="mt-2 max-w-3xl">
        Every invoice and credit note line (with nominal code, cost centre and CFR code), and every payment
        and refund, dated in the period, as CSV for {financeSystemOf[workspace.tenant.kind]}: one row per
        line.
      </p>
      <FilterForm label="Finance export period" submit="Download CSV" action={`/${tenant}/invoices/export`}>
        <FilterInput type="date" name="from" label="From" width="w-48" defaultValue={yearStart} required />
        <FilterInput type="date" name="to" label="To" width="w-48" defaultValue={today} required />
      </FilterForm>
      <p className="mt-2 text-sm text-slate-700">
        Filled in with this financial year (from 1 April) to date.
      </p>
    </div>
  );
}
