import type { Metadata } from 'next';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { previousMonth } from '~/server/reports/statutory-reports';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { InspectionTable, StandardsFacts } from '../inspection-table';
import { ReportHeader, ukDate } from '../month-picker';

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
        {report.listChanges.length === 0 ? (
          <p className="mt-2">No changes this month.</p>
        ) : (
          <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Changes to the list this month</caption>
            <thead>
              <tr>
                <th scope="col" className="p-2">
                  School
                </th>
                <th scope="col" className="p-2">
                  Change
                </th>
                <th scope="col" className="p-2">
                  Date
                </th>
              </tr>
            </thead>
            <tbody>
              {report.listChanges.map((c) => (
                <tr key={`${c.urn}-${c.change}`} className="border-t">
                  <th scope="row" className="p-2 font-normal">
                    {c.school} ({c.urn})
                  </th>
                  <td className="p-2">{c.change}</td>
                  <td className="p-2">{ukDate(c.on)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
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
