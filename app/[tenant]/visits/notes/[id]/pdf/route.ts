import { pdfResponse } from '../../../../../_lib/pdf-response';
import { serverApi } from '../../../../../_lib/server-api';

/** The note of visit as a PDF; the procedure decides who may have it. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; id: string }> },
) {
  const { tenant, id } = await params;
  return pdfResponse(async () => (await serverApi(tenant)).notesOfVisit.pdf({ id }));
}
