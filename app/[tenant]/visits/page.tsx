import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { redirect } from 'next/navigation';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { DataTable } from '~/app/_components/data-table';
import { FilterForm, FilterSelect } from '~/app/_components/filter-form';
import { optionsOf } from '~/app/_components/options';
import { Pagination } from '~/app/_components/pagination';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { GeneratePlanButton, VisitActionsBar } from './visit-forms';
import { visitKindLabels, visitStatusLabels } from './labels';
import { ScheduleTable } from './schedule-table';
import { scheduleRow } from './schedule-rows';
import { shortDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Visits' };

type Search = { adviser?: string; status?: string; overdue?: string; page?: string; added?: string };

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
  const requestedPage = Number.parseInt(search.page ?? '1', 10);
  const planner = await guard(
    api.visits.planner({
      academicYear: year,
      adviserUserId: isOfficer ? adviserFilter : undefined,
      status,
      overdueOnly: search.overdue === 'yes',
      page: Number.isInteger(requestedPage) && requestedPage >= 1 ? Math.min(requestedPage, 10_000) : 1,
    }),
  );
  const { visits, overdue, underServed, advisers, overdueTotal, underServedTotal } = planner;
  const adviserOptions = advisers.map((a) => ({ userId: a.userId, name: a.name }));
  const mine = !isOfficer;
  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (adviserFilter) query.set('adviser', adviserFilter);
    if (status) query.set('status', status);
    if (search.overdue === 'yes') query.set('overdue', 'yes');
    query.set('page', String(page));
    return `/${tenant}/visits?${query.toString()}#schedule`;
  };
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
      {mine && overdueTotal > 0 && (
        <p
          className="mt-4 rounded border-l-4 border-red-700 bg-red-50 p-3 font-semibold"
          data-testid="overdue-count"
        >
          {overdueTotal} of your visits {overdueTotal === 1 ? 'is' : 'are'} overdue.
        </p>
      )}
      {search.added === '1' && (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3 font-semibold">
          Visit added to the schedule.
        </p>
      )}

      {isOfficer && (
        <>
          <GeneratePlanButton tenant={tenant} academicYear={year} label={label} />
          <p className="mt-3">
            <Link href={`/${tenant}/visits/additional`} className="font-semibold text-brand-dark underline">
              Add an additional visit
            </Link>
          </p>
          <section aria-labelledby="under-served" className="mt-8">
            <h2 id="under-served" className="text-2xl font-semibold">
              Under-served schools
            </h2>
            <p className="text-slate-700">
              Schools with fewer visits done than their plan expects by now
              {underServedTotal > underServed.length
                ? `: the ${underServed.length} furthest behind of ${underServedTotal}`
                : ''}
              .
            </p>
            <DataTable
              className="mt-3"
              caption="Under-served schools"
              hideCaption
              rows={underServed}
              rowKey={(s) => s.schoolId}
              empty="Every school is on track."
              emptyClassName="mt-2"
              columns={[
                {
                  header: 'School',
                  cell: (s) => (
                    <Link href={`/${tenant}/register/${s.schoolId}`} className="text-brand-dark underline">
                      {s.schoolName}
                    </Link>
                  ),
                },
                { header: 'Planned this year', align: 'right', cell: (s) => s.planned },
                { header: 'Expected by now', align: 'right', cell: (s) => s.expected },
                { header: 'Done', align: 'right', cell: (s) => s.done },
                { header: 'Overdue', align: 'right', cell: (s) => s.overdue },
              ]}
            />
          </section>
          <section aria-labelledby="overdue" className="mt-8">
            <h2 id="overdue" className="text-2xl font-semibold">
              Overdue visits
            </h2>
            {overdueTotal === 0 ? (
              <p className="mt-2">No visits are overdue.</p>
            ) : (
              <>
                <p className="mt-2 text-slate-700">
                  {overdueTotal > overdue.length ? (
                    <>
                      The first {overdue.length} of {overdueTotal} overdue visits.{' '}
                      <Link
                        href={`/${tenant}/visits?overdue=yes#schedule`}
                        className="text-brand-dark underline"
                      >
                        Show every overdue visit
                      </Link>
                    </>
                  ) : (
                    `${overdueTotal} overdue visit${overdueTotal === 1 ? '' : 's'}.`
                  )}
                </p>
                <ul className="mt-2 list-disc space-y-1 pl-6">
                  {overdue.map((v) => (
                    <li key={v.id}>
                      {v.schoolName}: {visitKindLabels[v.kind].toLowerCase()} visit due by{' '}
                      {shortDate(v.dueBy)} ({v.adviserName ?? 'no adviser'})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </>
      )}

      <section aria-labelledby="schedule" className="mt-8">
        <h2 id="schedule" className="text-2xl font-semibold">
          {mine ? 'Your schedule' : 'All visits'}
        </h2>
        <FilterForm
          label="Filter visits"
          submit="Show visits"
          className="mt-3 flex flex-wrap items-end gap-3"
        >
          {isOfficer && (
            <FilterSelect
              name="adviser"
              label="Adviser"
              defaultValue={adviserFilter ?? ''}
              placeholder="Everyone"
              options={advisers.map((a) => ({ value: a.userId, label: a.name }))}
            />
          )}
          <FilterSelect
            name="status"
            label="Status"
            defaultValue={status ?? ''}
            placeholder="Any"
            options={optionsOf(visitStatusLabels)}
          />
          <FilterSelect
            name="overdue"
            id="overdue-only"
            label="Overdue only"
            defaultValue={search.overdue === 'yes' ? 'yes' : ''}
            placeholder="No"
            options={[{ value: 'yes', label: 'Yes' }]}
          />
        </FilterForm>
        <p className="mt-3 text-slate-700" aria-live="polite">
          {planner.total} visit{planner.total === 1 ? '' : 's'}
          {planner.pages > 1
            ? `: ${(planner.page - 1) * planner.pageSize + 1} to ${(planner.page - 1) * planner.pageSize + visits.length} shown`
            : ''}
        </p>
        {visits.some((v) => v.status === 'planned') && (
          <VisitActionsBar today={today} canManage={isOfficer} advisers={adviserOptions} />
        )}
        <ScheduleTable
          tenant={tenant}
          visits={visits.map(scheduleRow)}
          mine={mine}
          empty={
            adviserFilter || status || search.overdue === 'yes'
              ? 'No visits match these filters.'
              : mine
                ? 'No visits are planned for you this year.'
                : 'No visits are planned for this year yet.'
          }
        />
        <Pagination label="Pages of visits" page={planner.page} pages={planner.pages} href={pageHref} />
      </section>
    </div>
  );
}
