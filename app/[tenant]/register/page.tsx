import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { FilterForm, FilterInput, FilterSelect } from '~/app/_components/filter-form';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { filtersOf, type RegisterParams as Params } from './filters';
import { AddToRegisterForm } from './add-school-form';
import { RegisterTable } from './register-table';
import { registerTableRow } from './register-rows';
import { CategorisationLettersForm } from './categorisation-letters-form';
import { notCategorisedFilter } from '~/server/monitoring/list-register';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';

export const metadata: Metadata = { title: 'School register' };

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
          options={[
            ...register.categories.map((c) => ({ value: c.key, label: c.label })),
            { value: notCategorisedFilter, label: 'Not categorised yet' },
          ]}
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
      <RegisterTable
        tenant={tenant}
        rows={register.rows.map(registerTableRow)}
        linkAdviserTitle={register.linkAdviserTitle}
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
