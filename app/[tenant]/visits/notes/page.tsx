import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { statusLabel, statusOptions } from '~/server/notes-of-visit/labels';
import { isNoteStatus } from '~/server/notes-of-visit/workflow';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { DataTable } from '~/app/_components/data-table';
import { FilterForm, FilterSelect } from '~/app/_components/filter-form';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Notes of visit' };

export default async function NotesOfVisitPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ school?: string; status?: string; show?: string }>;
}) {
  const { tenant } = await params;
  const query = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  const roles = workspace.roles;
  const writer = roles.some((r) => r === 'tenant_admin' || r === 'la_officer' || r === 'adviser');
  const officer = roles.some((r) => r === 'tenant_admin' || r === 'la_officer');
  // Governors read a note once it is shared with the board; agreeing it is the headteacher's.
  const governorOnly = roles.every((r) => r === 'governor');
  const adviserOnly = roles.includes('adviser') && !officer;
  // Advisers see their own notes first; they can widen to every note they may see.
  const show = query.show === 'all' || !adviserOnly ? 'all' : 'mine';
  const schoolId = query.school && /^[0-9a-f-]{36}$/.test(query.school) ? query.school : undefined;
  const status = isNoteStatus(query.status) ? query.status : undefined;
  const [notes, options] = await Promise.all([
    guard(api.notesOfVisit.list({ schoolId, status, mine: show === 'mine' })),
    writer ? api.notesOfVisit.formOptions({}) : null,
  ]);
  return (
    <div>
      <h1 className="text-3xl font-bold">Notes of visit</h1>
      <p className="mt-2 text-slate-700">
        {writer
          ? 'Notes of visit are agreed with the headteacher, then shared with the chair of governors. Agreed notes cannot be changed.'
          : governorOnly
            ? 'Notes of the LA’s visits to your school, shared with the governing body once the headteacher has agreed them.'
            : 'Notes of the LA’s visits to your school. Read each note, then agree it or comment.'}
      </p>
      {writer && (
        <p className="mt-4">
          <Link
            href={`/${tenant}/visits/notes/new`}
            className="inline-block rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark"
          >
            Write a note of visit
          </Link>
        </p>
      )}

      <FilterForm
        submit="Filter"
        className="mt-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        {options && (
          <FilterSelect
            name="school"
            id="filter-school"
            label="School"
            defaultValue={schoolId ?? ''}
            placeholder="All schools"
            options={options.schools.map((s) => ({ value: s.id, label: s.name }))}
          />
        )}
        <FilterSelect
          name="status"
          id="filter-status"
          label="Status"
          defaultValue={status ?? ''}
          placeholder="Any status"
          options={statusOptions.filter((o) => writer || o.value !== 'draft')}
        />
        {adviserOnly && (
          <FilterSelect
            name="show"
            id="filter-show"
            label="Show"
            defaultValue={show}
            options={[
              { value: 'mine', label: 'Notes I wrote' },
              { value: 'all', label: 'Also notes of schools I advise' },
            ]}
          />
        )}
      </FilterForm>

      <section aria-labelledby="notes-heading" className="mt-6">
        <h2 id="notes-heading" className="text-2xl font-semibold">
          {notes.length === 1 ? '1 note' : `${notes.length} notes`}
        </h2>
        <DataTable
          className="mt-3"
          caption="Notes of visit"
          hideCaption
          rows={notes}
          rowKey={(n) => n.id}
          rowTestId="note-row"
          empty="No notes of visit match."
          emptyClassName="mt-2"
          columns={[
            {
              header: 'Date of visit',
              cell: (n) => (
                <Link href={`/${tenant}/visits/notes/${n.id}`} className="text-brand-dark underline">
                  {longDate(n.visitedOn)}
                  <span className="sr-only">, {n.schoolName}</span>
                </Link>
              ),
            },
            { header: 'School', cell: (n) => `${n.schoolName} (${n.urn})` },
            { header: 'Focus', cell: (n) => n.focus },
            { header: 'Adviser', cell: (n) => n.adviserName },
            {
              header: 'Status',
              cell: (n) =>
                `${statusLabel(n.status, n.typeGroup)}${n.version > 1 ? ` (version ${n.version})` : ''}`,
            },
          ]}
        />
      </section>
    </div>
  );
}
