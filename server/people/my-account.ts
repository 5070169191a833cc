import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { users } from '~/db/schema';
import { DomainError } from '../errors/domain-error';
import { hasOwnName } from '../format/person-name';
import { pendingSignInAddressChange } from './change-sign-in-address';
import { listWorkspacesOfUser } from '../workspaces/list-memberships';

export const ZUpdateMyAccountInput = z.object({
  name: z.string().trim().min(2, 'Enter your name.').max(120, 'Your name can be up to 120 characters.'),
  /** Empty for none. */
  jobTitle: z.string().trim().max(120, 'Your job title can be up to 120 characters.'),
});

/**
 * The signed-in person's own account: how they are named to others (on registers, notes of visit, emails,
 * the advisers' list), the address they sign in with (and a new one waiting for its link), and the workspaces
 * they belong to. `namedYet` is false
 * while the name is still the stand-in made from their address at first sign-in.
 */
export async function getMyAccount(tx: Tx, userId: string) {
  const [user] = await tx
    .select({ name: users.name, email: users.email, jobTitle: users.jobTitle })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new DomainError({ code: 'NOT_FOUND', message: 'Your account could not be found.' });
  return {
    ...user,
    name: hasOwnName(user) ? user.name : '',
    namedYet: hasOwnName(user),
    workspaces: await listWorkspacesOfUser(tx, userId),
    /** A new sign-in address asked for and not yet confirmed by its link, or null. */
    pendingSignInAddress: await pendingSignInAddressChange(tx, userId),
  };
}

/**
 * Renames the person's own account. The address is not changed here: it is how they sign in, and a new one
 * has to be proved by a link sent to it (`change-sign-in-address.ts`).
 */
export async function updateMyAccount(tx: Tx, userId: string, input: z.infer<typeof ZUpdateMyAccountInput>) {
  const [saved] = await tx
    .update(users)
    .set({ name: input.name, jobTitle: input.jobTitle || null })
    .where(eq(users.id, userId))
    .returning({ name: users.name, jobTitle: users.jobTitle });
  if (!saved) throw new DomainError({ code: 'NOT_FOUND', message: 'Your account could not be found.' });
  return saved;
}
