import type { Metadata } from 'next';
import { timestamp } from '~/server/format/dates';
import { countOf } from '~/server/format/plural';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { financeUsers, hasRole } from '~/server/access/role-groups';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { forbidden } from 'next/navigation';
import { billingRunStaleMinutes } from '~/server/invoicing/billing-job';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { BillingRunForm, IssueRunButton, ResumeRunButton, RunProgressPoller } from '../invoice-actions';

export const metadata: Metadata = { title: 'Billing runs' };

export default async function BillingPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  if (!hasRole(workspace.roles, financeUsers)) forbidden();
  const [runs, drafts, settings] = await Promise.all([
    guard(api.invoices.billingRuns()),
    guard(api.invoices.list({ status: 'draft' })),
    guard(api.invoices.settings()),
  ]);
  // What an invoice needs before it goes to a school: where to send payment and who is asking for it.
  const missing = [
    !settings.address && 'your address',
    !settings.bankDetails && 'the bank details schools pay into',
  ].filter((m): m is string => Boolean(m));
  const today = todayInLondon();
  const draftsOf = (runId: string) => drafts.filter((d) => d.billingRunId === runId);
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
        them. A confirmed run works in the background, school by school: if it stops, resume it and it bills
        only what is left.
      </p>
      {missing.length > 0 && (
        <p role="status" className="mt-4 max-w-3xl rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          Invoices do not yet show {missing.join(' or ')}.{' '}
          <Link className="underline" href={`/${tenant}/invoices/settings`}>
            Complete the invoice settings
          </Link>{' '}
          before you issue any: an issued invoice cannot be changed.
        </p>
      )}
      {!settings.vatNumber && (
        <p role="status" className="mt-4 max-w-3xl rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          The invoice settings have no VAT registration number, so no VAT is charged: every line is outside
          the scope of VAT.{' '}
          <Link className="underline" href={`/${tenant}/invoices/settings`}>
            Enter your VAT number
          </Link>{' '}
          if you are registered for VAT.
        </p>
      )}
      <div className="mt-6 max-w-4xl">
        <BillingRunForm
          today={today}
          academicYear={academicYearOf(today)}
          sellsSubscriptions={workspace.tenant.modules.includes('traded')}
        />
      </div>
      <h2 className="mt-10 text-2xl font-semibold">Runs</h2>
      <RunProgressPoller running={runs.some((r) => r.phase === 'running')} />
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
            cell: (r) => timestamp(r.createdAt),
          },
          {
            header: 'Progress',
            cell: (r) => (
              <div>
                <progress
                  className="w-40"
                  max={Math.max(r.schoolsTotal, 1)}
                  value={r.status === 'done' ? Math.max(r.schoolsTotal, 1) : r.schoolsDone}
                  aria-label={`Progress of ${r.label}`}
                />
                <p data-testid="run-progress">
                  {`${r.schoolsDone} of ${countOf(r.schoolsTotal, 'school')}, ${countOf(r.invoicesCreated, 'invoice')}`}
                  {r.schoolsFailed > 0 ? `, ${r.schoolsFailed} failed` : ''}
                  {r.phase === 'running'
                    ? ` (running${r.currentSchool ? `: done ${r.currentSchool}` : ''})`
                    : r.phase === 'stalled'
                      ? ` (stopped: no progress for ${billingRunStaleMinutes} minutes)`
                      : r.phase === 'stopped'
                        ? ` (stopped: ${r.error ?? 'failed'})`
                        : ' (finished)'}
                </p>
              </div>
            ),
          },
          {
            header: 'Drafts',
            cell: (r) =>
              r.phase === 'done' ? (
                <IssueRunButton
                  tenant={tenant}
                  billingRunId={r.id}
                  drafts={draftsOf(r.id).filter((d) => !d.noRecipient).length}
                  noRecipient={draftsOf(r.id).filter((d) => d.noRecipient)}
                />
              ) : r.phase === 'running' ? (
                'When the run has finished'
              ) : (
                <ResumeRunButton billingRunId={r.id} />
              ),
          },
        ]}
      />
    </div>
  );
}
