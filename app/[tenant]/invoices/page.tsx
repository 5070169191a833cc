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

/** The filters by what is owed, as the dashboard's figures link to them. */
const owingLabels = { outstanding: 'Still owed', overdue: 'Overdue' } as const;

export default async function InvoicesPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ status?: string; owing?: string }>;
}) {
  const { tenant } = await params;
  const { status: asked, owing: askedOwing } = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  const finance = hasRole(workspace.roles, financeUsers);
  const status = (invoiceStatuses as readonly string[]).includes(asked ?? '') ? (asked as Status) : undefined;
  const owing = askedOwing === 'outstanding' || askedOwing === 'overdue' ? askedOwing : undefined;
  const rows = await guard(api.invoices.list({ status: owing ? undefined : status, owing }));
  const base = `/${tenant}/invoices`;
  return (
    <div>
      <h1 className="text-3xl font-bold">Invoices</h1>
      <p className="mt-2 text-slate-700">
        {finance
          ? 'Invoices and internal journals raised to schools. Drafts get a number only when issued; an issued invoice is corrected by a credit note.'
          : `Invoices your school has been sent, with what is still to pay. Places and services charged to your school are invoiced when ${workspace.tenant.name} runs its billing, and appear here then.`}
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
          {[undefined, ...invoiceStatuses.filter((s) => finance || s !== 'draft')].map((s) => {
            const current = !owing && s === status;
            return (
              <li key={s ?? 'all'}>
                <Link
                  href={s ? `${base}?status=${s}` : base}
                  aria-current={current ? 'page' : undefined}
                  className={`inline-block min-h-11 px-2 py-2 underline ${current ? 'font-bold' : ''}`}
                >
                  {s ? statusLabels[s] : 'All'}
                </Link>
              </li>
            );
          })}
          {(['outstanding', 'overdue'] as const).map((o) => (
            <li key={o}>
              <Link
                href={`${base}?owing=${o}`}
                aria-current={o === owing ? 'page' : undefined}
                className={`inline-block min-h-11 px-2 py-2 underline ${o === owing ? 'font-bold' : ''}`}
              >
                {owingLabels[o]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <DataTable
        className="mt-2"
        caption={
          owing
            ? `Invoices: ${owingLabels[owing].toLowerCase()}, newest first`
            : status
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
            cell: (r) => (
              <>
                {`${statusLabels[r.status]}${r.status === 'void' && !r.issuedOn ? ' (never issued)' : ''}${r.kind === 'journal' ? ' (journal)' : ''}`}
                {r.noRecipient && (
                  <strong className="block text-amber-900" data-testid="no-recipient">
                    No one to send it to
                  </strong>
                )}
                {r.reminderNotSentOn && (
                  <strong className="block text-amber-900" data-testid="reminder-not-sent">
                    Reminder not sent {shortDate(r.reminderNotSentOn)}: no one to send it to
                  </strong>
                )}
              </>
            ),
          },
          { header: 'Issued', cell: (r) => shortDate(r.issuedOn, 'Not issued') },
          // A journal is settled between budgets: nothing falls due.
          { header: 'Due', cell: (r) => (r.kind === 'journal' ? 'By journal' : shortDate(r.dueOn)) },
          { header: 'PO', cell: (r) => r.purchaseOrderNumber ?? '—' },
          { header: 'Gross', align: 'right', cell: (r) => formatPence(r.grossPence) },
          {
            header: 'Outstanding',
            align: 'right',
            // A draft owes nothing until it is issued (and a void invoice nothing at all): a dash, not £0.00.
            cell: (r) => (r.outstandingPence === null ? '—' : formatPence(r.outstandingPence)),
          },
        ]}
      />
    </div>
  );
}
