import { z } from 'zod';
import { adviserUtilisation } from '../adviser-time/adviser-utilisation';
import { assignAdviser, ZAssignAdviserInput } from '../adviser-time/assign-adviser';
import { cancelRequest, ZCancelRequestInput } from '../adviser-time/cancel-request';
import { listAdvisers } from '../adviser-time/list-advisers';
import { listRequests } from '../adviser-time/list-requests';
import { logVisit, ZLogVisitInput } from '../adviser-time/log-visit';
import { requestAdviserTime, ZRequestAdviserTimeInput } from '../adviser-time/request-adviser-time';
import { academicYearOf, todayInLondon } from '../catalogue/academic-year';
import { router, tenantProcedure } from '../trpc';
import { assertMaySeeSchool, scopeToSchool } from '../workspaces/school-scope';

export const adviserTimeRouter = router({
  request: tenantProcedure(['tenant_admin', 'school_admin'])
    .input(ZRequestAdviserTimeInput)
    .mutation(({ ctx, input }) => {
      assertMaySeeSchool(ctx.memberships, input.schoolId);
      return requestAdviserTime(ctx.tx, { ...input, tenantId: ctx.tenant.id, actorUserId: ctx.user.id });
    }),
  /** Managers see every request; advisers their assignments; schools their own. */
  list: tenantProcedure(['tenant_admin', 'adviser', 'school_admin'])
    .input(z.object({ schoolId: z.uuid().optional() }))
    .query(({ ctx, input }) => {
      const roles = ctx.memberships.map((m) => m.role);
      if (roles.includes('tenant_admin')) return listRequests(ctx.tx, { schoolId: input.schoolId });
      if (roles.includes('adviser'))
        return listRequests(ctx.tx, { adviserUserId: ctx.user.id, schoolId: input.schoolId });
      return listRequests(ctx.tx, { schoolId: scopeToSchool(ctx.memberships, input.schoolId) });
    }),
  advisers: tenantProcedure(['tenant_admin']).query(({ ctx }) => listAdvisers(ctx.tx)),
  assign: tenantProcedure(['tenant_admin'])
    .input(ZAssignAdviserInput)
    .mutation(({ ctx, input }) => assignAdviser(ctx.tx, input)),
  logVisit: tenantProcedure(['tenant_admin', 'adviser'])
    .input(ZLogVisitInput)
    .mutation(({ ctx, input }) =>
      logVisit(ctx.tx, {
        ...input,
        tenantId: ctx.tenant.id,
        actorUserId: ctx.user.id,
        onBehalf: ctx.memberships.some((m) => m.role === 'tenant_admin'),
      }),
    ),
  cancel: tenantProcedure(['tenant_admin', 'school_admin'])
    .input(ZCancelRequestInput)
    .mutation(({ ctx, input }) => {
      const manager = ctx.memberships.some((m) => m.role === 'tenant_admin');
      return cancelRequest(ctx.tx, {
        id: input.id,
        schoolId: manager ? undefined : scopeToSchool(ctx.memberships),
      });
    }),
  utilisation: tenantProcedure(['tenant_admin', 'finance'])
    .input(z.object({ academicYear: z.number().int().optional() }))
    .query(({ ctx, input }) =>
      adviserUtilisation(ctx.tx, { academicYear: input.academicYear ?? academicYearOf(todayInLondon()) }),
    ),
});
