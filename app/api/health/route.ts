import { serverApi } from '~/app/_lib/server-api';

export const dynamic = 'force-dynamic';

/**
 * GET /api/health: 200 when the database answers and the job queue runs in this process, 503 otherwise (a load
 * balancer takes the server out of service). Public and uncached; it reads no workspace's data.
 */
export async function GET() {
  try {
    const health = await (await serverApi(null)).health.check();
    return Response.json(health, {
      status: health.healthy ? 200 : 503,
      headers: { 'cache-control': 'no-store' },
    });
  } catch {
    return Response.json(
      { healthy: false, database: 'unavailable' },
      { status: 503, headers: { 'cache-control': 'no-store' } },
    );
  }
}
