import { z } from 'zod';
import { csvResponse } from '../../../_lib/csv-response';
import { pdfResponse } from '../../../_lib/pdf-response';
import { serverApi } from '../../../_lib/server-api';

const ZQuery = z.discriminatedUnion('report', [
  z.object({ report: z.enum(['dcs', 'commissioner']), month: z.string(), format: z.enum(['pdf', 'csv']) }),
  z.object({
    report: z.literal('dashboard'),
    year: z.coerce.number().int().optional(),
    format: z.enum(['pdf', 'csv']),
  }),
]);

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return new Response('Choose a report, a month or year, and a format.', { status: 400 });
  const q = query.data;
  const load = async () =>
    (await serverApi(tenant)).reports.export(
      q.report === 'dashboard'
        ? { report: 'dashboard', academicYear: q.year }
        : { report: q.report, month: q.month },
    );
  return q.format === 'pdf' ? pdfResponse(load) : csvResponse(load);
}
