import {
  cancelSignInAddressChange,
  confirmSignInAddressChange,
  describeSignInAddressLink,
  requestSignInAddressChange,
  ZRequestSignInAddressChangeInput,
} from '../people/change-sign-in-address';
import { getMyAccount, updateMyAccount, ZUpdateMyAccountInput } from '../people/my-account';
import { accountLinkProcedure, accountProcedure, router } from '../trpc';

/** The signed-in person's own account, whatever workspaces they belong to. */
export const accountRouter = router({
  mine: accountProcedure.query(({ ctx }) => getMyAccount(ctx.tx, ctx.user.id)),
  update: accountProcedure
    .input(ZUpdateMyAccountInput)
    .mutation(({ ctx, input }) => updateMyAccount(ctx.tx, ctx.user.id, input)),
  requestSignInAddressChange: accountProcedure
    .input(ZRequestSignInAddressChangeInput)
    .mutation(({ ctx, input }) =>
      requestSignInAddressChange(ctx.tx, ctx.user, input, { appUrl: ctx.appUrl }),
    ),
  cancelSignInAddressChange: accountProcedure.mutation(({ ctx }) =>
    cancelSignInAddressChange(ctx.tx, ctx.user),
  ),
  /** The link emailed to the new address: what it would change, whoever opens it. */
  signInAddressLink: accountLinkProcedure.query(({ ctx }) => describeSignInAddressLink(ctx.link)),
  confirmSignInAddressChange: accountLinkProcedure.mutation(({ ctx }) =>
    confirmSignInAddressChange(ctx.tx, ctx.link),
  ),
});
