import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { statutorySettingsOf } from '~/server/monitoring/statutory-settings';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { AdditionalVisitForm, GeneratePlanButton, VisitActions } from './visit-forms';

export const metadata: Metadata = { title: 'Visits' };

const visitKinds = {
  school_effectiveness: 'School effectiveness',
  keeping_in_touch: 'Keeping in touch',
  concern_monitoring: 'Concern monitoring',
  additional: 'Additional',
} as const;
const statusLabels = { planned: 'Planned', done: 'Done', cancelled: 'Cancelled' } as const;
// One formatter for the page (toLocaleDateString would build a new one for each of ~1,500 dates at LA scale).
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const date = (iso: string | null) => (iso ? shortDate.format(new Date(`${iso}T12:00:00Z`)) : '—');

type Search = { adviser?: string; status?: string; overdue?: string };

export default async function VisitsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Search>;
}) {
  const { tenant } = await params;
  const search = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  const isOfficer = workspace.roles.some((r) => r === 'tenant_admin' || r === 'la_officer');
  const isAdviser = workspace.roles.includes('adviser');
  // Headteachers and governors see only their notes of visit.
  if (!isOfficer && !isAdviser) redirect(`/${tenant}/visits/notes`);

  const today = todayInLondon();
  const year = academicYearOf(today);
  const status = (['planned', 'done', 'cancelled'] as const).find((s) => s === search.status);
  const adviserFilter =
    search.adviser && /^[0-9a-f-]{36}$/i.test(search.adviser) ? search.adviser : undefined;
  // Without an adviser or status filter the schedule already holds every overdue visit: no second query.
  const overdueInSchedule = isOfficer && !adviserFilter && !status;
  const [visits, advisers, underServed, overdueLoaded, register] = await Promise.all([
    guard(
      api.visits.schedule({
        academicYear: year,
        adviserUserId: isOfficer ? adviserFilter : undefined,
        status,
        overdueOnly: search.overdue === 'yes',
      }),
    ),
    guard(api.register.advisers()),
    isOfficer ? guard(api.visits.underServed({ academicYear: year })) : [],
    isOfficer && !overdueInSchedule
      ? guard(api.visits.schedule({ academicYear: year, overdueOnly: true }))
      : [],
    isOfficer ? guard(api.register.list({ sort: 'name' })) : null,
  ]);
  const overdue = overdueInSchedule ? visits.filter((v) => v.overdue) : overdueLoaded;
  // One list for every row's actions: the same object is sent to the browser once, not once per visit.
  const adviserOptions = advisers.map((a) => ({ userId: a.userId, name: a.name }));
  const settings = statutorySettingsOf(workspace.tenant.settings);
  const mine = !isOfficer;
  const overdueMine = visits.filter((v) => v.overdue);
  const label = academicYearLabel(year);
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold">Visits {label}</h1>
        <Link href={`/${tenant}/visits/notes`} className="font-semibold text-brand-dark underline">
          Notes of visit
        </Link>
      </div>
      <p className="mt-2 text-slate-700">
        {mine
          ? 'Your schedule: the visits planned for your schools this year. Overdue visits are past their due date and not yet done.'
          : 'The year’s visits to every school, planned from each school’s LA category, and who is behind.'}
      </p>
      {mine && overdueMine.length > 0 && (
        <p
          className="mt-4 rounded border-l-4 border-red-700 bg-red-50 p-3 font-semibold"
          data-testid="overdue-count"
        >
          {overdueMine.length} of your visits {overdueMine.length === 1 ? 'is' : 'are'} overdue.
        </p>
      )}

      {isOfficer && (
        <>
          <GeneratePlanButton academicYear={year} label={label} />
          <section aria-labelledby="under-served" className="mt-8">
            <h2 id="under-served" className="text-2xl font-semibold">
              Under-served schools
            </h2>
            <p className="text-slate-700">Schools with fewer visits done than their plan expects by now.</p>
            {underServed.length === 0 ? (
              <p className="mt-2">Every school is on track.</p>
            ) : (
              <table className="mt-3 w-full border-collapse bg-white text-left text-sm">
                <caption className="sr-only">Under-served schools</caption>
                <thead>
                  <tr className="border-b-2 border-slate-300">
                    <th scope="col" className="p-2">
                      School
                    </th>
                    <th scope="col" className="p-2 text-right">
                      Planned this year
                    </th>
                    <th scope="col" className="p-2 text-right">
                      Expected by now
                    </th>
                    <th scope="col" className="p-2 text-right">
                      Done
                    </th>
                    <th scope="col" className="p-2 text-right">
                      Overdue
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {underServed.map((s) => (
                    <tr key={s.schoolId} className="border-b border-slate-200">
                      <td className="p-2">
                        <Link
                          href={`/${tenant}/register/${s.schoolId}`}
                          className="text-brand-dark underline"
                        >
                          {s.schoolName}
                        </Link>
                      </td>
                      <td className="p-2 text-right">{s.planned}</td>
                      <td className="p-2 text-right">{s.expected}</td>
                      <td className="p-2 text-right">{s.done}</td>
                      <td className="p-2 text-right">{s.overdue}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="overdue" className="mt-8">
            <h2 id="overdue" className="text-2xl font-semibold">
              Overdue visits
            </h2>
            {overdue.length === 0 ? (
              <p className="mt-2">No visits are overdue.</p>
            ) : (
              <ul className="mt-2 list-disc space-y-1 pl-6">
                {overdue.map((v) => (
                  <li key={v.id}>
                    {v.schoolName}: {visitKinds[v.kind].toLowerCase()} visit due by {date(v.dueBy)} (
                    {v.adviserName ?? 'no adviser'})
                  </li>
                ))}
              </ul>
            )}
          </section>
          {register && (
            <AdditionalVisitForm
              schools={register.rows.map((r) => ({
                schoolId: r.schoolId,
                name: r.name,
                linkAdviserUserId: r.linkAdviserUserId,
              }))}
              reasons={settings.additionalVisitReasons}
              advisers={adviserOptions}
            />
          )}
        </>
      )}

      <section aria-labelledby="schedule" className="mt-8">
        <h2 id="schedule" className="text-2xl font-semibold">
          {mine ? 'Your schedule' : 'All visits'}
        </h2>
        <form className="mt-3 flex flex-wrap items-end gap-3" aria-label="Filter visits">
          {isOfficer && (
            <div>
              <label htmlFor="adviser" className="block font-semibold">
                Adviser
              </label>
              <select
                id="adviser"
                name="adviser"
                defaultValue={adviserFilter ?? ''}
                className="mt-1 rounded border-2 border-slate-600 bg-white px-3 py-2"
              >
                <option value="">Everyone</option>
                {advisers.map((a) => (
                  <option key={a.userId} value={a.userId}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label htmlFor="status" className="block font-semibold">
              Status
            </label>
            <select
              id="status"
              name="status"
              defaultValue={status ?? ''}
              className="mt-1 rounded border-2 border-slate-600 bg-white px-3 py-2"
            >
              <option value="">Any</option>
              <option value="planned">Planned</option>
              <option value="done">Done</option>
              <option value="cancelled">Cancelled</option>
            </select>
          </div>
          <div>
            <label htmlFor="overdue-only" className="block font-semibold">
              Overdue only
            </label>
            <select
              id="overdue-only"
              name="overdue"
              defaultValue={search.overdue === 'yes' ? 'yes' : ''}
              className="mt-1 rounded border-2 border-slate-600 bg-white px-3 py-2"
            >
              <option value="">No</option>
              <option value="yes">Yes</option>
            </select>
          </div>
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
            Show visits
          </button>
        </form>
        <p className="mt-3 text-slate-700" aria-live="polite">
          {visits.length} visit{visits.length === 1 ? '' : 's'}
        </p>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{mine ? 'Your visits' : 'Visits'}</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="p-2">
                  Due by
                </th>
                <th scope="col" className="p-2">
                  School
                </th>
                <th scope="col" className="p-2">
                  Visit
                </th>
                {!mine && (
                  <th scope="col" className="p-2">
                    Adviser
                  </th>
                )}
                <th scope="col" className="p-2">
                  Status
                </th>
                <th scope="col" className="p-2">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={v.id} className="border-b border-slate-200 align-top" data-testid="planned-visit">
                  <td className="p-2 whitespace-nowrap">{date(v.dueBy)}</td>
                  <td className="p-2">{v.schoolName}</td>
                  <td className="p-2">
                    {visitKinds[v.kind]}
                    {v.kind !== 'additional' ? ` (${v.sequence})` : ''}
                    {v.reason && <span className="block text-slate-700">{v.reason}</span>}
                  </td>
                  {!mine && <td className="p-2">{v.adviserName ?? 'None'}</td>}
                  <td className="p-2">
                    {v.overdue ? <strong className="text-red-800">Overdue</strong> : statusLabels[v.status]}
                    {v.completedOn && <span className="block text-slate-700">{date(v.completedOn)}</span>}
                  </td>
                  <td className="p-2">
                    <div className="flex flex-col items-start gap-2">
                      <Link
                        href={`/${tenant}/visits/notes/new?visit=${v.id}`}
                        className="inline-block min-h-6 py-1 text-brand-dark underline"
                      >
                        Write note of visit
                        <span className="sr-only">
                          {' '}
                          for {v.schoolName}, due {date(v.dueBy)}
                        </span>
                      </Link>
                      {v.status === 'planned' && (
                        <VisitActions
                          visitId={v.id}
                          today={today}
                          canManage={isOfficer}
                          adviserUserId={v.adviserUserId}
                          advisers={adviserOptions}
                        />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
