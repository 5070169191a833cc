import { governanceReportKinds } from '~/server/governance/governance-reports';
import { csvResponse } from '../../../../_lib/csv-response';
import { serverApi } from '../../../../_lib/server-api';
import { reportFiltersOf } from '../filters';

/**
 * One governance report as CSV (`?report=vacancies|terms|untrained|statutory`, with the page's filters: school,
 * phase, kind, and the search typed, `q`), so it holds the rows the page shows; the procedure decides who.
 */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const report = governanceReportKinds.find((k) => k === search.report);
  if (!report) return new Response('Choose a report.', { status: 400 });
  return csvResponse(async () =>
    (await serverApi(tenant)).governance.reportCsv({ report, ...reportFiltersOf(search) }),
  );
}
