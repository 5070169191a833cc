import { asc } from 'drizzle-orm';
import { withPlatform, withTenant, type Db } from '~/db/client';
import { tenants } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { runInTenant } from '../unit-of-work/run-in-tenant';
import { recordJobFailure, runTenantJob, type TenantJobResult } from './run-tenant-job';
import { jobAppliesTo, scheduledJob, type JobKey } from './scheduled-jobs';

/** Thrown inside a unit of work whose period already ran, so its audit row rolls back with it. */
class AlreadyRan extends Error {}

export type ScheduledRunReport = { tenant: string; result: TenantJobResult | { failed: string } };

/**
 * A scheduled job across every workspace with its module: each tenant in its own unit of work, as the
 * system actor "job:<key>" (audited; emails delivered after commit). One tenant's failure is recorded on its
 * jobs page and does not stop the others. Running it twice for the same day changes nothing more.
 */
export async function runScheduledJob(
  db: Db,
  key: JobKey,
  options: {
    today: IsoDate;
    appUrl: string;
    /** The moment of the run (default now): jobs acting on times use it, and their period comes from it. */
    now?: Date;
    /** Only these workspaces (slugs); default all. */ tenants?: string[];
  },
): Promise<ScheduledRunReport[]> {
  const job = scheduledJob(key);
  const now = options.now ?? new Date();
  const workspaces = await withPlatform(db, (tx) =>
    tx
      .select({
        id: tenants.id,
        slug: tenants.slug,
        name: tenants.name,
        modules: tenants.modules,
        kind: tenants.kind,
      })
      .from(tenants)
      .orderBy(asc(tenants.slug)),
  );
  const reports: ScheduledRunReport[] = [];
  const chosen = workspaces.filter(
    (t) => jobAppliesTo(job, t) && (!options.tenants || options.tenants.includes(t.slug)),
  );
  for (const tenant of chosen) {
    const context = { tenant, appUrl: options.appUrl, today: options.today, now };
    try {
      const result = await runInTenant(
        db,
        { tenantId: tenant.id, action: `job:${key}`, actor: { label: `job:${key}` } },
        async (tx) => {
          const r = await runTenantJob(tx, job, context, 'schedule');
          if (!r.ran) throw new AlreadyRan();
          return { ...r, id: r.runId };
        },
      );
      reports.push({ tenant: tenant.slug, result });
    } catch (error) {
      if (error instanceof AlreadyRan) {
        reports.push({
          tenant: tenant.slug,
          result: { ran: false, periodKey: job.periodKey(options.today, now) },
        });
        continue;
      }
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[jobs] ${key} failed for ${tenant.slug}:`, message);
      await withTenant(db, tenant.id, (tx) =>
        recordJobFailure(tx, {
          tenantId: tenant.id,
          job: key,
          periodKey: job.periodKey(options.today, now),
          trigger: 'schedule',
          error: message,
        }),
      );
      reports.push({ tenant: tenant.slug, result: { failed: message } });
    }
  }
  return reports;
}
