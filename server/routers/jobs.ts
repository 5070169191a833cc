import { z } from 'zod';
import { managers } from '../access/role-groups';
import { retryEmail } from '../email/retry-email';
import { getJobsOverview } from '../jobs/get-jobs-overview';
import { runJobNow } from '../jobs/run-job-now';
import { jobKeys } from '../jobs/scheduled-jobs';
import { router, tenantProcedure } from '../trpc';

export const jobsRouter = router({
  /** "Jobs and emails": what ran, when and what it did; the workspace's emails and failures. */
  overview: tenantProcedure({ module: 'core', roles: managers }).query(({ ctx }) =>
    getJobsOverview(ctx.tx, { modules: ctx.actor.modules, kind: ctx.actor.kind }),
  ),
  runNow: tenantProcedure({ module: 'core', roles: managers })
    .input(z.object({ job: z.enum(jobKeys, { message: 'Choose a job.' }) }))
    .mutation(({ ctx, input }) => runJobNow(ctx.tx, ctx.actor, { job: input.job })),
  retryEmail: tenantProcedure({ module: 'core', roles: managers })
    .input(z.object({ emailId: z.uuid() }))
    .mutation(({ ctx, input }) => retryEmail(ctx.tx, input)),
});
