import { z } from 'zod';
import { academicYearOf, todayInLondon } from '../catalogue/academic-year';
import { adjustEntitlement, ZAdjustEntitlementInput } from '../entitlements/adjust-entitlement';
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
});
