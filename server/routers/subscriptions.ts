import { z } from 'zod';
import { academicYearOf, todayInLondon } from '../catalogue/academic-year';
import { cancelSubscription, ZCancelSubscriptionInput } from '../subscriptions/cancel-subscription';
import { listSubscriptionHistory, listSubscriptions } from '../subscriptions/list-subscriptions';
import { subscribeSchool, ZSubscribeInput } from '../subscriptions/subscribe-school';
import { router, tenantProcedure } from '../trpc';
import { assertMaySeeSchool, scopeToSchool } from '../workspaces/school-scope';

export const subscriptionsRouter = router({
  /** One school's subscriptions (school users: their own), or every school's for staff. */
  list: tenantProcedure(['tenant_admin', 'finance', 'school_admin'])
    .input(z.object({ academicYear: z.number().int().optional(), schoolId: z.uuid().optional() }))
    .query(({ ctx, input }) =>
      listSubscriptions(ctx.tx, {
        academicYear: input.academicYear ?? academicYearOf(todayInLondon()),
        schoolId: scopeToSchool(ctx.memberships, input.schoolId),
      }),
    ),
  history: tenantProcedure(['tenant_admin', 'finance'])
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => listSubscriptionHistory(ctx.tx, input.id)),
  subscribe: tenantProcedure(['tenant_admin', 'school_admin'])
    .input(ZSubscribeInput)
    .mutation(({ ctx, input }) => {
      assertMaySeeSchool(ctx.memberships, input.schoolId);
      return subscribeSchool(ctx.tx, {
        ...input,
        tenantId: ctx.tenant.id,
        actorUserId: ctx.user.id,
        today: todayInLondon(),
      });
    }),
  cancel: tenantProcedure(['tenant_admin'])
    .input(ZCancelSubscriptionInput)
    .mutation(({ ctx, input }) =>
      cancelSubscription(ctx.tx, {
        ...input,
        tenantId: ctx.tenant.id,
        actorUserId: ctx.user.id,
        today: todayInLondon(),
      }),
    ),
});
