import { z } from 'zod';
import { changeCategory, ZChangeCategoryInput } from '../monitoring/change-category';
import { registerCsv } from '../monitoring/export-register';
import { getRegisterSchool } from '../monitoring/get-register-school';
import { listMonitoringAdvisers } from '../monitoring/list-advisers';
import { listRegister, ZRegisterFilters } from '../monitoring/list-register';
import { ZRecordInspectionInput } from '../monitoring/ofsted-results';
import { visitRuleFor } from '../monitoring/plan-visits';
import { recordInspection } from '../monitoring/record-inspection';
import { linkAdviserTitleOf, statutoryOf } from '../monitoring/require-statutory';
import {
  setAdvisers,
  updateMonitoring,
  ZSetAdvisersInput,
  ZUpdateMonitoringInput,
} from '../monitoring/update-monitoring';
import { router, tenantProcedure } from '../trpc';

const readers = ['tenant_admin', 'la_officer', 'adviser'] as const;
const writers = ['tenant_admin', 'la_officer'] as const;

export const registerRouter = router({
  /** The register, filtered and sorted; with the vocabulary the page needs. */
  list: tenantProcedure(readers)
    .input(ZRegisterFilters)
    .query(async ({ ctx, input }) => {
      const settings = statutoryOf(ctx.tenant);
      return {
        rows: await listRegister(ctx.tx, settings, input),
        categories: settings.categories,
        linkAdviserTitle: linkAdviserTitleOf(ctx.tenant),
      };
    }),
  exportCsv: tenantProcedure(readers)
    .input(ZRegisterFilters)
    .query(async ({ ctx, input }) => {
      const rows = await listRegister(ctx.tx, statutoryOf(ctx.tenant), input);
      return {
        filename: `${ctx.tenant.slug}-school-register.csv`,
        csv: registerCsv(rows, linkAdviserTitleOf(ctx.tenant)),
      };
    }),
  school: tenantProcedure(readers)
    .input(z.object({ schoolId: z.uuid({ message: 'Choose a school.' }) }))
    .query(async ({ ctx, input }) => {
      const settings = statutoryOf(ctx.tenant);
      const record = await getRegisterSchool(ctx.tx, settings, input.schoolId);
      return {
        ...record,
        /** How many visits a year the rules give this school, and why ("per Statement of Action"). */
        visitRule: visitRuleFor(record.entry, settings),
        categories: settings.categories,
        linkAdviserTitle: linkAdviserTitleOf(ctx.tenant),
      };
    }),
  advisers: tenantProcedure(readers).query(({ ctx }) => {
    statutoryOf(ctx.tenant);
    return listMonitoringAdvisers(ctx.tx);
  }),
  changeCategory: tenantProcedure(writers)
    .input(ZChangeCategoryInput)
    .mutation(({ ctx, input }) =>
      changeCategory(ctx.tx, statutoryOf(ctx.tenant), {
        ...input,
        tenantId: ctx.tenant.id,
        actorUserId: ctx.user.id,
      }),
    ),
  setAdvisers: tenantProcedure(writers)
    .input(ZSetAdvisersInput)
    .mutation(({ ctx, input }) => {
      statutoryOf(ctx.tenant);
      return setAdvisers(ctx.tx, input);
    }),
  updateMonitoring: tenantProcedure(writers)
    .input(ZUpdateMonitoringInput)
    .mutation(({ ctx, input }) => {
      statutoryOf(ctx.tenant);
      return updateMonitoring(ctx.tx, input);
    }),
  recordInspection: tenantProcedure(writers)
    .input(ZRecordInspectionInput)
    .mutation(({ ctx, input }) => {
      statutoryOf(ctx.tenant);
      return recordInspection(ctx.tx, { ...input, tenantId: ctx.tenant.id });
    }),
});
