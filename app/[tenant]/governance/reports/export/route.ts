import { ZGovernanceReportInput } from '~/server/governance/governance-reports';
import { csvResponse } from '../../../../_lib/csv-response';
import { serverApi } from '../../../../_lib/server-api';

/** One governance report as CSV (`?report=vacancies|terms|untrained|statutory`); the procedure decides who. */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const query = ZGovernanceReportInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response('Choose a report.', { status: 400 });
  return csvResponse(async () => (await serverApi(tenant)).governance.reportCsv(query.data));
}
