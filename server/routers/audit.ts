import { managers } from '../access/role-groups';
import { router, tenantProcedure } from '../trpc';
import { listAudit, ZListAuditInput } from '../audit/list-audit';

export const auditRouter = router({
  list: tenantProcedure({ module: 'core', roles: managers })
    .input(ZListAuditInput)
    .query(({ ctx, input }) => listAudit(ctx.tx, input)),
});
