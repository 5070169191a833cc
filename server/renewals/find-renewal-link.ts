import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { renewalLinks } from '~/db/schema';
import { hashRenewalToken } from './renewal-token';

/** The person and invitation a one-click token stands for, within the current tenant. */
export async function findRenewalLink(tx: Tx, token: string) {
  const [link] = await tx
    .select({ userId: renewalLinks.userId, invitationId: renewalLinks.invitationId })
    .from(renewalLinks)
    .where(eq(renewalLinks.tokenHash, hashRenewalToken(token)));
  return link;
}
