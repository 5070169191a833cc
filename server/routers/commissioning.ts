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

const readers = ['tenant_admin', 'la_officer', 'finance', 'adviser'] as const;
const commissioners = ['tenant_admin', 'la_officer'] as const;

export const commissioningRouter = router({
  /** Contracts this LA commissions, or (in a provider workspace) contracts commissioning it. */
  list: tenantProcedure(readers).query(({ ctx }) => {
    const side = commissioningSideOf(
      ctx.tenant,
      ctx.memberships.map((m) => m.role),
      ctx.user.id,
    );
    return side.side === 'la' ? listLaContracts(ctx.tx, side) : listProviderContracts(ctx.tx, side);
  }),
  byId: tenantProcedure(readers)
    .input(ZContractIdInput)
    .query(async ({ ctx, input }) => {
      const side = commissioningSideOf(
        ctx.tenant,
        ctx.memberships.map((m) => m.role),
        ctx.user.id,
      );
      if (side.side === 'la')
        return { side: 'la' as const, ...(await laContractDetail(ctx.tx, { ...side, id: input.id })) };
      return {
        side: 'provider' as const,
        ...(await providerContractDetail(ctx.tx, { ...side, id: input.id })),
      };
    }),

  // The commissioning LA.
  providers: tenantProcedure(commissioners).query(({ ctx }) => {
    assertCommissioner(ctx.tenant);
    return listProviders(ctx.tx);
  }),
  registerSchools: tenantProcedure(commissioners).query(({ ctx }) => {
    assertCommissioner(ctx.tenant);
    return listRegisterSchools(ctx.tx);
  }),
  create: tenantProcedure(commissioners)
    .input(ZCreateContractInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.tenant);
      return createContract(ctx.tx, { ...input, tenantId: ctx.tenant.id });
    }),
  addSchool: tenantProcedure(commissioners)
    .input(ZAddContractSchoolInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.tenant);
      return addContractSchool(ctx.tx, { ...input, tenantId: ctx.tenant.id });
    }),
  setFundedDays: tenantProcedure(['tenant_admin', 'la_officer'])
    .input(ZSetFundedDaysInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.tenant);
      return setFundedDays(ctx.tx, { ...input, tenantId: ctx.tenant.id });
    }),
  removeSchool: tenantProcedure(commissioners)
    .input(ZContractSchoolInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.tenant);
      return removeContractSchool(ctx.tx, { ...input, tenantId: ctx.tenant.id });
    }),
  end: tenantProcedure(commissioners)
    .input(ZContractIdInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.tenant);
      return endContract(ctx.tx, { tenantId: ctx.tenant.id, id: input.id });
    }),
  revoke: tenantProcedure(commissioners)
    .input(ZContractIdInput)
    .mutation(({ ctx, input }) => {
      assertCommissioner(ctx.tenant);
      return revokeContract(ctx.tx, { tenantId: ctx.tenant.id, id: input.id, actorUserId: ctx.user.id });
    }),

  // The commissioned provider.
  partners: tenantProcedure(['tenant_admin']).query(({ ctx }) => {
    assertProvider(ctx.tenant);
    return listPartners(ctx.tx, { tenantId: ctx.tenant.id });
  }),
  assignPartner: tenantProcedure(['tenant_admin'])
    .input(ZAssignPartnerInput)
    .mutation(({ ctx, input }) => {
      assertProvider(ctx.tenant);
      return assignPartner(ctx.tx, { ...input, tenantId: ctx.tenant.id, userId: ctx.user.id });
    }),
  logDelivery: tenantProcedure(['tenant_admin', 'adviser'])
    .input(ZLogDeliveryInput)
    .mutation(({ ctx, input }) => {
      assertProvider(ctx.tenant);
      return logDelivery(ctx.tx, {
        ...input,
        tenantId: ctx.tenant.id,
        userId: ctx.user.id,
        partnerOnly: !ctx.memberships.some((m) => m.role === 'tenant_admin'),
      });
    }),
  /** A covered school's SCC case and action plan, read-only, for the manager or the assigned partner. */
  sccSummary: tenantProcedure(['tenant_admin', 'adviser'])
    .input(ZSccSummaryInput)
    .query(({ ctx, input }) => {
      assertProvider(ctx.tenant);
      return sccSummaryForProvider(ctx.tx, {
        ...input,
        tenantId: ctx.tenant.id,
        userId: ctx.user.id,
        partnerOnly: !ctx.memberships.some((m) => m.role === 'tenant_admin'),
      });
    }),
});
