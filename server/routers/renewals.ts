import { z } from 'zod';
import { todayInLondon } from '../catalogue/academic-year';
import { getRenewalOffer } from '../renewals/get-renewal-offer';
import { getUptake } from '../renewals/get-uptake';
import { openRenewals, ZOpenRenewalsInput } from '../renewals/open-renewals';
import { respondToRenewal, ZRenewalAnswer } from '../renewals/respond-to-renewal';
import { sendRenewalReminders } from '../renewals/send-reminders';
import { renewalLinkProcedure, router, tenantProcedure } from '../trpc';

export const renewalsRouter = router({
  open: tenantProcedure(['tenant_admin'])
    .input(ZOpenRenewalsInput)
    .mutation(({ ctx, input }) =>
      openRenewals(ctx.tx, {
        ...input,
        tenantId: ctx.tenant.id,
        tenantSlug: ctx.tenant.slug,
        providerName: ctx.tenant.name,
        appUrl: ctx.appUrl,
        actorUserId: ctx.user.id,
        today: todayInLondon(),
      }),
    ),
  remind: tenantProcedure(['tenant_admin'])
    .input(z.object({ roundId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      sendRenewalReminders(ctx.tx, {
        roundId: input.roundId,
        tenantId: ctx.tenant.id,
        tenantSlug: ctx.tenant.slug,
        providerName: ctx.tenant.name,
        appUrl: ctx.appUrl,
      }),
    ),
  uptake: tenantProcedure(['tenant_admin', 'finance']).query(({ ctx }) => getUptake(ctx.tx)),
  /** The one-click page: what this school is offered next year. */
  offer: renewalLinkProcedure.query(({ ctx }) => getRenewalOffer(ctx.tx, ctx.link.invitationId)),
  respond: renewalLinkProcedure.input(z.object({ answer: ZRenewalAnswer })).mutation(({ ctx, input }) =>
    respondToRenewal(ctx.tx, {
      tenantId: ctx.tenant.id,
      invitationId: ctx.link.invitationId,
      userId: ctx.link.userId,
      today: todayInLondon(),
      answer: input.answer,
    }),
  ),
});
