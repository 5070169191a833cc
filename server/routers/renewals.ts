import { financeUsers, managers } from '../access/role-groups';
import { z } from 'zod';
import { todayInLondon } from '../catalogue/academic-year';
import { priceNamesOf } from '../catalogue/price-names';
import { getRenewalOffer } from '../renewals/get-renewal-offer';
import { getUptake } from '../renewals/get-uptake';
import { openRenewals, ZOpenRenewalsInput } from '../renewals/open-renewals';
import { respondToRenewal, ZRenewalAnswer } from '../renewals/respond-to-renewal';
import { sendRenewalReminders } from '../renewals/send-reminders';
import { renewalLinkProcedure, router, tenantProcedure } from '../trpc';

export const renewalsRouter = router({
  open: tenantProcedure({ module: 'traded', roles: managers })
    .input(ZOpenRenewalsInput)
    .mutation(({ ctx, input }) =>
      openRenewals(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        tenantSlug: ctx.actor.slug,
        providerName: ctx.actor.name,
        appUrl: ctx.actor.appUrl,
        actorUserId: ctx.actor.userId,
        today: todayInLondon(),
      }),
    ),
  remind: tenantProcedure({ module: 'traded', roles: managers })
    .input(z.object({ roundId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      sendRenewalReminders(ctx.tx, {
        roundId: input.roundId,
        tenantId: ctx.actor.tenantId,
        tenantSlug: ctx.actor.slug,
        providerName: ctx.actor.name,
        appUrl: ctx.actor.appUrl,
      }),
    ),
  uptake: tenantProcedure({ module: 'traded', roles: financeUsers }).query(({ ctx }) => getUptake(ctx.tx)),
  /** The one-click page: what this school is offered next year. */
  offer: renewalLinkProcedure.query(async ({ ctx }) => ({
    ...(await getRenewalOffer(ctx.tx, ctx.link.invitationId)),
    /** Who is asking, and what it calls its prices: the page words its answers in them. */
    providerName: ctx.tenant.name,
    priceNames: priceNamesOf(ctx.tenant.settings),
  })),
  respond: renewalLinkProcedure.input(z.object({ answer: ZRenewalAnswer })).mutation(({ ctx, input }) =>
    respondToRenewal(ctx.tx, {
      tenantId: ctx.tenant.id,
      providerName: ctx.tenant.name,
      invitationId: ctx.link.invitationId,
      userId: ctx.link.userId,
      today: todayInLondon(),
      answer: input.answer,
    }),
  ),
});
