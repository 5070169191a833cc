import { router, tenantProcedure } from '../trpc';
import { listMembers } from '../members/list-members';

export const membersRouter = router({
  list: tenantProcedure(['tenant_admin']).query(({ ctx }) => listMembers(ctx.tx)),
});
