import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '~/app/_components/data-table';
import { financeUsers, hasRole } from '~/server/access/role-groups';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { forbidden } from 'next/navigation';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { BillingRunForm, IssueRunButton } from '../invoice-actions';

export const metadata: Metadata = { title: 'Billing runs' };

export default async function BillingPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  if (!hasRole(workspace.roles, financeUsers)) forbidden();
  const [runs, drafts] = await Promise.all([
    guard(api.invoices.billingRuns()),
    guard(api.invoices.list({ status: 'draft' })),
  ]);
  const today = todayInLondon();
  const draftsOf = (runId: string) => drafts.filter((d) => d.billingRunId === runId).length;
  return (
    <div>
      <p>
        <Link className="underline" href={`/${tenant}/invoices`}>
          All invoices
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Billing runs</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        A run turns what schools owe into draft invoices, one per school (and purchase order). Anything
        already on an invoice is left out, so running again never bills twice. Check the drafts, then issue
        them.
      </p>
      <div className="mt-6 max-w-4xl">
        <BillingRunForm today={today} academicYear={academicYearOf(today)} />
      </div>
      <h2 className="mt-10 text-2xl font-semibold">Runs</h2>
      <DataTable
        className="mt-2"
        caption="Billing runs, newest first"
        hideCaption
        rows={runs}
        rowKey={(r) => r.id}
        empty="No billing run yet."
        columns={[
          {
            header: 'Run',
            rowHeader: true,
            cell: (r) => r.label,
          },
          {
            header: 'When',
            cell: (r) =>
              r.createdAt.toLocaleString('en-GB', {
                timeZone: 'Europe/London',
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
          },
          {
            header: 'Progress',
            cell: (r) =>
              r.status === 'failed'
                ? `Failed: ${r.error ?? ''}`
                : `${r.schoolsDone} of ${r.schoolsTotal} schools, ${r.invoicesCreated} invoices${r.status === 'running' ? ' (running)' : ''}`,
          },
          { header: 'Drafts', cell: (r) => <IssueRunButton billingRunId={r.id} drafts={draftsOf(r.id)} /> },
        ]}
      />
    </div>
  );
}
