import { csvResponse } from '../../../_lib/csv-response';
import { serverApi } from '../../../_lib/server-api';

/** The manager's course list (upcoming or run) as CSV; the procedure decides who may have it. */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const when = new URL(request.url).searchParams.get('when') === 'past' ? 'past' : 'upcoming';
  return csvResponse(async () => (await serverApi(tenant)).courses.listCsv({ when }));
}
