import { DomainError } from '~/server/errors/domain-error';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { adviserRequests } from '~/db/schema';

export const ZCancelRequestInput = z.object({ id: z.uuid({ message: 'Choose a request.' }) });

/** A request not yet delivered can be withdrawn; nothing was drawn for it, so nothing is given back. */
export async function cancelRequest(tx: Tx, input: { id: string; schoolId?: string }) {
  const [updated] = await tx
    .update(adviserRequests)
    .set({ status: 'cancelled' })
    .where(
      and(
        eq(adviserRequests.id, input.id),
        input.schoolId ? eq(adviserRequests.schoolId, input.schoolId) : undefined,
        inArray(adviserRequests.status, ['requested', 'assigned']),
      ),
    )
    .returning({ id: adviserRequests.id });
  if (!updated) {
    throw new DomainError({
      code: 'NOT_FOUND',
      message: 'That request was not found, or it has already been delivered.',
    });
  }
  return updated;
}
