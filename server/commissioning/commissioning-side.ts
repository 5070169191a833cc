import { DomainError } from '~/server/errors/domain-error';
import type { Actor } from '../access/actor';
import { commissionedProviders, commissioners, hasRole, managers } from '../access/role-groups';
import type { ProviderViewer } from './provider-contracts';

/**
 * Which side of the commissioning link a caller is on. An LA workspace commissions (its managers, officers
 * and finance read; managers and officers write); a provider workspace is commissioned (its manager sees
 * everything, its advisers only the schools assigned to them).
 */
export type CommissioningSide = { side: 'la'; tenantId: string } | ({ side: 'provider' } & ProviderViewer);

type SideActor = Pick<Actor, 'tenantId' | 'kind' | 'roles' | 'userId'>;

export function commissioningSideOf(actor: SideActor): CommissioningSide {
  const refuse = () =>
    new DomainError({ code: 'FORBIDDEN', message: 'Your role in this workspace does not allow this.' });
  if (actor.kind === 'la') {
    if (!hasRole(actor.roles, commissioners)) throw refuse();
    return { side: 'la', tenantId: actor.tenantId };
  }
  // Commissioning links an LA and a provider; an appropriate body is neither side of a contract.
  if (actor.kind !== 'provider') throw refuse();
  if (!hasRole(actor.roles, commissionedProviders)) throw refuse();
  return {
    side: 'provider',
    tenantId: actor.tenantId,
    userId: actor.userId,
    partnerOnly: !hasRole(actor.roles, managers),
  };
}

/** LA-only changes (contracts, covered schools, funded days) refused in a provider workspace. */
export function assertCommissioner(actor: Pick<Actor, 'kind'>): void {
  if (actor.kind !== 'la')
    throw new DomainError({
      code: 'FORBIDDEN',
      message: 'Only the commissioning local authority can change a contract, its schools or funded days.',
    });
}

/** Provider-only actions (assigning partners, logging delivery) refused in an LA workspace. */
export function assertProvider(actor: Pick<Actor, 'kind'>): void {
  if (actor.kind !== 'provider')
    throw new DomainError({
      code: 'FORBIDDEN',
      message: 'Delivery is logged by the provider the contract commissions.',
    });
}
