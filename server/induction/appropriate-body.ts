import { schoolBoundRoles, type Role } from '~/db/schema';
import { hasRole, inductionAbStaff } from '../access/role-groups';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';

/**
 * Since September 2024 local authorities may not act as Appropriate Body (AB) for ECT induction; teaching
 * school hubs (and some partnerships) do. So the ECT register is a capability of a workspace of kind
 * `appropriate_body` with the induction module. For an LA or a provider, the induction module keeps its older
 * meaning: it sells ECT and mentor training through Courses.
 */
export function assertAppropriateBody(actor: Pick<Actor, 'kind' | 'name'>): void {
  if (actor.kind !== 'appropriate_body')
    throw new DomainError({
      code: 'FORBIDDEN',
      message: `${actor.name} is not an Appropriate Body. ECT induction records are kept by an Appropriate Body (a teaching school hub); local authorities may no longer act as one. ECT and mentor training is in Courses.`,
    });
}

/** The AB fee charged for each ECT a school registers (one configurable fee), in pence. */
export const defaultFeePerEctPence = 45_000;
export const feePerEctPence = (actor: Pick<Actor, 'settings'>) =>
  actor.settings.induction?.feePerEctPence ?? defaultFeePerEctPence;

/** True when the actor works for the AB (sees every ECT) rather than for a school or as an ECT. */
export const isAbStaff = (actor: Pick<Actor, 'roles'>) => hasRole(actor.roles, inductionAbStaff);

/** The schools a school-bound actor acts for (their headteacher / tutor memberships). */
export function ownSchoolIds(actor: Pick<Actor, 'memberships'>, roles?: readonly Role[]): string[] {
  return actor.memberships
    .filter(
      (m) =>
        (schoolBoundRoles as readonly Role[]).includes(m.role) &&
        m.role !== 'ect' &&
        (!roles || roles.includes(m.role)),
    )
    .flatMap((m) => (m.schoolId ? [m.schoolId] : []));
}

/** Whether the AB checks a school's registration before it takes effect (its setting; off when left out). */
export const checksRegistrations = (actor: Pick<Actor, 'settings'>) =>
  actor.settings.induction?.checkRegistrations ?? false;

/**
 * Whether a registration this actor makes waits for the AB's acceptance: a school's does where the AB checks
 * registrations; one made by the AB's own staff for a school takes effect at once (they have checked it).
 */
export const awaitsAcceptance = (actor: Pick<Actor, 'settings' | 'roles'>) =>
  checksRegistrations(actor) && !isAbStaff(actor);
