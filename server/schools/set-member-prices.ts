import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { schools } from '~/db/schema';
import { DomainError } from '../errors/domain-error';

export const ZSetMemberPricesInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  member: z.boolean(),
});

/**
 * Whether a school pays the workspace's member prices (a partnership agreement, a buy-back): the manager records
 * it when the agreement is signed or ends. Prices already charged and subscriptions already taken keep theirs.
 */
export async function setMemberPrices(tx: Tx, input: z.infer<typeof ZSetMemberPricesInput>) {
  const [updated] = await tx
    .update(schools)
    .set({ isPartnershipMember: input.member, updatedAt: sql`now()` })
    .where(eq(schools.id, input.schoolId))
    .returning({ id: schools.id, member: schools.isPartnershipMember });
  if (!updated) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  return updated;
}
