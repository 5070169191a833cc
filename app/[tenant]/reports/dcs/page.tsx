import type { Metadata } from 'next';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { previousMonth } from '~/server/reports/statutory-reports';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { InspectionTable, StandardsFacts } from '../inspection-table';
import { ReportHeader } from '../month-picker';
import { DataTable } from '~/app/_components/data-table';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'DCS monthly report' };

export default async function DcsReportPage({
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
  const report = await guard(api.reports.dcsMonthly({ month }));
  return (
    <div>
      <ReportHeader
        tenant={tenant}
        report="dcs"
        month={month}
        title={`Report to the Director of Children’s Services: ${report.monthLabel}`}
      />

      <section aria-labelledby="inspections" className="mt-8">
        <h2 id="inspections" className="text-2xl font-semibold">
          Inspection reports published in {report.monthLabel}
        </h2>
        <InspectionTable
          caption={`Inspection reports published in ${report.monthLabel}`}
          rows={report.inspections}
        />
      </section>

      <section aria-labelledby="standards" className="mt-8">
        <h2 id="standards" className="text-2xl font-semibold">
          Standards summary at the end of {report.monthLabel}
        </h2>
        <StandardsFacts s={report.standards} />
        <DataTable
          className="mt-4 max-w-xl"
          caption="Schools in each LA category"
          hideCaption
          rows={report.standards.byCategory}
          rowKey={(c) => c.label}
          columns={[
            { header: 'LA category', rowHeader: true, cell: (c) => c.label },
            { header: 'Schools', align: 'right', cell: (c) => c.count },
          ]}
        />
      </section>

      <section aria-labelledby="cases" className="mt-8">
        <h2 id="cases" className="text-2xl font-semibold">
          {report.concernListName} ({report.cases.length})
        </h2>
        <ul className="mt-3 space-y-6">
          {report.cases.map((c) => (
            <li key={c.urn} className="rounded border border-slate-300 bg-white p-4">
              <h3 className="text-xl font-semibold">
                {c.school} <span className="text-base font-normal text-slate-700">URN {c.urn}</span>
              </h3>
              <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[14rem_1fr]">
                <dt className="font-medium">LA category</dt>
                <dd>{c.category}</dd>
                <dt className="font-medium">Latest Ofsted</dt>
                <dd>{c.latestOfsted}</dd>
                <dt className="font-medium">Designated</dt>
                <dd>{longDate(c.designatedOn)}</dd>
                <dt className="font-medium">Lead officer</dt>
                <dd>{c.leadOfficer}</dd>
                <dt className="font-medium">Concerns</dt>
                <dd>{c.concerns}</dd>
                <dt className="font-medium">Support delivered</dt>
                <dd>
                  {c.delivered.visitsDone} visits, {c.delivered.meetings} progress meetings,{' '}
                  {c.delivered.commissionedDays} commissioned days
                </dd>
                <dt className="font-medium">Progress against the plan</dt>
                <dd>
                  <strong>{c.progress}</strong>: {c.actions.completed} of {c.actions.total} actions complete,{' '}
                  {c.actions.overdue} overdue ({c.actions.red} red, {c.actions.amber} amber, {c.actions.green}{' '}
                  green)
                </dd>
                <dt className="font-medium">Proposed structural solution</dt>
                <dd>{c.structuralSolution || 'None proposed'}</dd>
                <dt className="font-medium">Key actions</dt>
                <dd>
                  {c.keyActions.length === 0 ? (
                    'No open actions'
                  ) : (
                    <ul className="list-disc pl-5">
                      {c.keyActions.map((a) => (
                        <li key={a}>{a}</li>
                      ))}
                    </ul>
                  )}
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
