import { pdfResponse } from '../../../../../_lib/pdf-response';
import { serverApi } from '../../../../../_lib/server-api';
import { statementQuery } from '../statement-query';

/**
 * A school's statement of account for a period as a PDF (`?from=&to=`, or `?all=1` for the whole account); the
 * procedure checks the dates and decides who may have it (a bad date range is a 400).
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ tenant: string; schoolId: string }> },
) {
  const { tenant, schoolId } = await params;
  const query = statementQuery(Object.fromEntries(new URL(request.url).searchParams));
  return pdfResponse(async () => (await serverApi(tenant)).invoices.statementPdf({ schoolId, ...query }));
}
