import { appJobQueueRunning } from '../jobs/app-job-queue';
import { checkHealth } from '../platform/health';
import { publicProcedure, router } from '../trpc';

/** The server's own health, for `/api/health`: no input, no workspace, nothing about anyone's data. */
export const healthRouter = router({
  check: publicProcedure.query(({ ctx }) => checkHealth(ctx.db, appJobQueueRunning())),
});
