import { pdfResponse } from '../../../../_lib/pdf-response';
import { serverApi } from '../../../../_lib/server-api';

/** The invoice as a PDF (a UK VAT invoice); the procedure decides who may have it. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; invoiceId: string }> },
) {
  const { tenant, invoiceId } = await params;
  return pdfResponse(async () => (await serverApi(tenant)).invoices.pdf({ id: invoiceId }));
}
