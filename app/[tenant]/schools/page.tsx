import type { Metadata } from 'next';
import {
  schoolsListFilter,
  schoolsShownCount,
  schoolsShownFrom,
  schoolsShownLabels,
  schoolsShownQuery,
} from '~/server/schools/schools-shown';
import { optionsOf } from '~/app/_components/options';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { FilterForm, FilterInput, FilterSelect } from '~/app/_components/filter-form';

import { schoolStatusLabels } from '~/server/schools/school-status';

export const metadata: Metadata = { title: 'Schools' };

export default async function SchoolsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ q?: string; show?: string }>;
}) {
  const { tenant } = await params;
  const { q, show } = await searchParams;
  const shown = schoolsShownFrom(show);
  const { api, workspace } = await loadWorkspace(tenant);
  const schools = await guard(api.schools.list({ search: q || undefined, ...schoolsListFilter(shown) }));
  // Anything but the plain first view: the list may be empty only because of the choice.
  const filtered = Boolean(q) || shown !== 'open';
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
      {/* Keyed by what is shown, so "Clear" (a client-side navigation) resets the fields too. */}
      <FilterForm
        key={`${q ?? ''}|${shown}`}
        search
        submit="Search"
        clearHref={filtered ? `/${tenant}/schools` : undefined}
        clearText="Clear search and show open schools"
      >
        <FilterInput name="q" label="Search by name, town, postcode or URN" defaultValue={q} width="w-72" />
        <FilterSelect name="show" label="Show" defaultValue={shown} options={optionsOf(schoolsShownLabels)} />
      </FilterForm>
      <p className="mt-4 text-slate-700" aria-live="polite">
        {schoolsShownCount(schools.length, shown)}
        {q ? ' matching the search' : ''}
        {shown === 'open' &&
          ' (closed schools are left out: choose “Closed schools” or “All schools” to see them)'}
      </p>
      <DataTable
        className="mt-2"
        caption={`${schoolsShownLabels[shown]} in this workspace`}
        hideCaption
        rows={schools}
        empty={
          q ? (
            'No school matches that search.'
          ) : shown === 'closed' ? (
            'No closed schools.'
          ) : workspace.roles.includes('tenant_admin') ? (
            <>
              No schools yet.{' '}
              <Link href={`/${tenant}/schools/import`} className="text-brand-dark underline">
                Import them from GIAS
              </Link>{' '}
              (the Get Information about Schools download) to start.
            </>
          ) : (
            'No schools yet: the workspace’s manager imports them.'
          )
        }
        rowKey={(s) => s.id}
        columns={[
          {
            header: 'Name',
            cell: (s) => (
              <Link
                href={`/${tenant}/schools/${s.id}${schoolsShownQuery(shown)}`}
                className="text-brand-dark underline"
              >
                {s.name}
              </Link>
            ),
          },
          { header: 'URN', cell: (s) => s.urn },
          { header: 'Type', cell: (s) => s.type },
          { header: 'Phase', cell: (s) => s.phase },
          { header: 'Pupils', align: 'right', cell: (s) => s.numberOfPupils?.toLocaleString('en-GB') ?? '–' },
          { header: 'Status', cell: (s) => schoolStatusLabels[s.status] },
        ]}
      />
    </div>
  );
}
