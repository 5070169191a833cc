import { catalogueReaders, managers } from '../access/role-groups';
import { z } from 'zod';
import { academicYearOf, todayInLondon } from '../catalogue/academic-year';
import { TRPCError } from '@trpc/server';
import { adjustEntitlement, ZAdjustEntitlementInput } from '../entitlements/adjust-entitlement';
import { expireEntitlements } from '../entitlements/expire-entitlements';
import { getStatement } from '../entitlements/get-statement';
import { reverseDrawdown, ZReverseDrawdownInput } from '../entitlements/reverse-drawdown';
import { router, tenantProcedure } from '../trpc';
import { assertMaySeeSchool } from '../workspaces/school-scope';

export const entitlementsRouter = router({
  statement: tenantProcedure({ module: 'traded', roles: catalogueReaders })
    .input(
      z.object({
        schoolId: z.uuid({ message: 'Choose a school.' }),
        academicYear: z.number().int().optional(),
      }),
    )
    .query(({ ctx, input }) => {
      assertMaySeeSchool(ctx.actor.memberships, input.schoolId);
      return getStatement(ctx.tx, {
        schoolId: input.schoolId,
        academicYear: input.academicYear ?? academicYearOf(todayInLondon()),
      });
    }),
  adjust: tenantProcedure({ module: 'traded', roles: managers })
    .input(ZAdjustEntitlementInput)
    .mutation(({ ctx, input }) =>
      adjustEntitlement(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        actorUserId: ctx.actor.userId,
        endsTransaction: true,
      }),
    ),
  /** The manager reverses a mistaken use, with a reason the school sees in its statement. */
  reverse: tenantProcedure({ module: 'traded', roles: managers })
    .input(ZReverseDrawdownInput)
    .mutation(({ ctx, input }) =>
      reverseDrawdown(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        actorUserId: ctx.actor.userId,
        today: todayInLondon(),
      }),
    ),
  /** Year end: what schools did not use of a finished year lapses. */
  expireYear: tenantProcedure({ module: 'traded', roles: managers })
    .input(z.object({ academicYear: z.number().int().min(2000).max(2100) }))
    .mutation(({ ctx, input }) => {
      if (input.academicYear >= academicYearOf(todayInLondon())) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'Only a year that has ended can be closed.' });
      }
      return expireEntitlements(ctx.tx, { tenantId: ctx.actor.tenantId, academicYear: input.academicYear });
    }),
});
