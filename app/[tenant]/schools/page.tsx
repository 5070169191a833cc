import type { Metadata } from 'next';
import Link from 'next/link';
import { guard, loadWorkspace } from '../../_lib/server-api';

export const metadata: Metadata = { title: 'Schools' };

/** GIAS's own words for each status (an import brings all four). */
const statusLabels = {
  open: 'Open',
  closed: 'Closed',
  proposed_to_close: 'Open, but proposed to close',
  proposed_to_open: 'Proposed to open',
} as const;

export default async function SchoolsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const { tenant } = await params;
  const { q } = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  const schools = await guard(api.schools.list({ search: q || undefined }));
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold">Schools</h1>
        {workspace.roles.includes('tenant_admin') && (
          <Link href={`/${tenant}/schools/import`} className="font-semibold text-brand-dark underline">
            Import schools from GIAS
          </Link>
        )}
      </div>
      <form className="mt-4 flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="q" className="block font-semibold">
            Search by name, town, postcode or URN
          </label>
          <input
            id="q"
            name="q"
            defaultValue={q}
            className="mt-1 w-72 rounded border-2 border-slate-600 px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Search
        </button>
      </form>
      <p className="mt-4 text-slate-700" aria-live="polite">
        {schools.length} school{schools.length === 1 ? '' : 's'}
      </p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Schools in this workspace</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="p-2">
                Name
              </th>
              <th scope="col" className="p-2">
                URN
              </th>
              <th scope="col" className="p-2">
                Type
              </th>
              <th scope="col" className="p-2">
                Phase
              </th>
              <th scope="col" className="p-2 text-right">
                Pupils
              </th>
              <th scope="col" className="p-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {schools.map((s) => (
              <tr key={s.id} className="border-b border-slate-200">
                <td className="p-2">
                  <Link href={`/${tenant}/schools/${s.id}`} className="text-brand-dark underline">
                    {s.name}
                  </Link>
                </td>
                <td className="p-2">{s.urn}</td>
                <td className="p-2">{s.type}</td>
                <td className="p-2">{s.phase}</td>
                <td className="p-2 text-right">{s.numberOfPupils?.toLocaleString('en-GB') ?? '–'}</td>
                <td className="p-2">{statusLabels[s.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
