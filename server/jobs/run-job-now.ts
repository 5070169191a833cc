import type { Tx } from '~/db/client';
import type { Actor } from '../access/actor';
import { todayInLondon } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { moduleTitles } from '../workspaces/module-titles';
import { runTenantJob } from './run-tenant-job';
import { jobAppliesTo, scheduledJob, type JobKey } from './scheduled-jobs';

/**
 * The manager runs a job now for this workspace, for today's period: the same work, claim and summary as
 * the scheduled run, so whichever comes second finds the period done and does nothing.
 */
export async function runJobNow(tx: Tx, actor: Actor, input: { job: JobKey; today?: string }) {
  const job = scheduledJob(input.job);
  if (!jobAppliesTo(job, actor)) {
    throw new DomainError({
      code: 'FORBIDDEN',
      message: actor.modules.includes(job.module)
        ? `${job.title} does not run in ${actor.name}.`
        : `${moduleTitles[job.module]} is not switched on for ${actor.name}.`,
    });
  }
  const result = await runTenantJob(
    tx,
    job,
    {
      tenant: { id: actor.tenantId, slug: actor.slug, name: actor.name, modules: actor.modules },
      appUrl: actor.appUrl,
      today: input.today ?? todayInLondon(),
    },
    'manual',
  );
  if (!result.ran) {
    throw new DomainError({
      code: 'CONFLICT',
      message: `${job.title} has already run for this period (${result.periodKey}).`,
    });
  }
  return { id: result.runId, periodKey: result.periodKey, summary: result.summary };
}
