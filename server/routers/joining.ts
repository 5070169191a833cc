import { z } from 'zod';
import { acceptInvitation, previewInvitation, ZAcceptInvitationInput } from '../people/accept-invitation';
import { requestAccess, ZRequestAccessInput } from '../people/access-requests';
import { joiningProcedure, router } from '../trpc';

// Any string: a malformed token is answered like an unknown one ("not valid"), never as a validation error.
const ZToken = z.object({ token: z.string() });

/** A signed-in person joining a workspace: by invitation, or by asking a school. */
export const joiningRouter = router({
  invitation: joiningProcedure
    .input(ZToken)
    .query(({ ctx, input }) => previewInvitation(ctx.tx, ctx.joiner, input)),
  accept: joiningProcedure
    .input(ZAcceptInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.tx, ctx.joiner, input)),
  requestAccess: joiningProcedure
    .input(ZRequestAccessInput)
    .mutation(({ ctx, input }) => requestAccess(ctx.tx, ctx.joiner, input)),
});
