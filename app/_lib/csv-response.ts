import 'server-only';
import { refusalResponse } from './pdf-response';

/** A route handler's whole body for a CSV download; `load` calls a procedure, which decides access. */
export async function csvResponse(load: () => Promise<{ csv: string; filename: string }>) {
  try {
    const { csv, filename } = await load();
    return new Response(csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]+/g, '-')}.csv"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    return refusalResponse(error);
  }
}
