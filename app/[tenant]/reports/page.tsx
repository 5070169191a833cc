import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { TrendChart } from './trend-chart';
import { DataTable } from '~/app/_components/data-table';

export const metadata: Metadata = { title: 'Reports' };

function SeriesTable({
  caption,
  months,
  rows,
}: {
  caption: string;
  months: { key: string; label: string }[];
  rows: { label: string; data: number[] }[];
}) {
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm underline">Show the figures</summary>
      <DataTable
        className="mt-2"
        caption={caption}
        hideCaption
        rows={rows}
        rowKey={(r) => r.label}
        columns={[
          { header: 'Series', rowHeader: true, cell: (r) => r.label },
          ...months.map((m, i) => ({
            header: m.label,
            align: 'right' as const,
            cell: (r: { data: number[] }) => r.data[i],
          })),
        ]}
      />
    </details>
  );
}

export default async function ReportsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const dashboard = await guard(api.reports.dashboard({}));
  const labels = dashboard.months.map((m) => m.label);
  const visits = [
    { label: 'Visits planned (due that month)', data: dashboard.visits.planned },
    { label: 'Visits done', data: dashboard.visits.done },
  ];
  const concern = [
    { label: 'Designated', data: dashboard.concern.entering },
    { label: 'Removed', data: dashboard.concern.leaving },
    { label: 'On the list at month end', data: dashboard.concern.onList },
  ];
  const categories = dashboard.categoryMix.map((c) => ({ label: c.label, data: c.counts }));
  return (
    <div>
      <h1 className="text-3xl font-bold">Reports</h1>
      <p className="mt-2 text-slate-700">
        Monthly reports for the Director of Children’s Services and the commissioner, and this year’s trends.
      </p>
      <ul className="mt-4 flex flex-wrap gap-4">
        <li>
          <Link href={`/${tenant}/reports/dcs`} className="underline">
            DCS monthly report
          </Link>
        </li>
        <li>
          <Link href={`/${tenant}/reports/commissioner`} className="underline">
            Commissioner monthly report
          </Link>
        </li>
        <li>
          <a href={`/${tenant}/reports/export?report=dashboard&format=pdf`} className="underline">
            Download these trends (PDF)
          </a>
        </li>
        <li>
          <a href={`/${tenant}/reports/export?report=dashboard&format=csv`} className="underline">
            Download these trends (CSV)
          </a>
        </li>
      </ul>

      <section aria-labelledby="category-mix" className="mt-8">
        <h2 id="category-mix" className="text-2xl font-semibold">
          Category mix over time
        </h2>
        <TrendChart
          kind="bar"
          stacked
          labels={labels}
          series={categories}
          label="Stacked bars: schools in each LA category at the end of each month this year."
        />
        <SeriesTable
          caption="Schools in each LA category by month"
          months={dashboard.months}
          rows={categories}
        />
      </section>

      <section aria-labelledby="visits-trend" className="mt-8">
        <h2 id="visits-trend" className="text-2xl font-semibold">
          Visits done against planned
        </h2>
        <TrendChart
          kind="bar"
          labels={labels}
          series={visits}
          label="Bars: visits planned and visits done in each month this year."
        />
        <SeriesTable caption="Visits planned and done by month" months={dashboard.months} rows={visits} />
      </section>

      <section aria-labelledby="concern-trend" className="mt-8">
        <h2 id="concern-trend" className="text-2xl font-semibold">
          Schools entering and leaving the list
        </h2>
        <TrendChart
          kind="line"
          labels={labels}
          series={concern}
          label="Lines: schools designated, removed and on the list in each month this year."
        />
        <SeriesTable
          caption="Schools designated, removed and on the list by month"
          months={dashboard.months}
          rows={concern}
        />
      </section>
    </div>
  );
}
