import { getMyAccount, updateMyAccount, ZUpdateMyAccountInput } from '../people/my-account';
import { accountProcedure, router } from '../trpc';

/** The signed-in person's own account, whatever workspaces they belong to. */
export const accountRouter = router({
  mine: accountProcedure.query(({ ctx }) => getMyAccount(ctx.tx, ctx.user.id)),
  update: accountProcedure
    .input(ZUpdateMyAccountInput)
    .mutation(({ ctx, input }) => updateMyAccount(ctx.tx, ctx.user.id, input)),
});
