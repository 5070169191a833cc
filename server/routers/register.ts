import { hasRole, managers, monitoringReaders, officers } from '../access/role-groups';
import {
  monitoringSettingsView,
  updateMonitoringSettings,
  ZMonitoringSettingsInput,
} from '../monitoring/update-monitoring-settings';
import { z } from 'zod';
import { schoolRequirements } from '../casework/school-requirements';
import {
  issueCategorisationLetters,
  ZCategorisationLettersInput,
} from '../monitoring/categorisation-letters';
import { changeCategory, ZChangeCategoryInput } from '../monitoring/change-category';
import { registerCsv } from '../monitoring/export-register';
import { getRegisterSchool } from '../monitoring/get-register-school';
import { listMonitoringAdvisers } from '../monitoring/list-advisers';
import { listRegister, listRegisterWithPhases, ZRegisterFilters } from '../monitoring/list-register';
import { ZRecordInspectionInput } from '../monitoring/ofsted-results';
import { visitRuleFor } from '../monitoring/plan-visits';
import { recordInspection } from '../monitoring/record-inspection';
import {
  addToRegister,
  removeFromRegister,
  schoolsOffRegister,
  ZRegisterChangeInput,
} from '../monitoring/register-membership';
import { monitoringNeedsAttention } from '../monitoring/needs-attention';
import { linkAdviserTitleOf, statutoryOf } from '../monitoring/require-statutory';
import {
  setAdvisers,
  updateMonitoring,
  ZSetAdvisersInput,
  ZUpdateMonitoringInput,
} from '../monitoring/update-monitoring';
import { todayInLondon } from '../catalogue/academic-year';
import { router, tenantProcedure } from '../trpc';

export const registerRouter = router({
  /**
   * The register, filtered and sorted, with what its page needs besides: the vocabulary, the advisers (the
   * adviser filter) and, for officers, the schools not on it (the add form). One call, one transaction, its
   * reads sent together.
   */
  list: tenantProcedure({ module: 'statutory', roles: monitoringReaders })
    .input(ZRegisterFilters)
    .query(async ({ ctx, input }) => {
      const settings = statutoryOf(ctx.actor);
      const [register, advisers, offRegister] = await Promise.all([
        listRegisterWithPhases(ctx.tx, settings, input),
        listMonitoringAdvisers(ctx.tx),
        hasRole(ctx.actor.roles, officers) ? schoolsOffRegister(ctx.tx) : [],
      ]);
      return {
        /** rows (filtered) and phases (those of the register's schools worth filtering by). */
        ...register,
        advisers,
        offRegister,
        categories: settings.categories,
        linkAdviserTitle: linkAdviserTitleOf(ctx.actor),
      };
    }),
  exportCsv: tenantProcedure({ module: 'statutory', roles: monitoringReaders })
    .input(ZRegisterFilters)
    .query(async ({ ctx, input }) => {
      const rows = await listRegister(ctx.tx, statutoryOf(ctx.actor), input);
      return {
        filename: `${ctx.actor.slug}-school-register.csv`,
        csv: registerCsv(rows, linkAdviserTitleOf(ctx.actor)),
      };
    }),
  school: tenantProcedure({ module: 'statutory', roles: monitoringReaders })
    .input(z.object({ schoolId: z.uuid({ message: 'Choose a school.' }) }))
    .query(async ({ ctx, input }) => {
      const settings = statutoryOf(ctx.actor);
      const record = await getRegisterSchool(ctx.tx, settings, input.schoolId);
      return {
        ...record,
        requirements: await schoolRequirements(ctx.tx, ctx.actor.settings, input.schoolId),
        /** How many visits a year the rules give this school, and why ("per Statement of Action"). */
        visitRule: visitRuleFor(record.entry, settings),
        categories: settings.categories,
        linkAdviserTitle: linkAdviserTitleOf(ctx.actor),
      };
    }),
  /**
   * The dashboard's monitoring figures: categories of concern, the concern register, visits overdue and due this
   * term, overdue action-plan items, open warning notices (an adviser's: their own visits and cases).
   */
  needsAttention: tenantProcedure({ module: 'statutory', roles: monitoringReaders }).query(({ ctx }) =>
    monitoringNeedsAttention(ctx.tx, ctx.actor, todayInLondon()),
  ),
  advisers: tenantProcedure({ module: 'statutory', roles: monitoringReaders }).query(({ ctx }) => {
    return listMonitoringAdvisers(ctx.tx);
  }),
  changeCategory: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZChangeCategoryInput)
    .mutation(({ ctx, input }) =>
      changeCategory(ctx.tx, statutoryOf(ctx.actor), {
        ...input,
        tenantId: ctx.actor.tenantId,
        actorUserId: ctx.actor.userId,
      }),
    ),
  setAdvisers: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZSetAdvisersInput)
    .mutation(({ ctx, input }) => {
      return setAdvisers(ctx.tx, input);
    }),
  updateMonitoring: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZUpdateMonitoringInput)
    .mutation(({ ctx, input }) => {
      return updateMonitoring(ctx.tx, input);
    }),
  recordInspection: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZRecordInspectionInput)
    .mutation(({ ctx, input }) => {
      return recordInspection(ctx.tx, statutoryOf(ctx.actor), {
        ...input,
        tenantId: ctx.actor.tenantId,
        actorUserId: ctx.actor.userId,
      });
    }),
  /** The annual categorisation letters to every maintained school on the register (PDF, emailed). */
  issueCategorisationLetters: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZCategorisationLettersInput)
    .mutation(({ ctx, input }) => issueCategorisationLetters(ctx.tx, ctx.actor, input)),
  /** Schools of the workspace not on the active register, for adding one by hand. */
  offRegister: tenantProcedure({ module: 'statutory', roles: officers }).query(({ ctx }) =>
    schoolsOffRegister(ctx.tx),
  ),
  addSchool: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZRegisterChangeInput)
    .mutation(({ ctx, input }) =>
      addToRegister(ctx.tx, statutoryOf(ctx.actor), {
        ...input,
        tenantId: ctx.actor.tenantId,
        actorUserId: ctx.actor.userId,
      }),
    ),
  removeSchool: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZRegisterChangeInput)
    .mutation(({ ctx, input }) => removeFromRegister(ctx.tx, input)),
  /** The LA's monitoring vocabulary and cadence (its own policy's words), for its manager to set. */
  settings: tenantProcedure({ module: 'statutory', roles: managers }).query(({ ctx }) =>
    monitoringSettingsView(ctx.actor.settings),
  ),
  updateSettings: tenantProcedure({ module: 'statutory', roles: managers })
    .input(ZMonitoringSettingsInput)
    .mutation(({ ctx, input }) => updateMonitoringSettings(ctx.tx, ctx.actor, input)),
});
