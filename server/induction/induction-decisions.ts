import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '~/db/client';
import { inductionAppeals, inductionOutcomes, inductionRecommendations, users } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { workingDaysAfter } from '../courses/working-days';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { isAbStaff } from './appropriate-body';
import { actsForSchool, loadEctFor } from './ect-access';
import type {
  ZDecideAppealInput,
  ZRecordAppealInput,
  ZRecordRecommendationInput,
  ZRecordRepresentationsInput,
} from './induction-inputs';

type Outcome = 'pass' | 'fail' | 'extension';

/**
 * The working-day deadlines at the end of induction (statutory guidance): the headteacher recommends within 10
 * working days of the end of induction; the ECT may make representations within 10 working days of receiving
 * the recommendation, and the AB decides within 20; an ECT failed or extended may appeal to the Teaching
 * Regulation Agency within 20 working days of being told. The recommendation's date stands for the day the
 * ECT and the AB received it, and the decision's for the day the ECT was told.
 */
export function decisionDeadlines(input: {
  completesOn: IsoDate;
  recommendedOn: IsoDate | null;
  lastOutcome: { outcome: Outcome; decidedOn: IsoDate } | null;
}) {
  return {
    recommendationDue: workingDaysAfter(input.completesOn, 10),
    representationsDue: input.recommendedOn ? workingDaysAfter(input.recommendedOn, 10) : null,
    decisionDue: input.recommendedOn ? workingDaysAfter(input.recommendedOn, 20) : null,
    appealBy:
      input.lastOutcome && input.lastOutcome.outcome !== 'pass'
        ? workingDaysAfter(input.lastOutcome.decidedOn, 20)
        : null,
  };
}

/** An ECT's recommendations, outcomes and appeals, newest last; the recommendation not yet decided on, if any. */
export async function loadDecisions(tx: Tx, ectId: string) {
  const [recommendations, outcomes, appeals] = await Promise.all([
    tx
      .select({ recommendation: inductionRecommendations, recordedBy: users.name })
      .from(inductionRecommendations)
      .leftJoin(users, eq(users.id, inductionRecommendations.recordedByUserId))
      .where(eq(inductionRecommendations.ectId, ectId))
      .orderBy(inductionRecommendations.createdAt),
    tx
      .select({
        id: inductionOutcomes.id,
        outcome: inductionOutcomes.outcome,
        decidedOn: inductionOutcomes.decidedOn,
        createdAt: inductionOutcomes.createdAt,
      })
      .from(inductionOutcomes)
      .where(eq(inductionOutcomes.ectId, ectId))
      .orderBy(inductionOutcomes.createdAt),
    tx
      .select()
      .from(inductionAppeals)
      .where(eq(inductionAppeals.ectId, ectId))
      .orderBy(inductionAppeals.createdAt),
  ]);
  const lastOutcome = outcomes[outcomes.length - 1] ?? null;
  const last = recommendations[recommendations.length - 1];
  // A recommendation is answered by the first outcome recorded after it.
  const pending =
    last && (!lastOutcome || lastOutcome.createdAt < last.recommendation.createdAt)
      ? last.recommendation
      : null;
  return {
    recommendations: recommendations.map((r) => ({ ...r.recommendation, recordedBy: r.recordedBy ?? '' })),
    pending,
    lastOutcome,
    appeals,
  };
}

/** The ECT's headteacher or induction tutor (or the AB, recording one it received) gives the recommendation. */
export async function recordRecommendation(
  tx: Tx,
  actor: Actor,
  input: z.output<typeof ZRecordRecommendationInput> & { today: IsoDate },
) {
  const { ect, periods } = await loadEctFor(tx, actor, input.ectId);
  const current = periods[periods.length - 1];
  if (!isAbStaff(actor) && !(current && actsForSchool(actor, current.schoolId)))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: "The recommendation comes from the ECT's headteacher or induction tutor.",
    });
  if (ect.status === 'completed')
    throw new DomainError({
      code: 'CONFLICT',
      message: `${ect.name}'s induction already has a final outcome.`,
    });
  if (input.recommendedOn < ect.startsOn || input.recommendedOn > input.today)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'recommendedOn',
      message: 'The date must be after induction started and not in the future.',
    });
  const { pending } = await loadDecisions(tx, ect.id);
  if (pending)
    throw new DomainError({
      code: 'CONFLICT',
      message: `A recommendation of ${longDate(pending.recommendedOn)} is waiting for the Appropriate Body's decision.`,
    });
  const [row] = await tx
    .insert(inductionRecommendations)
    .values({
      tenantId: actor.tenantId,
      ectId: ect.id,
      recommendation: input.recommendation,
      recommendedOn: input.recommendedOn,
      note: input.note,
      recordedByUserId: actor.userId,
    })
    .returning({ id: inductionRecommendations.id });
  const { representationsDue, decisionDue } = decisionDeadlines({
    completesOn: input.recommendedOn,
    recommendedOn: input.recommendedOn,
    lastOutcome: null,
  });
  return { id: row?.id ?? '', representationsDue, decisionDue };
}

/** The ECT (or the AB, recording what the ECT sent) makes representations on the pending recommendation, once. */
export async function recordRepresentations(
  tx: Tx,
  actor: Actor,
  input: z.output<typeof ZRecordRepresentationsInput> & { today: IsoDate },
) {
  const { ect } = await loadEctFor(tx, actor, input.ectId);
  const self = actor.roles.includes('ect') && actor.user.email.toLowerCase() === ect.email.toLowerCase();
  if (!self && !isAbStaff(actor))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: 'Representations are made by the ECT (or recorded by the Appropriate Body).',
    });
  const { pending } = await loadDecisions(tx, ect.id);
  if (!pending)
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: 'There is no recommendation waiting for a decision to respond to.',
    });
  if (input.madeOn < pending.recommendedOn || input.madeOn > input.today)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'madeOn',
      message: 'The date must be on or after the recommendation and not in the future.',
    });
  const [updated] = await tx
    .update(inductionRecommendations)
    .set({ representations: input.representations, representationsOn: input.madeOn })
    .where(
      and(
        eq(inductionRecommendations.id, pending.id),
        // Once: a second submission does not overwrite the first.
        isNull(inductionRecommendations.representationsOn),
      ),
    )
    .returning({ id: inductionRecommendations.id });
  if (!updated)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'Representations on this recommendation are already recorded.',
    });
  return { id: updated.id };
}

/** The AB records that an ECT failed or extended has appealed to the Teaching Regulation Agency. */
export async function recordAppeal(tx: Tx, actor: Actor, input: z.output<typeof ZRecordAppealInput>) {
  const { ect } = await loadEctFor(tx, actor, input.ectId);
  const { lastOutcome } = await loadDecisions(tx, ect.id);
  if (!lastOutcome || lastOutcome.outcome === 'pass')
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: `An appeal is against a fail or an extension, and ${ect.name} has neither.`,
    });
  if (input.lodgedOn < lastOutcome.decidedOn)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'lodgedOn',
      message: `The appeal cannot be before the decision of ${longDate(lastOutcome.decidedOn)}.`,
    });
  const [row] = await tx
    .insert(inductionAppeals)
    .values({
      tenantId: actor.tenantId,
      ectId: ect.id,
      outcomeId: lastOutcome.id,
      lodgedOn: input.lodgedOn,
      note: input.note,
      recordedByUserId: actor.userId,
    })
    .onConflictDoNothing()
    .returning({ id: inductionAppeals.id });
  if (!row)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'An appeal against this decision is already recorded.',
    });
  return { id: row.id };
}

/** The AB records the Teaching Regulation Agency's decision on an appeal. */
export async function decideAppeal(tx: Tx, actor: Actor, input: z.output<typeof ZDecideAppealInput>) {
  const [appeal] = await tx.select().from(inductionAppeals).where(eq(inductionAppeals.id, input.appealId));
  if (!appeal) throw new DomainError({ code: 'NOT_FOUND', message: 'That appeal was not found.' });
  await loadEctFor(tx, actor, appeal.ectId);
  if (input.resultOn < appeal.lodgedOn)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'resultOn',
      message: 'The result cannot be before the appeal was lodged.',
    });
  const [updated] = await tx
    .update(inductionAppeals)
    .set({ result: input.result, resultOn: input.resultOn, note: input.note || appeal.note })
    .where(and(eq(inductionAppeals.id, appeal.id), eq(inductionAppeals.result, 'pending')))
    .returning({ id: inductionAppeals.id });
  if (!updated) throw new DomainError({ code: 'CONFLICT', message: 'That appeal already has a result.' });
  return { id: updated.id };
}
