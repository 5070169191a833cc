import { publicProcedure, router } from '../trpc';

export const authRouter = router({
  /** The signed-in user, or null. */
  session: publicProcedure.query(({ ctx }) => ctx.session),
});
