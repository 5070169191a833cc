import { pdfResponse } from '../../../../../../_lib/pdf-response';
import { serverApi } from '../../../../../../_lib/server-api';

/** A credit note as a PDF; the procedure decides who may have it. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; invoiceId: string; creditNoteId: string }> },
) {
  const { tenant, invoiceId, creditNoteId } = await params;
  return pdfResponse(async () =>
    (await serverApi(tenant)).invoices.creditNotePdf({ invoiceId, creditNoteId }),
  );
}
