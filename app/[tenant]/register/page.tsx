import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { describeInspection, inspectionHeadline } from '~/server/monitoring/ofsted-results';
import { DataTable } from '~/app/_components/data-table';
import { FilterForm, FilterInput, FilterSelect } from '~/app/_components/filter-form';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { filtersOf, type RegisterParams as Params } from './filters';
import { AddToRegisterForm } from './add-school-form';
import { CategorisationLettersForm } from './categorisation-letters-form';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';

export const metadata: Metadata = { title: 'School register' };

/** One formatter for the page, not one per school. */
const wholeNumber = new Intl.NumberFormat('en-GB');

export default async function RegisterPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Params>;
}) {
  const { tenant } = await params;
  const raw = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  const canWrite = workspace.roles.some((r) => r === 'tenant_admin' || r === 'la_officer');
  const filters = filtersOf(raw);
  const left = filters.register === 'left';
  const register = await guard(api.register.list(filters));
  const { phases, advisers, offRegister } = register;
  const query = new URLSearchParams(
    Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  ).toString();
  return (
    <div>
      <h1 className="text-3xl font-bold">School register</h1>
      <p className="mt-2 text-slate-700">
        {left
          ? 'Schools that have left the register (closed, or removed by an officer), with their history.'
          : `Every school the LA monitors: its LA category, latest Ofsted result and ${register.linkAdviserTitle}.`}
      </p>
      <p className="mt-2">
        <Link
          href={left ? `/${tenant}/register` : `/${tenant}/register?register=left`}
          className="font-semibold text-brand-dark underline"
        >
          {left ? 'Back to the active register' : 'Schools that have left the register'}
        </Link>
      </p>
      <FilterForm
        search
        label="Filter the register"
        submit="Apply filters"
        clearHref={`/${tenant}/register`}
        className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
      >
        <FilterSelect
          name="category"
          label="LA category"
          defaultValue={filters.category ?? ''}
          placeholder="Any"
          options={register.categories.map((c) => ({ value: c.key, label: c.label }))}
        />
        <FilterSelect
          name="concern"
          label="Causing concern"
          defaultValue={filters.causingConcern ?? ''}
          placeholder="Either"
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
        />
        <FilterSelect
          name="phase"
          label="Phase"
          defaultValue={filters.phase ?? ''}
          placeholder="Any"
          options={phases.map((p) => ({ value: p, label: p }))}
        />
        <FilterSelect
          name="governance"
          label="Maintained or academy"
          defaultValue={filters.governance ?? ''}
          placeholder="Either"
          options={[
            { value: 'maintained', label: 'Maintained' },
            { value: 'academy', label: 'Academy or free school' },
          ]}
        />
        <FilterSelect
          name="adviser"
          label={register.linkAdviserTitle}
          defaultValue={filters.linkAdviserUserId ?? ''}
          placeholder="Anyone"
          options={advisers.map((a) => ({ value: a.userId, label: a.name }))}
        />
        <FilterSelect
          name="sort"
          label="Sort by"
          defaultValue={filters.sort}
          options={[
            { value: 'name', label: 'Name' },
            { value: 'category', label: 'LA category' },
            { value: 'inspected', label: 'Last inspection (newest first)' },
            { value: 'pupils', label: 'Pupils (most first)' },
          ]}
        />
        <FilterInput
          name="q"
          label="Search by name or URN"
          defaultValue={filters.search}
          width="w-full"
          className="sm:col-span-2"
        />
        {left && <input type="hidden" name="register" value="left" />}
      </FilterForm>
      <div className="mt-4 flex flex-wrap items-baseline justify-between gap-3">
        <p className="text-slate-700" aria-live="polite">
          {register.rows.length} school{register.rows.length === 1 ? '' : 's'}
        </p>
        <a
          href={`/${tenant}/register/export${query ? `?${query}` : ''}`}
          className="font-semibold text-brand-dark underline"
        >
          Download these schools as CSV
        </a>
      </div>
      <DataTable
        className="mt-2"
        caption="Schools on the register"
        hideCaption
        rows={register.rows}
        rowKey={(r) => r.schoolId}
        rowClassName={() => 'align-top'}
        rowTestId="register-row"
        empty="No schools match these filters."
        columns={[
          {
            header: 'School',
            cell: (r) => (
              <>
                <Link
                  href={`/${tenant}/register/${r.schoolId}`}
                  className="font-semibold text-brand-dark underline"
                >
                  {r.name}
                </Link>
                <span className="block text-slate-700">URN {r.urn}</span>
              </>
            ),
          },
          {
            header: 'Type and phase',
            cell: (r) => (
              <>
                {r.type}
                <span className="block text-slate-700">
                  {r.governance === 'academy' ? 'Academy' : 'Maintained'} · {r.phase}
                  {r.hasSixthForm ? ' · sixth form' : ''}
                </span>
              </>
            ),
          },
          {
            header: 'Pupils',
            align: 'right',
            cell: (r) => (r.pupils === null ? '—' : wholeNumber.format(r.pupils)),
          },
          {
            header: 'LA category',
            cell: (r) => (
              <>
                {r.laCategoryLabel}
                {r.causingConcern && (
                  <span className="block font-semibold text-red-800">Causing concern</span>
                )}
              </>
            ),
          },
          {
            header: 'Latest Ofsted',
            cell: (r) => (
              <>
                {r.latestInspection ? inspectionHeadline(r.latestInspection) : 'Not inspected'}
                {r.latestInspection && r.latestInspection.framework !== 'legacy_overall' && (
                  <ul className="mt-1 text-xs text-slate-700">
                    {describeInspection(r.latestInspection).map((line) => (
                      <li key={line.label}>
                        {line.label}: {line.value}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            ),
          },
          {
            header: register.linkAdviserTitle,
            cell: (r) => (
              <>
                {r.linkAdviserName ?? 'None'}
                {r.secondAdviserName && (
                  <span className="block text-slate-700">with {r.secondAdviserName}</span>
                )}
              </>
            ),
          },
        ]}
      />
      {canWrite && !left && (
        <CategorisationLettersForm yearLabel={academicYearLabel(academicYearOf(todayInLondon()))} />
      )}
      {canWrite && !left && (
        <AddToRegisterForm
          schools={offRegister.map((s) => ({ id: s.id, label: `${s.name} (URN ${s.urn}, ${s.laName})` }))}
        />
      )}
    </div>
  );
}
