import { router, tenantProcedure } from '../trpc';
import { listAudit, ZListAuditInput } from '../audit/list-audit';

export const auditRouter = router({
  list: tenantProcedure(['tenant_admin'])
    .input(ZListAuditInput)
    .query(({ ctx, input }) => listAudit(ctx.tx, input)),
});
