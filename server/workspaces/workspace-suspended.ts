import { TRPCError } from '@trpc/server';
import type { Tenant } from './find-tenant';

/** The cause of the refusal when a workspace is suspended, so pages can show their own clear page. */
export class WorkspaceSuspendedError extends Error {
  constructor(readonly slug: string) {
    super('workspace suspended');
  }
}

/** Nobody signs in to a suspended workspace; its data is kept until it is reinstated. */
export function workspaceSuspended(tenant: Pick<Tenant, 'name' | 'slug'>): TRPCError {
  return new TRPCError({
    code: 'FORBIDDEN',
    message: `${tenant.name} is suspended: nobody can sign in to it at present. Its data is kept.`,
    cause: new WorkspaceSuspendedError(tenant.slug),
  });
}
