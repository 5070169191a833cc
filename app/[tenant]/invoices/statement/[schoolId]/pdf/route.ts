import { pdfResponse } from '../../../../../_lib/pdf-response';
import { serverApi } from '../../../../../_lib/server-api';

/** A school's statement of account as a PDF; the procedure decides who may have it. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; schoolId: string }> },
) {
  const { tenant, schoolId } = await params;
  return pdfResponse(async () => (await serverApi(tenant)).invoices.statementPdf({ schoolId }));
}
