import { notFound } from 'next/navigation';
import { benchFloorRows, isFloorView } from '~/server/bench/floor-rows';
import { benchRoutesEnabled } from '~/server/env';

/**
 * The pages bench's floor (tests/bench/pages.ts): the rows of the register, the visits planner or the SCC
 * list in ONE query, rendered as a plain table, with no session, layout data or access checks. It exists only
 * with STRIDE_BENCH_ROUTES=1 (which env() refuses in a real deployment); otherwise it is a 404.
 */
export const dynamic = 'force-dynamic';

export default async function BenchFloor({ params }: { params: Promise<{ tenant: string; view: string }> }) {
  if (!benchRoutesEnabled()) notFound();
  const { tenant, view } = await params;
  if (!isFloorView(view)) notFound();
  const rows = await benchFloorRows(tenant, view);
  const columns = Object.keys(rows[0] ?? {});
  return (
    <main className="p-4">
      <h1 className="text-2xl font-bold">Bench floor: {view}</h1>
      <p>{rows.length} rows</p>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>{row[c] === null ? '—' : String(row[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
