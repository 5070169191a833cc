import { DomainError } from '~/server/errors/domain-error';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { adviserRequests, memberships } from '~/db/schema';
import { membershipsHere } from '../workspaces/memberships-here';

export const ZAssignAdviserInput = z.object({
  requestId: z.uuid({ message: 'Choose a request.' }),
  adviserUserId: z.uuid({ message: 'Choose an adviser.' }),
});

/** The manager gives a request to one of the workspace's advisers (employed or associate). */
export async function assignAdviser(tx: Tx, input: z.infer<typeof ZAssignAdviserInput>) {
  const [adviser] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(membershipsHere, eq(memberships.userId, input.adviserUserId), eq(memberships.role, 'adviser')),
    );
  if (!adviser)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That adviser is not part of this workspace.' });
  const [updated] = await tx
    .update(adviserRequests)
    .set({ adviserUserId: input.adviserUserId, status: 'assigned' })
    .where(
      and(
        eq(adviserRequests.id, input.requestId),
        inArray(adviserRequests.status, ['requested', 'assigned']),
      ),
    )
    .returning({ id: adviserRequests.id });
  if (!updated) {
    const [exists] = await tx.select().from(adviserRequests).where(eq(adviserRequests.id, input.requestId));
    if (!exists) throw new DomainError({ code: 'NOT_FOUND', message: 'That request was not found.' });
    throw new DomainError({
      code: 'CONFLICT',
      message: `That request is ${exists.status} and can no longer be assigned.`,
    });
  }
  return { id: updated.id, adviserUserId: input.adviserUserId };
}
