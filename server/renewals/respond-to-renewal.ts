import { DomainError } from '~/server/errors/domain-error';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { catalogueItems, renewalInvitations, renewalRounds, users } from '~/db/schema';
import { academicYearStart, type IsoDate } from '../catalogue/academic-year';
import { refuseIfClosed } from '../schools/closed-school';
import { subscribeSchool } from '../subscriptions/subscribe-school';
import { confirmRenewalAnswer, renewalChoice } from './confirm-renewal-answer';
import { getRenewalOffer } from './get-renewal-offer';

export const ZRenewalAnswer = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('renew'),
    purchaseOrderNumber: z.string().trim().max(40).optional(),
  }),
  z.object({
    decision: z.literal('change'),
    itemIds: z.array(z.uuid()).min(1, 'Choose at least one package, or decline instead.').max(20),
    purchaseOrderNumber: z.string().trim().max(40).optional(),
  }),
  z.object({
    decision: z.literal('decline'),
    reason: z.string().trim().max(1000).optional(),
  }),
]);
export type TRenewalAnswer = z.infer<typeof ZRenewalAnswer>;

/**
 * Records a school's answer once; renewing or changing subscribes it to next year's packages at once. The school's
 * heads/SBMs are emailed what it chose and the workspace's managers are told.
 */
export async function respondToRenewal(
  tx: Tx,
  input: {
    tenantId: string;
    /** The workspace the school answers (named in a refusal: "contact Barnet (BELS / BPSI)"). */
    providerName: string;
    invitationId: string;
    userId: string;
    today: IsoDate;
    answer: TRenewalAnswer;
  },
) {
  const [locked] = await tx
    .select({ decision: renewalInvitations.decision, closesOn: renewalRounds.closesOn })
    .from(renewalInvitations)
    .innerJoin(
      renewalRounds,
      and(
        eq(renewalRounds.tenantId, renewalInvitations.tenantId),
        eq(renewalRounds.id, renewalInvitations.roundId),
      ),
    )
    .where(eq(renewalInvitations.id, input.invitationId))
    .for('update', { of: renewalInvitations });
  if (!locked) throw new DomainError({ code: 'NOT_FOUND', message: 'That renewal was not found.' });
  if (locked.decision !== 'pending') {
    throw new DomainError({
      code: 'CONFLICT',
      message: `Your school has already answered. To change it, contact ${input.providerName}.`,
    });
  }
  if (locked.closesOn < input.today) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: `Renewals have closed. Please contact ${input.providerName}.`,
    });
  }
  const offer = await getRenewalOffer(tx, input.invitationId);
  const { answer } = input;
  // A school that closed after it was invited may still say it is not renewing, but buys nothing new.
  if (answer.decision !== 'decline') refuseIfClosed(offer.school, 'renewal');
  let chosen: { id: string; units: number }[] = [];
  if (answer.decision === 'renew') {
    chosen = offer.renewals.map((p) => ({ id: p.id, units: p.units }));
    if (chosen.length === 0) {
      throw new DomainError({
        code: 'BAD_REQUEST',
        message: 'Your packages are not offered next year; choose others.',
      });
    }
  } else if (answer.decision === 'change') {
    const valid = await tx
      .select({ id: catalogueItems.id })
      .from(catalogueItems)
      .where(
        and(
          inArray(catalogueItems.id, answer.itemIds),
          eq(catalogueItems.academicYear, offer.round.toYear),
          eq(catalogueItems.kind, 'package'),
        ),
      );
    if (valid.length !== new Set(answer.itemIds).size) {
      throw new DomainError({ code: 'BAD_REQUEST', message: 'Choose from next year’s packages.' });
    }
    chosen = valid.map((v) => ({ id: v.id, units: offer.packages.find((p) => p.id === v.id)?.units ?? 1 }));
  }
  const startOfYear = academicYearStart(offer.round.toYear);
  for (const item of chosen) {
    await subscribeSchool(tx, {
      tenantId: input.tenantId,
      schoolId: offer.school.id,
      itemId: item.id,
      units: item.units,
      purchaseOrderNumber: answer.decision === 'decline' ? undefined : answer.purchaseOrderNumber,
      actorUserId: input.userId,
      today: input.today > startOfYear ? input.today : startOfYear,
    });
  }
  const decision =
    answer.decision === 'renew' ? 'renewed' : answer.decision === 'change' ? 'changed' : 'declined';
  await tx
    .update(renewalInvitations)
    .set({
      decision,
      declineReason: answer.decision === 'decline' ? (answer.reason ?? null) : null,
      respondedByUserId: input.userId,
      respondedAt: sql`now()`,
    })
    .where(eq(renewalInvitations.id, input.invitationId));
  const answered = await getRenewalOffer(tx, input.invitationId);
  const [person] = await tx.select({ name: users.name }).from(users).where(eq(users.id, input.userId));
  await confirmRenewalAnswer(tx, {
    offer: answered,
    providerName: input.providerName,
    answeredBy: person?.name || 'Someone at the school',
  });
  return { id: input.invitationId, decision, subscribed: chosen.length, ...renewalChoice(answered) };
}
