import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { FilterForm, FilterInput, FilterSelect } from '~/app/_components/filter-form';
import { countOf } from '~/server/format/plural';
import { shortDate } from '~/server/format/dates';
import { statutoryStatusLabels, type GovernanceReportKind } from '~/server/governance/governance-reports';
import { categoryLabels, roleOnBoard } from '~/server/governance/labels';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { reportFiltersOf, reportQueryOf, type GovernanceReportParams } from './filters';

export const metadata: Metadata = { title: 'Governance reports' };

const linkClass = 'text-brand-dark underline';

export default async function GovernanceReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<GovernanceReportParams>;
}) {
  const { tenant } = await params;
  const filters = reportFiltersOf(await searchParams);
  const { api } = await loadWorkspace(tenant);
  const r = await guard(api.governance.reports(filters));
  const filtered = Object.values(filters).some(Boolean);
  const csv = (report: GovernanceReportKind, what: string) => {
    const query = reportQueryOf(filters);
    query.set('report', report);
    return (
      <a className={linkClass} href={`/${tenant}/governance/reports/export?${query.toString()}`}>
        Download {what} (CSV)
      </a>
    );
  };
  // How many rows each table shows, said beside it (and that a filter narrows it).
  const shown = (n: number, one: string, many?: string) => (
    <>
      <span data-testid="report-count">{`${countOf(n, one, many)} shown${filtered ? ' (filtered)' : ''}.`}</span>{' '}
    </>
  );
  const board = (g: { schoolId: string; schoolName: string }) => (
    <Link className={linkClass} href={`/${tenant}/governance/${g.schoolId}`}>
      {g.schoolName}
    </Link>
  );
  return (
    <div className="space-y-10">
      <div>
        <p>
          <Link className={linkClass} href={`/${tenant}/governance`}>
            Governance
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">Governance reports</h1>
        <p className="mt-2 text-slate-700">
          Every board on the register, as at {shortDate(r.today)}. Maintained schools’ places follow the 2012
          constitution rules; academies’ follow the trust’s categories (no LA governor).
        </p>
        <FilterForm
          label="Filter the reports"
          submit="Apply filters"
          clearHref={`/${tenant}/governance/reports`}
          clearText="Clear filters"
          className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
        >
          <FilterInput
            name="q"
            label="Search by school name or URN"
            defaultValue={filters.search ?? ''}
            width="w-full"
            className="sm:col-span-2"
          />
          <FilterSelect
            name="school"
            label="School"
            defaultValue={filters.schoolId ?? ''}
            placeholder="Every school"
            options={r.choices.schools.map((s) => ({ value: s.id, label: s.name }))}
          />
          <FilterSelect
            name="phase"
            label="Phase"
            defaultValue={filters.phase ?? ''}
            placeholder="Any"
            options={r.choices.phases.map((p) => ({ value: p, label: p }))}
          />
          <FilterSelect
            name="kind"
            label="Maintained or academy"
            defaultValue={filters.kind ?? ''}
            placeholder="Either"
            options={[
              { value: 'maintained', label: 'Maintained schools' },
              { value: 'academy', label: 'Academies and other schools not maintained' },
            ]}
          />
        </FilterForm>
      </div>

      <section aria-labelledby="vacancies">
        <h2 id="vacancies" className="text-2xl font-semibold">
          Vacancies by school
        </h2>
        <p className="mt-1">
          {shown(r.vacancies.length, 'board')}
          {countOf(r.vacantTotal, 'vacancy', 'vacancies')} in all. {csv('vacancies', 'vacancies')}
        </p>
        <DataTable
          className="mt-3"
          caption="Vacancies by school"
          hideCaption
          rows={r.vacancies}
          rowKey={(v) => v.schoolId}
          rowTestId="report-vacancy-row"
          columns={[
            { header: 'School', rowHeader: true, cell: board },
            { header: 'Governors', align: 'right', cell: (v) => v.governors },
            { header: 'Vacancies', align: 'right', cell: (v) => v.vacant },
            {
              header: 'Vacant places',
              cell: (v) =>
                v.vacancies.map((c) => `${categoryLabels[c.category]}: ${c.vacant}`).join('; ') || '—',
            },
          ]}
          empty={filtered ? 'No board matches these filters.' : 'No board is on the register yet.'}
        />
      </section>

      <section aria-labelledby="terms">
        <h2 id="terms" className="text-2xl font-semibold">
          Terms of office ending by {shortDate(r.termsUntil)}
        </h2>
        <p className="mt-1">
          {shown(r.termsEnding.length, 'governor')}
          {csv('terms', 'terms ending')}
        </p>
        <DataTable
          className="mt-3"
          caption={`Terms of office ending in the next 3 months, to ${shortDate(r.termsUntil)}`}
          hideCaption
          rows={r.termsEnding}
          rowKey={(g) => g.governorId}
          rowTestId="report-term-row"
          columns={[
            { header: 'Name', rowHeader: true, cell: (g) => g.name },
            { header: 'School', cell: board },
            { header: 'Role', cell: (g) => roleOnBoard(g) },
            { header: 'Term ends', cell: (g) => shortDate(g.termEndsOn) },
          ]}
          empty="No term of office ends in the next 3 months."
        />
      </section>

      <section aria-labelledby="untrained">
        <h2 id="untrained" className="text-2xl font-semibold">
          Governors with no training in {r.academicYear}
        </h2>
        <p className="mt-1">
          No course place booked or attended this academic year, and no training elsewhere recorded in it.{' '}
          {shown(r.untrained.length, 'governor')}
          {csv('untrained', 'governors with no training')}
        </p>
        <DataTable
          className="mt-3"
          caption={`Governors with no training booked or attended in ${r.academicYear}`}
          hideCaption
          rows={r.untrained}
          rowKey={(g) => g.governorId}
          rowTestId="report-untrained-row"
          columns={[
            { header: 'Name', rowHeader: true, cell: (g) => g.name },
            { header: 'School', cell: board },
            { header: 'Role', cell: (g) => roleOnBoard(g) },
            { header: 'Appointed', cell: (g) => shortDate(g.appointedOn) },
          ]}
          empty="Every governor has training booked or done this academic year."
        />
      </section>

      <section aria-labelledby="statutory">
        <h2 id="statutory" className="text-2xl font-semibold">
          Statutory training: new governors
        </h2>
        <p className="mt-1">
          Governors appointed since {shortDate(r.newSince)} and their places on statutory courses (such as new
          governors’ induction): {r.statutoryUptake.attended} attended, {r.statutoryUptake.booked} booked,{' '}
          {r.statutoryUptake.none} with none of {countOf(r.statutoryUptake.newGovernors, 'new governor')}.{' '}
          {shown(r.statutory.length, 'governor')}
          {csv('statutory', 'statutory training')}
        </p>
        <DataTable
          className="mt-3"
          caption="New governors' statutory training"
          hideCaption
          rows={r.statutory}
          rowKey={(g) => g.governorId}
          rowTestId="report-statutory-row"
          columns={[
            { header: 'Name', rowHeader: true, cell: (g) => g.name },
            { header: 'School', cell: board },
            { header: 'Appointed', cell: (g) => shortDate(g.appointedOn) },
            { header: 'Statutory training', cell: (g) => statutoryStatusLabels[g.status] },
            {
              header: 'Courses',
              cell: (g) =>
                g.training
                  .map((t) => `${t.title} (${shortDate(t.on)}${t.attended ? ', attended' : ''})`)
                  .join('; ') || '—',
            },
          ]}
          empty="No governor was appointed in the last 12 months."
        />
      </section>
    </div>
  );
}
