import { TRPCError } from '@trpc/server';
import { serverApi } from '../../../_lib/server-api';
import { filtersOf } from '../filters';

const statusOf: Partial<Record<TRPCError['code'], number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
};

/** The filtered register as CSV; the procedure decides who may have it. */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const api = await serverApi(tenant);
    const { csv, filename } = await api.register.exportCsv(filtersOf(search));
    return new Response(`\uFEFF${csv}`, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]+/g, '-')}"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    const status = error instanceof TRPCError ? statusOf[error.code] : undefined;
    if (status) return new Response(error instanceof Error ? error.message : 'Refused', { status });
    throw error;
  }
}
