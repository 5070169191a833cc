import { pdfResponse } from '~/app/_lib/pdf-response';
import { serverApi } from '~/app/_lib/server-api';

/** A letter to a school as a PDF; the procedure decides who may read it. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; letterId: string }> },
) {
  const { tenant, letterId } = await params;
  return pdfResponse(async () => (await serverApi(tenant)).concern.letterPdf({ letterId }));
}
