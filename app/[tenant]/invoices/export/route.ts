import { ZExportInput } from '~/server/invoicing/finance-reports';
import { csvResponse } from '../../../_lib/csv-response';
import { serverApi } from '../../../_lib/server-api';

/** The finance export (CSV) for a date range; the procedure decides who may have it. */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const query = ZExportInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    return new Response(
      `Choose a date range (from and to): ${[...new Set(query.error.issues.map((i) => i.message))].join(' ')}`,
      { status: 400 },
    );
  return csvResponse(async () => (await serverApi(tenant)).invoices.export(query.data), {
    forSpreadsheet: false,
  });
}
