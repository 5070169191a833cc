import {
  adviserTimeUsers,
  commissionedProviders,
  financeUsers,
  managers,
  schoolManagers,
} from '../access/role-groups';
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
  request: tenantProcedure({ module: 'traded', roles: schoolManagers })
    .input(ZRequestAdviserTimeInput)
    .mutation(({ ctx, input }) => {
      assertMaySeeSchool(ctx.actor.memberships, input.schoolId);
      return requestAdviserTime(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        actorUserId: ctx.actor.userId,
      });
    }),
  /** Managers see every request; advisers their assignments; schools their own. */
  list: tenantProcedure({ module: 'traded', roles: adviserTimeUsers })
    .input(z.object({ schoolId: z.uuid().optional() }))
    .query(({ ctx, input }) => {
      const roles = ctx.actor.memberships.map((m) => m.role);
      if (roles.includes('tenant_admin')) return listRequests(ctx.tx, { schoolId: input.schoolId });
      if (roles.includes('adviser'))
        return listRequests(ctx.tx, { adviserUserId: ctx.actor.userId, schoolId: input.schoolId });
      return listRequests(ctx.tx, { schoolId: scopeToSchool(ctx.actor.memberships, input.schoolId) });
    }),
  advisers: tenantProcedure({ module: 'traded', roles: managers }).query(({ ctx }) => listAdvisers(ctx.tx)),
  assign: tenantProcedure({ module: 'traded', roles: managers })
    .input(ZAssignAdviserInput)
    .mutation(({ ctx, input }) => assignAdviser(ctx.tx, input)),
  logVisit: tenantProcedure({ module: 'traded', roles: commissionedProviders })
    .input(ZLogVisitInput)
    .mutation(({ ctx, input }) =>
      logVisit(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        actorUserId: ctx.actor.userId,
        onBehalf: ctx.actor.memberships.some((m) => m.role === 'tenant_admin'),
        partialCover: ctx.actor.settings.traded?.partialCover,
      }),
    ),
  cancel: tenantProcedure({ module: 'traded', roles: schoolManagers })
    .input(ZCancelRequestInput)
    .mutation(({ ctx, input }) => {
      const manager = ctx.actor.memberships.some((m) => m.role === 'tenant_admin');
      return cancelRequest(ctx.tx, {
        id: input.id,
        schoolId: manager ? undefined : scopeToSchool(ctx.actor.memberships),
      });
    }),
  utilisation: tenantProcedure({ module: 'traded', roles: financeUsers })
    .input(z.object({ academicYear: z.number().int().optional() }))
    .query(({ ctx, input }) =>
      adviserUtilisation(ctx.tx, { academicYear: input.academicYear ?? academicYearOf(todayInLondon()) }),
    ),
});
