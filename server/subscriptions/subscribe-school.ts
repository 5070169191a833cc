import { DomainError } from '~/server/errors/domain-error';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { subscriptionEvents, subscriptions } from '~/db/schema';
import { academicYearLabel, academicYearStart, type IsoDate } from '../catalogue/academic-year';
import { grantEntitlement } from '../entitlements/grant-entitlement';
import { chargeEctsInInduction } from '../induction/bill-per-ect-packages';
import { grantPlacesForRegisteredEcts } from '../induction/programme-places';
import { refuseIfClosed } from '../schools/closed-school';
import { quoteForSchool } from './quote-for-school';

export const ZSubscribeInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  itemId: z.uuid({ message: 'Choose a package.' }),
  units: z.number().int().min(1, 'Buy at least one.').max(200).default(1),
  purchaseOrderNumber: z
    .string()
    .trim()
    .max(40, 'Purchase-order numbers can be at most 40 characters.')
    .regex(/^[A-Za-z0-9/._ -]*$/, 'Use letters, numbers, spaces and / . _ - only.')
    .optional(),
  /** The price the buyer saw; if prices changed since, they are asked to confirm again. */
  expectedNetPence: z.number().int().min(0).optional(),
});
export type TSubscribeInput = z.input<typeof ZSubscribeInput>;

/**
 * Subscribes a school to a package at its own price and grants the package's entitlements for the year.
 * A second live subscription to the same package and year is refused (a unique index holds even under races).
 * With `perRegisteredEct` (an Appropriate Body, which keeps the ECT register), an induction-programme line
 * is granted per ECT registered at the school, now and as they are registered, instead of once; and a package
 * priced per ECT is billed per ECT registered (server/induction/bill-per-ect-packages.ts), not per unit bought.
 */
export async function subscribeSchool(
  tx: Tx,
  input: z.output<typeof ZSubscribeInput> & {
    tenantId: string;
    actorUserId: string;
    today: IsoDate;
    perRegisteredEct?: boolean;
  },
) {
  const {
    buyer,
    item,
    quote,
    grants,
    needsPupilCount,
    perEct: billedPerEct,
  } = await quoteForSchool(tx, input);
  if (billedPerEct && input.units !== 1) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: `${item.name} is charged for each ECT registered, not by a number bought: subscribe without a number.`,
      field: 'units',
    });
  }
  if (item.kind !== 'package') {
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'Services are requested when needed, not subscribed to.',
    });
  }
  if (!item.active)
    throw new DomainError({ code: 'BAD_REQUEST', message: 'That package is no longer offered.' });
  refuseIfClosed(buyer, 'subscription');
  if (needsPupilCount) {
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: `${item.name} is priced by the number of pupils, and ${buyer.name} has none on record. Give the school's number of pupils first.`,
      field: 'numberOfPupils',
    });
  }
  if (quote.termsCharged === 0) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: `Every term of ${academicYearLabel(item.academicYear)} has started; choose next year's package.`,
    });
  }
  if (input.expectedNetPence !== undefined && input.expectedNetPence !== quote.netPence) {
    throw new DomainError({
      code: 'CONFLICT',
      message: 'The price has changed since you looked. Check it and try again.',
    });
  }
  const startsOn =
    input.today > academicYearStart(item.academicYear) ? input.today : academicYearStart(item.academicYear);
  const [subscription] = await tx
    .insert(subscriptions)
    .values({
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      itemId: item.id,
      academicYear: item.academicYear,
      units: input.units,
      purchaseOrderNumber: input.purchaseOrderNumber || null,
      netPricePence: quote.netPence,
      vatPence: quote.vatPence,
      pricedAsMember: quote.pricedAsMember,
      termsCharged: quote.termsCharged,
      startsOn,
      subscribedByUserId: input.actorUserId,
    })
    .onConflictDoNothing()
    .returning({ id: subscriptions.id });
  if (!subscription) {
    throw new DomainError({ code: 'CONFLICT', message: `${buyer.name} already subscribes to ${item.name}.` });
  }
  await tx.insert(subscriptionEvents).values({
    tenantId: input.tenantId,
    subscriptionId: subscription.id,
    event: 'subscribed',
    detail: {
      netPence: quote.netPence,
      units: input.units,
      purchaseOrderNumber: input.purchaseOrderNumber ?? null,
    },
    actorUserId: input.actorUserId,
  });
  // A late joiner gets entitlements in proportion to what it pays (an August joiner a third, not the year),
  // and its statement says how each line was worked out, in the words its preview used (quoteForSchool).
  for (const line of grants) {
    await grantEntitlement(tx, {
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      academicYear: item.academicYear,
      unit: line.unit,
      category: line.category,
      quantityHundredths: line.grantedHundredths,
      description: `${item.name}: ${line.description}${line.explanation ? ` (${line.explanation.replace(/\.$/, '')})` : ''}`,
      actorUserId: input.actorUserId,
      sourceType: 'subscription',
      sourceId: subscription.id,
    });
  }
  // At an Appropriate Body an induction line is granted per ECT registered, now and as they are registered.
  const perEct = (line: (typeof item.lines)[number]) =>
    Boolean(input.perRegisteredEct) && line.unit === 'ect_induction';
  const ectPlaces = item.lines.some(perEct)
    ? await grantPlacesForRegisteredEcts(tx, {
        tenantId: input.tenantId,
        schoolId: input.schoolId,
        academicYear: item.academicYear,
        actorUserId: input.actorUserId,
      })
    : 0;
  // Priced per ECT at an AB: the ECTs registered are billed (those already in induction here now), not the units.
  const ectCharges =
    input.perRegisteredEct && item.pricingBasis === 'ect'
      ? await chargeEctsInInduction(tx, {
          tenantId: input.tenantId,
          schoolId: input.schoolId,
          academicYear: item.academicYear,
        })
      : 0;
  return {
    id: subscription.id,
    schoolId: input.schoolId,
    itemId: item.id,
    netPence: quote.netPence,
    ectPlaces,
    ectCharges,
  };
}
