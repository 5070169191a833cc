import { managers } from '../access/role-groups';
import { router, tenantProcedure } from '../trpc';
import { listMembers } from '../members/list-members';

export const membersRouter = router({
  list: tenantProcedure({ module: 'core', roles: managers }).query(({ ctx }) => listMembers(ctx.tx)),
});
