import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { invoiceStatuses } from '~/server/invoicing/invoice-vocabulary';
import { financeUsers, hasRole } from '~/server/access/role-groups';
import { formatPence } from '~/server/catalogue/money';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { statusLabels } from './status-labels';
import { shortDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Invoices' };

type Status = (typeof invoiceStatuses)[number];

export default async function InvoicesPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ status?: string }>;
}) {
  const { tenant } = await params;
  const { status: asked } = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  const finance = hasRole(workspace.roles, financeUsers);
  const status = (invoiceStatuses as readonly string[]).includes(asked ?? '') ? (asked as Status) : undefined;
  const rows = await guard(api.invoices.list({ status }));
  const base = `/${tenant}/invoices`;
  return (
    <div>
      <h1 className="text-3xl font-bold">Invoices</h1>
      <p className="mt-2 text-slate-700">
        {finance
          ? 'Invoices and internal journals raised to schools. Drafts get a number only when issued; an issued invoice is corrected by a credit note.'
          : 'Invoices your school has been sent, with what is still to pay.'}
      </p>
      {finance && (
        <ul className="mt-4 flex flex-wrap gap-4">
          <li>
            <Link className="font-semibold underline" href={`${base}/billing`}>
              Billing runs
            </Link>
          </li>
          <li>
            <Link className="font-semibold underline" href={`${base}/aged-debt`}>
              Aged debt and finance export
            </Link>
          </li>
          <li>
            <Link className="font-semibold underline" href={`${base}/settings`}>
              Invoice settings
            </Link>
          </li>
        </ul>
      )}
      <nav aria-label="Filter by status" className="mt-4">
        <ul className="flex flex-wrap gap-3">
          {[undefined, ...invoiceStatuses.filter((s) => finance || s !== 'draft')].map((s) => (
            <li key={s ?? 'all'}>
              <Link
                href={s ? `${base}?status=${s}` : base}
                aria-current={s === status ? 'page' : undefined}
                className={`inline-block min-h-11 px-2 py-2 underline ${s === status ? 'font-bold' : ''}`}
              >
                {s ? statusLabels[s] : 'All'}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <DataTable
        className="mt-2"
        caption={
          status
            ? `Invoices: ${statusLabels[status]}`
            : finance
              ? 'Drafts to issue first, then invoices by issue date, newest first'
              : 'Invoices, newest first'
        }
        rows={rows}
        rowKey={(r) => r.id}
        empty="No invoices here yet."
        columns={[
          {
            header: 'Number',
            rowHeader: true,
            cell: (r) => (
              <Link
                className={r.number ? 'whitespace-nowrap underline' : 'underline'}
                href={`${base}/${r.id}`}
              >
                {r.number ?? `Draft for ${r.customerName}`}
              </Link>
            ),
          },
          { header: 'School', cell: (r) => r.customerName },
          {
            header: 'Status',
            cell: (r) =>
              `${statusLabels[r.status]}${r.status === 'void' && !r.issuedOn ? ' (never issued)' : ''}${r.kind === 'journal' ? ' (journal)' : ''}`,
          },
          { header: 'Issued', cell: (r) => shortDate(r.issuedOn, 'Not issued') },
          { header: 'Due', cell: (r) => shortDate(r.dueOn) },
          { header: 'PO', cell: (r) => r.purchaseOrderNumber ?? '—' },
          { header: 'Gross', align: 'right', cell: (r) => formatPence(r.grossPence) },
          {
            header: 'Outstanding',
            align: 'right',
            cell: (r) =>
              formatPence(
                r.status === 'void' || r.status === 'draft'
                  ? 0
                  : r.grossPence - r.paidPence - r.creditedPence,
              ),
          },
        ]}
      />
    </div>
  );
}
