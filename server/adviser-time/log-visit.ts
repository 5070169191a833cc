import { DomainError } from '~/server/errors/domain-error';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { adviserProfiles, adviserRequests, adviserVisits } from '~/db/schema';
import { getCatalogueItem } from '../catalogue/list-catalogue';
import { unitPriceFor } from '../catalogue/pricing';
import type { PartialCover } from '../entitlements/draw-down-entitlement';
import { recordServiceUse } from '../entitlements/record-service-use';
import { loadBuyer } from '../subscriptions/quote-for-school';

/** Hours in an adviser day, for converting logged time between days and hours. */
export const HOURS_PER_DAY = 6;

export const ZLogVisitInput = z.object({
  requestId: z.uuid({ message: 'Choose a request.' }),
  visitDate: z.iso.date({ message: 'Enter the date of the visit.' }),
  duration: z.object({
    amount: z.number().positive('Enter how long the visit took.').max(50),
    unit: z.enum(['day', 'half_day', 'hour']),
  }),
  summary: z.string().trim().min(10, 'Summarise the visit in a sentence or two.').max(5000),
  /**
   * The school's entitlement line to draw from ('' = the general line of the service's unit); left out, the
   * service's own line.
   */
  category: z.string().trim().max(80).optional(),
});
export type TLogVisitInput = z.input<typeof ZLogVisitInput>;

const daysOf = (d: { amount: number; unit: 'day' | 'half_day' | 'hour' }) =>
  d.unit === 'day' ? d.amount : d.unit === 'half_day' ? d.amount / 2 : d.amount / HOURS_PER_DAY;

/** How many of the service a visit uses: time-priced services by the time taken; others once per visit. */
function serviceQuantityHundredths(basis: string, days: number) {
  if (basis === 'day') return Math.round(days * 100);
  if (basis === 'half_day') return Math.round(days * 200);
  if (basis === 'hour') return Math.round(days * HOURS_PER_DAY * 100);
  return 100;
}

/**
 * The adviser records a delivered visit. In the same transaction it draws down the school's entitlement or
 * charges it, prices the visit (income) and costs it (the adviser's day rate), and completes the request.
 */
export async function logVisit(
  tx: Tx,
  input: z.output<typeof ZLogVisitInput> & {
    tenantId: string;
    actorUserId: string;
    onBehalf: boolean;
    partialCover?: PartialCover;
  },
) {
  const [request] = await tx
    .select()
    .from(adviserRequests)
    .where(eq(adviserRequests.id, input.requestId))
    .for('update');
  if (!request) throw new DomainError({ code: 'NOT_FOUND', message: 'That request was not found.' });
  // An adviser logs only their own assignments; a manager may log on an adviser's behalf.
  if (!input.onBehalf && request.adviserUserId !== input.actorUserId) {
    throw new DomainError({ code: 'NOT_FOUND', message: 'That request was not found.' });
  }
  if (request.status !== 'assigned' || !request.adviserUserId) {
    throw new DomainError({
      code: 'CONFLICT',
      message: 'Only an assigned request that is not yet complete can be logged.',
    });
  }
  const days = daysOf(input.duration);
  const [service, buyer, profile] = await Promise.all([
    getCatalogueItem(tx, request.serviceId),
    loadBuyer(tx, request.schoolId),
    tx
      .select()
      .from(adviserProfiles)
      .where(and(eq(adviserProfiles.userId, request.adviserUserId)))
      .then((rows) => rows[0]),
  ]);
  const quantityHundredths = serviceQuantityHundredths(service.pricingBasis, days);
  const { unitPricePence } = unitPriceFor(service, service.bands, buyer);
  const valuePence = Math.round((unitPricePence * quantityHundredths) / 100);
  const costPence = Math.round((profile?.dayRatePence ?? 0) * days);
  const visitId = crypto.randomUUID();
  const used = await recordServiceUse(tx, {
    tenantId: input.tenantId,
    schoolId: request.schoolId,
    serviceId: request.serviceId,
    quantityHundredths,
    on: input.visitDate,
    description: `visit on ${input.visitDate}`,
    actorUserId: input.actorUserId,
    sourceType: 'adviser_visit',
    sourceId: visitId,
    category: input.category,
    partialCover: input.partialCover,
  });
  await tx.insert(adviserVisits).values({
    tenantId: input.tenantId,
    id: visitId,
    requestId: request.id,
    adviserUserId: request.adviserUserId,
    visitDate: input.visitDate,
    daysHundredths: Math.round(days * 100),
    summary: input.summary,
    costPence,
    valuePence,
    outcome: used.outcome,
    drawnCategory: used.category,
  });
  await tx.update(adviserRequests).set({ status: 'completed' }).where(eq(adviserRequests.id, request.id));
  return {
    id: visitId,
    requestId: request.id,
    outcome: used.outcome,
    category: used.category,
    drawnHundredths: used.outcome === 'charged' ? 0 : used.drawnHundredths,
    valuePence,
  };
}
