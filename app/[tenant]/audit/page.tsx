import type { Metadata } from 'next';
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
      {entries.length === 0 ? (
        <p className="mt-4">No changes yet.</p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Changes made in this workspace</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="p-2">
                  When
                </th>
                <th scope="col" className="p-2">
                  Who
                </th>
                <th scope="col" className="p-2">
                  What
                </th>
                <th scope="col" className="p-2">
                  Records
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className="border-b border-slate-200">
                  <td className="p-2">
                    {e.createdAt.toLocaleString('en-GB', { timeZone: 'Europe/London' })}
                  </td>
                  <td className="p-2">{e.actorName ?? (e.actorLabel ? jobActorName(e.actorLabel) : 'Unknown user')}</td>
                  <td className="p-2 font-mono">{e.action}</td>
                  <td className="p-2 font-mono text-xs">
                    {Object.entries({ ...e.targetIds, ...e.resultIds })
                      .map(([k, v]) => `${k}: ${v}`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
