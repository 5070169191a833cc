import { commissionedProviders, commissioningUsers, managers, officers } from '../access/role-groups';
import { assertCommissioner, assertProvider, commissioningSideOf } from '../commissioning/commissioning-side';
import {
  addContractSchool,
  createContract,
  endContract,
  laContractDetail,
  listLaContracts,
  listProviders,
  listRegisterSchools,
  removeContractSchool,
  revokeContract,
  setFundedDays,
  ZAddContractSchoolInput,
  ZContractIdInput,
  ZContractSchoolInput,
  ZCreateContractInput,
  ZSetFundedDaysInput,
} from '../commissioning/la-contracts';
import {
  assignPartner,
  listPartners,
  listProviderContracts,
  logDelivery,
  providerContractDetail,
  sccSummaryForProvider,
  ZAssignPartnerInput,
  ZLogDeliveryInput,
  ZSccSummaryInput,
} from '../commissioning/provider-contracts';
import { router, tenantProcedure } from '../trpc';

export const commissioningRouter = router({
  /** Contracts this LA commissions, or (in a provider workspace) contracts commissioning it. */
  list: tenantProcedure({ module: 'commissioning', roles: commissioningUsers }).query(({ ctx }) => {
    const side = commissioningSideOf(ctx.actor);
    return side.side === 'la' ? listLaContracts(ctx.tx, side) : listProviderContracts(ctx.tx, side);
  }),
  byId: tenantProcedure({ module: 'commissioning', roles: commissioningUsers })
    .input(ZContractIdInput)
    .query(async ({ ctx, input }) => {
      const side = commissioningSideOf(ctx.actor);
      if (side.side === 'la')
        return { side: 'la' as const, ...(await laContractDetail(ctx.tx, { ...side, id: input.id })) };
      return {
        side: 'provider' as const,
        ...(await providerContractDetail(ctx.tx, { ...side, id: input.id })),
      };
    }),

  // The commissioning LA.
  providers: tenantProcedure({ module: 'commissioning', roles: officers }).query(({ ctx }) => {
    assertCommissioner(ctx.actor);
    return listProviders(ctx.tx);
  }),
  registerSchools: tenantProcedure({ module: 'commissioning', roles: officers }).query(({ ctx }) => {
    assertCommissioner(ctx.actor);
    return listRegisterSchools(ctx.tx);
  }),
  create: tenantProcedure({ module: 'commissioning', roles: officers })
    .input(ZCreateContractInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.actor);
      return createContract(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        laName: ctx.actor.name,
        appUrl: ctx.actor.appUrl,
      });
    }),
  addSchool: tenantProcedure({ module: 'commissioning', roles: officers })
    .input(ZAddContractSchoolInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.actor);
      return addContractSchool(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        laName: ctx.actor.name,
        appUrl: ctx.actor.appUrl,
      });
    }),
  setFundedDays: tenantProcedure({ module: 'commissioning', roles: officers })
    .input(ZSetFundedDaysInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.actor);
      return setFundedDays(ctx.tx, { ...input, tenantId: ctx.actor.tenantId });
    }),
  removeSchool: tenantProcedure({ module: 'commissioning', roles: officers })
    .input(ZContractSchoolInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.actor);
      return removeContractSchool(ctx.tx, { ...input, tenantId: ctx.actor.tenantId });
    }),
  end: tenantProcedure({ module: 'commissioning', roles: officers })
    .input(ZContractIdInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.actor);
      return endContract(ctx.tx, { tenantId: ctx.actor.tenantId, id: input.id });
    }),
  revoke: tenantProcedure({ module: 'commissioning', roles: officers })
    .input(ZContractIdInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.actor);
      return revokeContract(ctx.tx, {
        tenantId: ctx.actor.tenantId,
        id: input.id,
        actorUserId: ctx.actor.userId,
      });
    }),

  // The commissioned provider.
  partners: tenantProcedure({ module: 'commissioning', roles: managers }).query(({ ctx }) => {
    assertProvider(ctx.actor);
    return listPartners(ctx.tx, { tenantId: ctx.actor.tenantId });
  }),
  assignPartner: tenantProcedure({ module: 'commissioning', roles: managers })
    .input(ZAssignPartnerInput)
    .mutation(({ ctx, input }) => {
      assertProvider(ctx.actor);
      return assignPartner(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        userId: ctx.actor.userId,
        slug: ctx.actor.slug,
        appUrl: ctx.actor.appUrl,
      });
    }),
  logDelivery: tenantProcedure({ module: 'commissioning', roles: commissionedProviders })
    .input(ZLogDeliveryInput)
    .mutation(({ ctx, input }) => {
      assertProvider(ctx.actor);
      return logDelivery(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        userId: ctx.actor.userId,
        partnerOnly: !ctx.actor.memberships.some((m) => m.role === 'tenant_admin'),
      });
    }),
  /** A covered school's SCC case and action plan, read-only, for the manager or the assigned partner. */
  sccSummary: tenantProcedure({ module: 'commissioning', roles: commissionedProviders })
    .input(ZSccSummaryInput)
    .query(({ ctx, input }) => {
      assertProvider(ctx.actor);
      return sccSummaryForProvider(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        userId: ctx.actor.userId,
        partnerOnly: !ctx.actor.memberships.some((m) => m.role === 'tenant_admin'),
      });
    }),
});
