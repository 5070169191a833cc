import type { Metadata } from 'next';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { previousMonth } from '~/server/reports/statutory-reports';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { InspectionTable, StandardsFacts } from '../inspection-table';
import { ReportHeader, ukDate } from '../month-picker';
import { DataTable } from '~/app/_components/data-table';

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
        <p className="mt-2">
          {report.onListAtMonthEnd} schools on the list at the end of {report.monthLabel}.
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
            { header: 'Date', cell: (c) => ukDate(c.on) },
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
      </section>

      <section aria-labelledby="floor" className="mt-8">
        <h2 id="floor" className="text-2xl font-semibold">
          Schools and pupils below the floor
        </h2>
        <p className="mt-2">
          {report.belowFloor.length} schools with unacceptably low or sharply declining achievement recorded,
          teaching {report.belowFloorPupils.toLocaleString('en-GB')} pupils. (Floor standards ended in 2019;
          this counts the schools the LA has recorded against that trigger.)
        </p>
        {report.belowFloor.length > 0 && (
          <ul className="mt-2 list-disc pl-5">
            {report.belowFloor.map((s) => (
              <li key={s.urn}>
                {s.school} ({s.pupils.toLocaleString('en-GB')} pupils)
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
