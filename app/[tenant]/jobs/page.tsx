import type { Metadata } from 'next';
import { timestamp } from '~/server/format/dates';
import { DataTable } from '~/app/_components/data-table';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { RetryEmailButton, RunNowButton } from './job-actions';

export const metadata: Metadata = { title: 'Jobs and emails' };

const when = (date: Date | null) => (date ? timestamp(date) : '—');

/** "schoolsReminded: 2" → "schools reminded: 2", for the summary of what a run did. */
const describeSummary = (summary: Record<string, number | string>) =>
  Object.entries(summary)
    .map(([k, v]) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${v}`)
    .join(', ') || 'nothing to do';

const emailStatusLabels: Record<string, string> = {
  queued: 'Waiting to send',
  sent: 'Sent',
  kept: 'Kept (no mail server)',
  failed: 'Failed',
};

export default async function JobsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const overview = await guard(api.jobs.overview());
  const failed = overview.emailCounts.failed ?? 0;
  return (
    <div>
      <h1 className="text-3xl font-bold">Jobs and emails</h1>
      <p className="mt-2 text-slate-700">
        What runs on its own for this workspace, what it did and when, and the emails the workspace sends.
      </p>

      <h2 className="mt-8 text-2xl font-semibold">Scheduled jobs</h2>
      <DataTable
        className="mt-2"
        caption="Scheduled jobs"
        hideCaption
        rows={overview.jobs}
        rowKey={(j) => j.key}
        empty="No scheduled jobs apply to this workspace’s modules."
        columns={[
          {
            header: 'Job',
            rowHeader: true,
            cell: (j) => (
              <>
                <span className="font-semibold">{j.title}</span>
                <span className="block text-slate-700">{j.description}</span>
              </>
            ),
          },
          { header: 'When it runs', cell: (j) => j.schedule },
          {
            header: 'Last run',
            cell: (j) =>
              j.lastRun
                ? `${when(j.lastRun.startedAt)} (${j.lastRun.status === 'failed' ? 'failed' : 'done'})`
                : 'Not yet',
          },
          { header: 'Action', cell: (j) => <RunNowButton job={j.key} title={j.title} /> },
        ]}
      />

      <h2 className="mt-8 text-2xl font-semibold">Recent runs</h2>
      <DataTable
        className="mt-2"
        caption="Recent runs of the scheduled jobs, newest first"
        hideCaption
        rows={overview.runs}
        rowKey={(r) => r.id}
        empty="No job has run yet."
        columns={[
          { header: 'Started', cell: (r) => when(r.startedAt) },
          { header: 'Job', rowHeader: true, cell: (r) => r.title },
          { header: 'Period', cell: (r) => r.periodKey },
          {
            header: 'Started by',
            cell: (r) => (r.trigger === 'manual' ? 'A manager (run now)' : 'Schedule'),
          },
          {
            header: 'Outcome',
            cell: (r) =>
              r.status === 'failed' ? (
                <span className="font-semibold text-red-800">Failed: {r.error}</span>
              ) : (
                `Done: ${describeSummary(r.summary)}`
              ),
          },
        ]}
      />

      <h2 className="mt-8 text-2xl font-semibold">Emails</h2>
      <p className="mt-2">
        {failed > 0
          ? `${failed} email${failed === 1 ? '' : 's'} could not be sent after every try. Check the address, then send again.`
          : 'No email has failed.'}{' '}
        A failed send is tried again five times, waiting longer each time.
      </p>
      <DataTable
        className="mt-2"
        caption="Emails from this workspace, failed first, then newest first"
        hideCaption
        rows={overview.emails}
        rowKey={(e) => e.id}
        empty="No emails yet."
        columns={[
          { header: 'Queued', cell: (e) => when(e.createdAt) },
          { header: 'To', cell: (e) => e.to },
          { header: 'Subject', rowHeader: true, cell: (e) => e.subject },
          {
            header: 'Status',
            cell: (e) => (
              <>
                <span className={e.status === 'failed' ? 'font-semibold text-red-800' : undefined}>
                  {emailStatusLabels[e.status] ?? e.status}
                </span>
                {e.attempts > 1 && <span className="block text-sm">{e.attempts} tries</span>}
                {e.lastError && e.status !== 'sent' && e.status !== 'kept' && (
                  <span className="block text-sm text-slate-700">Last error: {e.lastError}</span>
                )}
              </>
            ),
          },
          {
            header: 'Action',
            cell: (e) => (e.status === 'failed' ? <RetryEmailButton emailId={e.id} to={e.to} /> : null),
          },
        ]}
      />
    </div>
  );
}
