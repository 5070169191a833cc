import { z } from 'zod';
import { academicYearOf, todayInLondon } from '../catalogue/academic-year';
import { generatePlan } from '../monitoring/generate-plan';
import { listSchedule, listUnderServed, ZScheduleInput } from '../monitoring/list-visits';
import { statutoryOf } from '../monitoring/require-statutory';
import {
  addAdditionalVisit,
  cancelVisit,
  markVisitDone,
  reassignVisit,
  ZAddAdditionalVisitInput,
  ZMarkDoneInput,
  ZReassignInput,
  ZVisitIdInput,
} from '../monitoring/visit-actions';
import { router, tenantProcedure } from '../trpc';

const officers = ['tenant_admin', 'la_officer'] as const;
const ZYear = z.number().int().min(2000, { message: 'Choose an academic year.' }).max(2100);

export const visitsRouter = router({
  generatePlan: tenantProcedure(officers)
    .input(z.object({ academicYear: ZYear }))
    .mutation(({ ctx, input }) =>
      generatePlan(ctx.tx, statutoryOf(ctx.tenant), {
        tenantId: ctx.tenant.id,
        academicYear: input.academicYear,
      }),
    ),
  /** Officers see every adviser's visits (filterable); an adviser sees only their own schedule. */
  schedule: tenantProcedure(['tenant_admin', 'la_officer', 'adviser'])
    .input(ZScheduleInput)
    .query(({ ctx, input }) => {
      statutoryOf(ctx.tenant);
      const today = todayInLondon();
      const officer = ctx.memberships.some((m) => m.role === 'tenant_admin' || m.role === 'la_officer');
      return listSchedule(ctx.tx, {
        ...input,
        academicYear: input.academicYear ?? academicYearOf(today),
        adviserUserId: officer ? input.adviserUserId : ctx.user.id,
        today,
      });
    }),
  underServed: tenantProcedure(officers)
    .input(z.object({ academicYear: ZYear.optional() }))
    .query(({ ctx, input }) => {
      statutoryOf(ctx.tenant);
      const today = todayInLondon();
      return listUnderServed(ctx.tx, { academicYear: input.academicYear ?? academicYearOf(today), today });
    }),
  addAdditional: tenantProcedure(officers)
    .input(ZAddAdditionalVisitInput)
    .mutation(({ ctx, input }) =>
      addAdditionalVisit(ctx.tx, statutoryOf(ctx.tenant), { ...input, tenantId: ctx.tenant.id }),
    ),
  markDone: tenantProcedure(['tenant_admin', 'la_officer', 'adviser'])
    .input(ZMarkDoneInput)
    .mutation(({ ctx, input }) => {
      statutoryOf(ctx.tenant);
      const officer = ctx.memberships.some((m) => m.role === 'tenant_admin' || m.role === 'la_officer');
      return markVisitDone(ctx.tx, { ...input, onlyAdviserUserId: officer ? undefined : ctx.user.id });
    }),
  cancel: tenantProcedure(officers)
    .input(ZVisitIdInput)
    .mutation(({ ctx, input }) => {
      statutoryOf(ctx.tenant);
      return cancelVisit(ctx.tx, input);
    }),
  reassign: tenantProcedure(officers)
    .input(ZReassignInput)
    .mutation(({ ctx, input }) => {
      statutoryOf(ctx.tenant);
      return reassignVisit(ctx.tx, input);
    }),
});
