import { z } from 'zod';
import { academicYearOf, todayInLondon } from '../catalogue/academic-year';
import { TRPCError } from '@trpc/server';
import { adjustEntitlement, ZAdjustEntitlementInput } from '../entitlements/adjust-entitlement';
import { expireEntitlements } from '../entitlements/expire-entitlements';
import { getStatement } from '../entitlements/get-statement';
import { router, tenantProcedure } from '../trpc';
import { assertMaySeeSchool } from '../workspaces/school-scope';

export const entitlementsRouter = router({
  statement: tenantProcedure(['tenant_admin', 'finance', 'adviser', 'school_admin'])
    .input(
      z.object({
        schoolId: z.uuid({ message: 'Choose a school.' }),
        academicYear: z.number().int().optional(),
      }),
    )
    .query(({ ctx, input }) => {
      assertMaySeeSchool(ctx.memberships, input.schoolId);
      return getStatement(ctx.tx, {
        schoolId: input.schoolId,
        academicYear: input.academicYear ?? academicYearOf(todayInLondon()),
      });
    }),
  adjust: tenantProcedure(['tenant_admin'])
    .input(ZAdjustEntitlementInput)
    .mutation(({ ctx, input }) =>
      adjustEntitlement(ctx.tx, { ...input, tenantId: ctx.tenant.id, actorUserId: ctx.user.id }),
    ),
  /** Year end: what schools did not use of a finished year lapses. */
  expireYear: tenantProcedure(['tenant_admin'])
    .input(z.object({ academicYear: z.number().int().min(2000).max(2100) }))
    .mutation(({ ctx, input }) => {
      if (input.academicYear >= academicYearOf(todayInLondon())) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'Only a year that has ended can be closed.' });
      }
      return expireEntitlements(ctx.tx, { tenantId: ctx.tenant.id, academicYear: input.academicYear });
    }),
});
