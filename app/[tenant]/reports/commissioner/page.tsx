import { DataTable } from '~/app/_components/data-table';
import { changeWords } from '~/server/reports/build-reports';
import type { Metadata } from 'next';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { previousMonth } from '~/server/reports/statutory-reports';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { InspectionTable, StandardsFacts } from '../inspection-table';
import { ReportHeader } from '../month-picker';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Commissioner monthly report' };

export default async function CommissionerReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<{ month?: string }>;
}) {
  const { tenant } = await params;
  const { month: asked } = await searchParams;
  const { api } = await loadWorkspace(tenant);
  const month = asked && /^\d{4}-\d{2}$/.test(asked) ? asked : previousMonth(todayInLondon());
  const report = await guard(api.reports.commissionerMonthly({ month }));
  return (
    <div>
      <ReportHeader
        tenant={tenant}
        report="commissioner"
        month={month}
        title={`Report to the commissioner: ${report.monthLabel}`}
      />

      <section aria-labelledby="list" className="mt-8">
        <h2 id="list" className="text-2xl font-semibold">
          Updates to the {report.concernListName.toLowerCase()} list
        </h2>
        <p className="mt-2" data-testid="on-list">
          {report.onListAtMonthEnd} schools on the list at the end of {report.monthLabel} (
          {changeWords(report.onListAtMonthEnd, report.previous.onList)} on {report.previousMonthLabel}).
        </p>
        <DataTable
          className="mt-2"
          caption="Changes to the list this month"
          hideCaption
          rows={report.listChanges}
          rowKey={(c) => `${c.urn}-${c.change}`}
          empty="No changes this month."
          emptyClassName="mt-2"
          columns={[
            { header: 'School', rowHeader: true, cell: (c) => `${c.school} (${c.urn})` },
            { header: 'Change', cell: (c) => c.change },
            { header: 'Date', cell: (c) => longDate(c.on) },
          ]}
        />
      </section>

      <section aria-labelledby="inspections" className="mt-8">
        <h2 id="inspections" className="text-2xl font-semibold">
          Outcomes of maintained-school inspections
        </h2>
        <InspectionTable
          caption={`Maintained-school inspections in ${report.monthLabel}`}
          rows={report.maintainedInspections}
        />
      </section>

      <section aria-labelledby="standards" className="mt-8">
        <h2 id="standards" className="text-2xl font-semibold">
          Maintained schools good or better
        </h2>
        <StandardsFacts s={report.standards} />
        <p className="mt-2" data-testid="standards-change">
          Change on the end of {report.previousMonthLabel}: good or outstanding schools{' '}
          {changeWords(report.standards.goodOrBetter, report.previous.standards.goodOrBetter)}; pupils in them{' '}
          {changeWords(report.standards.pupilsInGoodOrBetter, report.previous.standards.pupilsInGoodOrBetter)}
          .
        </p>
      </section>

      <section aria-labelledby="floor" className="mt-8">
        <h2 id="floor" className="text-2xl font-semibold">
          Schools and pupils below the floor
        </h2>
        <p className="mt-2">
          {report.belowFloor.length} schools with unacceptably low or sharply declining achievement recorded (
          {changeWords(report.belowFloor.length, report.previous.belowFloorSchools)} on{' '}
          {report.previousMonthLabel}); {report.belowFloorPupils.toLocaleString('en-GB')} children taught in
          the maintained ones ({changeWords(report.belowFloorPupils, report.previous.belowFloorPupils)}).
          (Floor standards ended in 2019; this counts the schools the LA has recorded against that trigger.)
        </p>
        <DataTable
          caption="Schools below the floor by phase"
          className="mt-3"
          rows={report.belowFloorByPhase}
          rowKey={(r) => r.phase}
          columns={[
            { header: 'Phase', cell: (r) => r.phase, rowHeader: true },
            { header: 'Schools (all)', cell: (r) => r.schools, align: 'right' },
            {
              header: 'Children in maintained schools',
              cell: (r) => r.maintainedPupils.toLocaleString('en-GB'),
              align: 'right',
            },
          ]}
        />
        <DataTable
          caption="Schools below the floor"
          hideCaption
          className="mt-3"
          rows={report.belowFloor}
          rowKey={(r) => String(r.urn)}
          empty=""
          columns={[
            { header: 'School', cell: (r) => `${r.school} (${r.urn})`, rowHeader: true },
            { header: 'Phase', cell: (r) => r.phase },
            { header: 'Maintained', cell: (r) => (r.maintained ? 'Yes' : 'No (academy)') },
            { header: 'Pupils', cell: (r) => r.pupils.toLocaleString('en-GB'), align: 'right' },
          ]}
        />
      </section>
    </div>
  );
}
