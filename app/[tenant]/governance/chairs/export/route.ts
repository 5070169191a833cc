import { csvResponse } from '../../../../_lib/csv-response';
import { serverApi } from '../../../../_lib/server-api';

/** The chairs and vice-chairs contact list as CSV; the procedure decides who may have it. */
export async function GET(_request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  return csvResponse(async () => (await serverApi(tenant)).governance.chairsCsv());
}
