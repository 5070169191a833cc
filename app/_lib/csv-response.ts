import 'server-only';
import { refusalResponse } from './pdf-response';

/**
 * A route handler's whole body for a CSV download; `load` calls a procedure, which decides access. Opened in
 * Excel, a file without a byte-order mark is read as Windows-1252 ("Â£"), so one goes first, as on the register's
 * export; a file for a finance system (`forSpreadsheet: false`) is left as plain UTF-8.
 */
export async function csvResponse(
  load: () => Promise<{ csv: string; filename: string }>,
  { forSpreadsheet = true }: { forSpreadsheet?: boolean } = {},
) {
  try {
    const { csv, filename } = await load();
    return new Response(forSpreadsheet ? `\uFEFF${csv}` : csv, {
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
