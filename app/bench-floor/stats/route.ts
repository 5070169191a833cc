import { notFound } from 'next/navigation';
import { queryCounts } from '~/server/bench/query-counter';
import { benchRoutesEnabled } from '~/server/env';

/** The pages bench's statement and transaction counts (see server/bench/query-counter.ts); a 404 otherwise. */
export const dynamic = 'force-dynamic';

export function GET() {
  if (!benchRoutesEnabled()) notFound();
  return Response.json(queryCounts());
}
