import { DataTable } from '~/app/_components/data-table';
import type { Metadata } from 'next';
import { actionLabel } from '~/server/format/action-label';
import { timestamp } from '~/server/format/dates';
import { guard, loadWorkspace } from '../../_lib/server-api';

/** A job's audit label ("job:renewal-reminders") in words. */
const jobActorName = (label: string) =>
  label.startsWith('job:') ? `Scheduled job (${label.slice(4).replaceAll('-', ' ')})` : label;

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const entries = await guard(api.audit.list({ limit: 200 }));
  return (
    <div>
      <h1 className="text-3xl font-bold">Audit log</h1>
      <p className="mt-2 text-slate-700">Every change made in this workspace, newest first.</p>
      <DataTable
        className="mt-4"
        caption="Changes made in this workspace"
        hideCaption
        rows={entries}
        rowKey={(e) => e.id}
        empty="No changes yet."
        emptyClassName="mt-4"
        columns={[
          { header: 'When', cell: (e) => timestamp(e.createdAt) },
          {
            header: 'Who',
            cell: (e) => e.actorName ?? (e.actorLabel ? jobActorName(e.actorLabel) : 'Unknown user'),
          },
          {
            header: 'What',
            cell: (e) => (
              <>
                {actionLabel(e.action)}
                <span className="block font-mono text-xs text-slate-600">{e.action}</span>
              </>
            ),
          },
          {
            header: 'Records',
            className: 'font-mono text-xs',
            cell: (e) =>
              Object.entries({ ...e.targetIds, ...e.resultIds })
                .map(([k, v]) => `${k}: ${v}`)
                .join(', '),
          },
        ]}
      />
    </div>
  );
}
