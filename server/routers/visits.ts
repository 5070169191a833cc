import { monitoringReaders, officers } from '../access/role-groups';
import { z } from 'zod';
import { academicYearOf, todayInLondon } from '../catalogue/academic-year';
import { generatePlan } from '../monitoring/generate-plan';
import { listSchedule, listUnderServed, ZScheduleInput } from '../monitoring/list-visits';
import { statutoryOf } from '../monitoring/require-statutory';
import {
  loadAdditionalVisitOptions,
  loadVisitPlanner,
  ZVisitPlannerInput,
} from '../monitoring/visit-planner';
import {
  addAdditionalVisit,
  cancelVisits,
  markVisitsDone,
  reassignVisits,
  ZAddAdditionalVisitInput,
  ZMarkDoneInput,
  ZReassignInput,
  ZVisitIdsInput,
} from '../monitoring/visit-actions';
import { router, tenantProcedure } from '../trpc';

const ZYear = z.number().int().min(2000, { message: 'Choose an academic year.' }).max(2100);

export const visitsRouter = router({
  generatePlan: tenantProcedure({ module: 'statutory', roles: officers })
    .input(z.object({ academicYear: ZYear }))
    .mutation(({ ctx, input }) =>
      generatePlan(ctx.tx, statutoryOf(ctx.actor), {
        tenantId: ctx.actor.tenantId,
        academicYear: input.academicYear,
        today: todayInLondon(),
      }),
    ),
  /** Officers see every adviser's visits (filterable); an adviser sees only their own schedule. */
  schedule: tenantProcedure({ module: 'statutory', roles: monitoringReaders })
    .input(ZScheduleInput)
    .query(({ ctx, input }) => {
      const today = todayInLondon();
      const officer = ctx.actor.memberships.some((m) => m.role === 'tenant_admin' || m.role === 'la_officer');
      return listSchedule(ctx.tx, {
        ...input,
        academicYear: input.academicYear ?? academicYearOf(today),
        adviserUserId: officer ? input.adviserUserId : ctx.actor.userId,
        today,
      });
    }),
  /** The visits planner page in one transaction: a page of the schedule, overdue, under-served, advisers. */
  planner: tenantProcedure({ module: 'statutory', roles: monitoringReaders })
    .input(ZVisitPlannerInput)
    .query(({ ctx, input }) => {
      const today = todayInLondon();
      const officer = ctx.actor.memberships.some((m) => m.role === 'tenant_admin' || m.role === 'la_officer');
      return loadVisitPlanner(ctx.tx, {
        ...input,
        academicYear: input.academicYear ?? academicYearOf(today),
        adviserUserId: officer ? input.adviserUserId : ctx.actor.userId,
        officer,
        today,
      });
    }),
  /** The additional-visit form's choices: the schools on the active register and the advisers. */
  additionalVisitOptions: tenantProcedure({ module: 'statutory', roles: officers }).query(({ ctx }) =>
    loadAdditionalVisitOptions(ctx.tx),
  ),
  underServed: tenantProcedure({ module: 'statutory', roles: officers })
    .input(z.object({ academicYear: ZYear.optional() }))
    .query(({ ctx, input }) => {
      const today = todayInLondon();
      return listUnderServed(ctx.tx, { academicYear: input.academicYear ?? academicYearOf(today), today });
    }),
  addAdditional: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZAddAdditionalVisitInput)
    .mutation(({ ctx, input }) =>
      addAdditionalVisit(ctx.tx, statutoryOf(ctx.actor), { ...input, tenantId: ctx.actor.tenantId }),
    ),
  markDone: tenantProcedure({ module: 'statutory', roles: monitoringReaders })
    .input(ZMarkDoneInput)
    .mutation(({ ctx, input }) => {
      const officer = ctx.actor.memberships.some((m) => m.role === 'tenant_admin' || m.role === 'la_officer');
      return markVisitsDone(ctx.tx, { ...input, onlyAdviserUserId: officer ? undefined : ctx.actor.userId });
    }),
  cancel: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZVisitIdsInput)
    .mutation(({ ctx, input }) => {
      return cancelVisits(ctx.tx, input);
    }),
  reassign: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZReassignInput)
    .mutation(({ ctx, input }) => {
      return reassignVisits(ctx.tx, input);
    }),
});
