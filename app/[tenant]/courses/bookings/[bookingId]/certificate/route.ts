import { pdfResponse } from '../../../../../_lib/pdf-response';
import { serverApi } from '../../../../../_lib/server-api';

/** A delegate's certificate of attendance; the procedure decides who may have it (manager, or their school). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; bookingId: string }> },
) {
  const { tenant, bookingId } = await params;
  return pdfResponse(async () => (await serverApi(tenant)).courses.certificate({ bookingId }));
}
