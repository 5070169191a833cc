import { TRPCError } from '@trpc/server';
import { listDemoUsers } from '../dev/demo-users';
import { listOutbox, withMailroom } from '../email/outbox';
import { devToolsEnabled } from '../env';
import { publicProcedure, router } from '../trpc';

/** Development aids. Public by design, and absent (NOT_FOUND) in production builds. */
const devOnlyProcedure = publicProcedure.use(({ next }) => {
  if (!devToolsEnabled()) throw new TRPCError({ code: 'NOT_FOUND', message: 'Not found.' });
  return next();
});

export const devRouter = router({
  outbox: devOnlyProcedure.query(({ ctx }) => withMailroom(ctx.db, (tx) => listOutbox(tx))),
  demoUsers: devOnlyProcedure.query(() => listDemoUsers()),
});
