import { z } from 'zod';
import { csvResponse } from '../../../_lib/csv-response';
import { serverApi } from '../../../_lib/server-api';

const ZQuery = z.object({ from: z.iso.date(), to: z.iso.date() });

/** The finance export (CSV) for a date range; the procedure decides who may have it. */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response('Choose a date range (from and to).', { status: 400 });
  return csvResponse(async () => (await serverApi(tenant)).invoices.export(query.data));
}
