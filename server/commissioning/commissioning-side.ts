import { TRPCError } from '@trpc/server';
import type { Role } from '~/db/schema';
import type { Tenant } from '../workspaces/find-tenant';
import type { ProviderViewer } from './provider-contracts';

/**
 * Which side of the commissioning link a caller is on. An LA workspace commissions (its managers, officers
 * and finance read; managers and officers write); a provider workspace is commissioned (its manager sees
 * everything, its advisers only the schools assigned to them).
 */
export type CommissioningSide = { side: 'la'; tenantId: string } | ({ side: 'provider' } & ProviderViewer);

const laReaders: readonly Role[] = ['tenant_admin', 'la_officer', 'finance'];
const providerReaders: readonly Role[] = ['tenant_admin', 'adviser'];

/** Commissioning is a module a workspace must have switched on. */
function assertModule(tenant: Pick<Tenant, 'modules'>): void {
  if (!tenant.modules.includes('commissioning'))
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Commissioning is not switched on for this workspace.',
    });
}

export function commissioningSideOf(
  tenant: Pick<Tenant, 'id' | 'kind' | 'modules'>,
  roles: readonly Role[],
  userId: string,
): CommissioningSide {
  assertModule(tenant);
  const refuse = () =>
    new TRPCError({ code: 'FORBIDDEN', message: 'Your role in this workspace does not allow this.' });
  if (tenant.kind === 'la') {
    if (!roles.some((r) => laReaders.includes(r))) throw refuse();
    return { side: 'la', tenantId: tenant.id };
  }
  if (!roles.some((r) => providerReaders.includes(r))) throw refuse();
  return {
    side: 'provider',
    tenantId: tenant.id,
    userId,
    partnerOnly: !roles.includes('tenant_admin'),
  };
}

/** LA-only changes (contracts, covered schools, funded days) refused in a provider workspace. */
export function assertCommissioner(tenant: Pick<Tenant, 'kind' | 'modules'>): void {
  assertModule(tenant);
  if (tenant.kind !== 'la')
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Only the commissioning local authority can change a contract, its schools or funded days.',
    });
}

/** Provider-only actions (assigning partners, logging delivery) refused in an LA workspace. */
export function assertProvider(tenant: Pick<Tenant, 'kind' | 'modules'>): void {
  assertModule(tenant);
  if (tenant.kind !== 'provider')
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Delivery is logged by the provider the contract commissions.',
    });
}
