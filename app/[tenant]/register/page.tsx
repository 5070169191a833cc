import type { Metadata } from 'next';
import Link from 'next/link';
import { describeInspection, inspectionHeadline } from '~/server/monitoring/ofsted-results';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { filtersOf, type RegisterParams as Params } from './filters';
import { AddToRegisterForm } from './add-school-form';
import { CategorisationLettersForm } from './categorisation-letters-form';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';

export const metadata: Metadata = { title: 'School register' };

/** One formatter for the page, not one per school. */
const wholeNumber = new Intl.NumberFormat('en-GB');

const selectClass = 'mt-1 block rounded border-2 border-slate-600 bg-white px-3 py-2';

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
  const [register, advisers, offRegister] = await Promise.all([
    guard(api.register.list(filters)),
    guard(api.register.advisers()),
    canWrite ? guard(api.register.offRegister()) : [],
  ]);
  const { phases } = register;
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
      <form
        className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
        role="search"
        aria-label="Filter the register"
      >
        <div>
          <label htmlFor="category" className="block font-semibold">
            LA category
          </label>
          <select id="category" name="category" defaultValue={filters.category ?? ''} className={selectClass}>
            <option value="">Any</option>
            {register.categories.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="concern" className="block font-semibold">
            Causing concern
          </label>
          <select
            id="concern"
            name="concern"
            defaultValue={filters.causingConcern ?? ''}
            className={selectClass}
          >
            <option value="">Either</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </div>
        <div>
          <label htmlFor="phase" className="block font-semibold">
            Phase
          </label>
          <select id="phase" name="phase" defaultValue={filters.phase ?? ''} className={selectClass}>
            <option value="">Any</option>
            {phases.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="governance" className="block font-semibold">
            Maintained or academy
          </label>
          <select
            id="governance"
            name="governance"
            defaultValue={filters.governance ?? ''}
            className={selectClass}
          >
            <option value="">Either</option>
            <option value="maintained">Maintained</option>
            <option value="academy">Academy or free school</option>
          </select>
        </div>
        <div>
          <label htmlFor="adviser" className="block font-semibold">
            {register.linkAdviserTitle}
          </label>
          <select
            id="adviser"
            name="adviser"
            defaultValue={filters.linkAdviserUserId ?? ''}
            className={selectClass}
          >
            <option value="">Anyone</option>
            {advisers.map((a) => (
              <option key={a.userId} value={a.userId}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="block font-semibold">
            Sort by
          </label>
          <select id="sort" name="sort" defaultValue={filters.sort} className={selectClass}>
            <option value="name">Name</option>
            <option value="category">LA category</option>
            <option value="inspected">Last inspection (newest first)</option>
            <option value="pupils">Pupils (most first)</option>
          </select>
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="q" className="block font-semibold">
            Search by name or URN
          </label>
          <input
            id="q"
            name="q"
            defaultValue={filters.search}
            className="mt-1 w-full rounded border-2 border-slate-600 px-3 py-2"
          />
        </div>
        {left && <input type="hidden" name="register" value="left" />}
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
            Apply filters
          </button>
          <Link href={`/${tenant}/register`} className="font-semibold text-brand-dark underline">
            Clear
          </Link>
        </div>
      </form>
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
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Schools on the register</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="p-2">
                School
              </th>
              <th scope="col" className="p-2">
                Type and phase
              </th>
              <th scope="col" className="p-2 text-right">
                Pupils
              </th>
              <th scope="col" className="p-2">
                LA category
              </th>
              <th scope="col" className="p-2">
                Latest Ofsted
              </th>
              <th scope="col" className="p-2">
                {register.linkAdviserTitle}
              </th>
            </tr>
          </thead>
          <tbody>
            {register.rows.length === 0 && (
              <tr>
                <td className="p-2" colSpan={6}>
                  No schools match these filters.
                </td>
              </tr>
            )}
            {register.rows.map((r) => (
              <tr key={r.schoolId} className="border-b border-slate-200 align-top" data-testid="register-row">
                <td className="p-2">
                  <Link
                    href={`/${tenant}/register/${r.schoolId}`}
                    className="font-semibold text-brand-dark underline"
                  >
                    {r.name}
                  </Link>
                  <span className="block text-slate-700">URN {r.urn}</span>
                </td>
                <td className="p-2">
                  {r.type}
                  <span className="block text-slate-700">
                    {r.governance === 'academy' ? 'Academy' : 'Maintained'} · {r.phase}
                    {r.hasSixthForm ? ' · sixth form' : ''}
                  </span>
                </td>
                <td className="p-2 text-right">{r.pupils === null ? '—' : wholeNumber.format(r.pupils)}</td>
                <td className="p-2">
                  {r.laCategoryLabel}
                  {r.causingConcern && (
                    <span className="block font-semibold text-red-800">Causing concern</span>
                  )}
                </td>
                <td className="p-2">
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
                </td>
                <td className="p-2">
                  {r.linkAdviserName ?? 'None'}
                  {r.secondAdviserName && (
                    <span className="block text-slate-700">with {r.secondAdviserName}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
