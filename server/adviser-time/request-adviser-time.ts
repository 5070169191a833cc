import { DomainError } from '~/server/errors/domain-error';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { adviserRequests } from '~/db/schema';
import { getCatalogueItem } from '../catalogue/list-catalogue';
import { refuseIfClosed } from '../schools/closed-school';
import { loadBuyer } from '../subscriptions/quote-for-school';

export const ZRequestAdviserTimeInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  serviceId: z.uuid({ message: 'Choose what you need.' }),
  preferredDates: z.string().trim().min(3, 'Tell us when would suit, e.g. "any Tuesday in March".').max(300),
  details: z.string().trim().max(2000).default(''),
});

/** A school asks for adviser time: a school review, a consultancy day, a governance review. */
export async function requestAdviserTime(
  tx: Tx,
  input: z.output<typeof ZRequestAdviserTimeInput> & { tenantId: string; actorUserId: string },
) {
  const [school, service] = await Promise.all([
    loadBuyer(tx, input.schoolId),
    getCatalogueItem(tx, input.serviceId),
  ]);
  if (service.kind !== 'service' || !service.active) {
    throw new DomainError({ code: 'BAD_REQUEST', message: 'Choose one of the services on offer.' });
  }
  refuseIfClosed(school, 'adviserTime');
  const [request] = await tx
    .insert(adviserRequests)
    .values({
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      serviceId: input.serviceId,
      preferredDates: input.preferredDates,
      details: input.details,
      requestedByUserId: input.actorUserId,
    })
    .returning({ id: adviserRequests.id });
  if (!request) throw new Error('could not save the request');
  return { id: request.id };
}
