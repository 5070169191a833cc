import { z } from 'zod';
import { csvResponse } from '../../../_lib/csv-response';
import { serverApi } from '../../../_lib/server-api';

// The page's date boxes send an empty value when left empty: that is no limit, not a bad date.
const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), z.iso.date().optional());
const ZQuery = z.object({ from: optionalDate, to: optionalDate });

/** Induction outcomes as CSV for the TRA / DfE's AB service; the procedure decides who may have it. */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response('Dates must be yyyy-mm-dd.', { status: 400 });
  return csvResponse(async () => (await serverApi(tenant)).induction.exportOutcomes(query.data));
}
