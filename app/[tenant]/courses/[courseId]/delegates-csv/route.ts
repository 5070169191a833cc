import { csvResponse } from '../../../../_lib/csv-response';
import { serverApi } from '../../../../_lib/server-api';

/** One course's delegate list and attendance as CSV; the procedure decides who may have it. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; courseId: string }> },
) {
  const { tenant, courseId } = await params;
  return csvResponse(async () => (await serverApi(tenant)).courses.delegatesCsv({ courseId }));
}
