import { buyers, financeUsers, managers, schoolManagers } from '../access/role-groups';
import { z } from 'zod';
import { academicYearOf, todayInLondon } from '../catalogue/academic-year';
import { cancelSubscription, ZCancelSubscriptionInput } from '../subscriptions/cancel-subscription';
import { listSubscriptionHistory, listSubscriptions } from '../subscriptions/list-subscriptions';
import { confirmSubscription } from '../subscriptions/confirm-subscription';
import { subscribeSchool, ZSubscribeInput } from '../subscriptions/subscribe-school';
import { router, tenantProcedure } from '../trpc';
import { assertMaySeeSchool, scopeToSchool } from '../workspaces/school-scope';

export const subscriptionsRouter = router({
  /** One school's subscriptions (school users: their own), or every school's for staff. */
  list: tenantProcedure({ module: 'traded', roles: buyers })
    .input(z.object({ academicYear: z.number().int().optional(), schoolId: z.uuid().optional() }))
    .query(({ ctx, input }) =>
      listSubscriptions(ctx.tx, {
        academicYear: input.academicYear ?? academicYearOf(todayInLondon()),
        schoolId: scopeToSchool(ctx.actor.memberships, input.schoolId),
      }),
    ),
  history: tenantProcedure({ module: 'traded', roles: financeUsers })
    .input(z.object({ id: z.uuid() }))
    .query(({ ctx, input }) => listSubscriptionHistory(ctx.tx, input.id)),
  subscribe: tenantProcedure({ module: 'traded', roles: schoolManagers })
    .input(ZSubscribeInput)
    .mutation(async ({ ctx, input }) => {
      assertMaySeeSchool(ctx.actor.memberships, input.schoolId);
      const today = todayInLondon();
      const subscribed = await subscribeSchool(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        actorUserId: ctx.actor.userId,
        today,
        perRegisteredEct: ctx.actor.kind === 'appropriate_body',
      });
      // The order confirmation goes out with the subscription (queued in its transaction, sent after commit).
      const confirmationsSent = await confirmSubscription(ctx.tx, ctx.actor, {
        subscriptionId: subscribed.id,
        today,
      });
      return { ...subscribed, confirmationsSent };
    }),
  cancel: tenantProcedure({ module: 'traded', roles: managers })
    .input(ZCancelSubscriptionInput)
    .mutation(({ ctx, input }) =>
      cancelSubscription(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        actorUserId: ctx.actor.userId,
        today: todayInLondon(),
      }),
    ),
});
