import { and, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '~/db/client';
import {
  ects,
  inductionAppeals,
  inductionCheckpoints,
  inductionOutcomes,
  inductionPeriods,
  inductionRecommendations,
  schools,
  users,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { workingDaysAfter } from '../courses/working-days';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { isAbStaff } from './appropriate-body';
import { loadEctFor, recommendsFor } from './ect-access';
import { abManagers, sendInductionNotice } from './induction-emails';
import { outcomeLabels } from './induction-labels';
import { inductionTermsRequired } from './induction-schedule';
import { applyOutcome } from './record-outcome';
import { recommendationOpensOn } from './final-assessment-term';
import { currentPeriod } from './reschedule-ect';
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
    /** The last outcome is the Teaching Regulation Agency's result on an appeal (final: not appealed again). */
    lastOutcomeByAppeal: lastOutcome !== null && appeals.some((a) => a.resultOutcomeId === lastOutcome.id),
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
  if (!isAbStaff(actor) && !(current && recommendsFor(actor, current)))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: "The recommendation comes from the ECT's headteacher.",
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
  const opensOn = await recommendationOpensOn(tx, ect.id);
  if (opensOn && input.today < opensOn)
    throw new DomainError({
      code: 'CONFLICT',
      message: `The recommendation is made as induction ends: from ${longDate(opensOn)}, when the term of ${ect.name}'s final assessment begins.`,
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
  await sendRecommendationNotices(tx, actor, {
    ect,
    schoolId: current?.schoolId ?? null,
    recommendation: input.recommendation,
    recommendedOn: input.recommendedOn,
    representationsDue,
    decisionDue,
  });
  return { id: row?.id ?? '', representationsDue, decisionDue };
}

const recommendedWords: Record<Outcome, string> = {
  pass: 'pass induction',
  fail: 'fail induction',
  extension: 'have induction extended',
};

/**
 * The recommendation made, the ECT hears what it is and by when they may make representations; the AB's
 * managers, that it waits for their decision and by when. Queued in the transaction, as every induction notice.
 */
async function sendRecommendationNotices(
  tx: Tx,
  actor: Actor,
  input: {
    ect: { id: string; name: string; email: string };
    schoolId: string | null;
    recommendation: Outcome;
    recommendedOn: IsoDate;
    representationsDue: IsoDate | null;
    decisionDue: IsoDate | null;
  },
) {
  const [school] = input.schoolId
    ? await tx.select({ name: schools.name }).from(schools).where(eq(schools.id, input.schoolId))
    : [];
  const schoolName = school?.name ?? 'the school';
  const url = `${actor.appUrl}/${actor.slug}/induction/${input.ect.id}`;
  const words = recommendedWords[input.recommendation];
  await sendInductionNotice(tx, [{ name: input.ect.name, email: input.ect.email }], {
    subject: `Your induction: the headteacher's recommendation (${outcomeLabels[input.recommendation].toLowerCase()})`,
    heading: "The headteacher's recommendation on your induction",
    paragraphs: [
      `On ${longDate(input.recommendedOn)} the headteacher of ${schoolName} recommended to the Appropriate Body that you ${words}.`,
      `If you wish to make representations about it, please do so on your induction record by ${longDate(input.representationsDue)} (10 working days). The Appropriate Body decides the outcome by ${longDate(input.decisionDue)}.`,
    ],
    action: { label: 'Open your induction record', url },
  });
  await sendInductionNotice(tx, await abManagers(tx), {
    subject: `Decision due by ${longDate(input.decisionDue)}: ${input.ect.name}'s induction`,
    heading: 'A recommendation is waiting for your decision',
    paragraphs: [
      `On ${longDate(input.recommendedOn)} the headteacher of ${schoolName} recommended that ${input.ect.name} should ${words}.`,
      `${input.ect.name} may make representations by ${longDate(input.representationsDue)}. Please record the Appropriate Body's decision by ${longDate(input.decisionDue)} (20 working days after the recommendation).`,
    ],
    action: { label: 'Open the induction record', url },
  });
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
  const { lastOutcome, lastOutcomeByAppeal } = await loadDecisions(tx, ect.id);
  if (!lastOutcome || lastOutcome.outcome === 'pass')
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: `An appeal is against a fail or an extension, and ${ect.name} has neither.`,
    });
  if (lastOutcomeByAppeal)
    throw new DomainError({
      code: 'PRECONDITION_FAILED',
      message: `${ect.name}'s extension is the Teaching Regulation Agency's decision on an appeal, which is final.`,
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

/**
 * The AB records the Teaching Regulation Agency's decision on an appeal, and it takes effect (statutory
 * guidance: the TRA may allow the appeal, dismiss it, or vary the decision, e.g. extend induction instead):
 *
 * - upheld: the ECT is treated as having passed: a pass, dated the result, is recorded after the decision
 *   appealed against (which stays in the record), and the induction is complete; an extension appealed
 *   against no longer adds its terms;
 * - varied: induction is extended by the terms the TRA set instead, through the same path as the AB's
 *   extension (an extension outcome dated the result; further checkpoints scheduled). Against a fail the
 *   induction reopens at the ECT's last school; against an extension the TRA's length replaces the AB's.
 *   Appeals take months, so the extension resumes induction from the result: its terms run from the first
 *   school term starting on or after the result date (`termsBeforeResuming`), not straight on from the end;
 * - dismissed: the decision stands; nothing else changes.
 *
 * The result's outcome is kept on the appeal (`resultOutcomeId`) and cannot itself be appealed to the TRA.
 */
export async function decideAppeal(tx: Tx, actor: Actor, input: z.output<typeof ZDecideAppealInput>) {
  const [appeal] = await tx.select().from(inductionAppeals).where(eq(inductionAppeals.id, input.appealId));
  if (!appeal) throw new DomainError({ code: 'NOT_FOUND', message: 'That appeal was not found.' });
  const { ect } = await loadEctFor(tx, actor, appeal.ectId);
  if (input.resultOn < appeal.lodgedOn)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'resultOn',
      message: 'The result cannot be before the appeal was lodged.',
    });
  const [appealed] = await tx
    .select()
    .from(inductionOutcomes)
    .where(eq(inductionOutcomes.id, appeal.outcomeId));
  if (!appealed)
    throw new DomainError({ code: 'NOT_FOUND', message: 'The decision appealed against was not found.' });
  if (input.result !== 'dismissed') {
    const { lastOutcome } = await loadDecisions(tx, ect.id);
    if (lastOutcome?.id !== appealed.id)
      throw new DomainError({
        code: 'CONFLICT',
        message: `An outcome has been recorded for ${ect.name} since the decision appealed against; the appeal's result cannot replace it.`,
      });
  }
  const [updated] = await tx
    .update(inductionAppeals)
    .set({ result: input.result, resultOn: input.resultOn, note: input.note || appeal.note })
    .where(and(eq(inductionAppeals.id, appeal.id), eq(inductionAppeals.result, 'pending')))
    .returning({ id: inductionAppeals.id });
  if (!updated) throw new DomainError({ code: 'CONFLICT', message: 'That appeal already has a result.' });
  if (input.result === 'dismissed') return { id: updated.id, effect: 'none' as const, completesOn: null };

  const against = `the ${appealed.outcome === 'fail' ? 'fail' : 'extension'} of ${longDate(appealed.decidedOn)}`;
  // The appealed extension's terms no longer count: the TRA's result takes their place.
  if (appealed.outcome === 'extension' && appealed.extensionTenths)
    await tx
      .update(ects)
      .set({ extensionTenths: sql`greatest(0, ${ects.extensionTenths} - ${appealed.extensionTenths})` })
      .where(eq(ects.id, ect.id));
  let applied: { outcomeId: string; completesOn: string };
  if (input.result === 'upheld') {
    applied = await applyOutcome(tx, actor.tenantId, ect.id, {
      outcome: 'pass',
      decidedOn: input.resultOn,
      termsServedTenths: appealed.termsServedTenths,
      extensionTenths: null,
      note: `Appeal to the Teaching Regulation Agency upheld: treated as having passed (${against} no longer stands).`,
      recordedByUserId: actor.userId,
    });
  } else {
    if (appealed.outcome === 'fail') {
      // Induction resumes at the school the ECT was at when they failed.
      const period = await currentPeriod(tx, ect.id);
      await tx.update(inductionPeriods).set({ endsOn: null }).where(eq(inductionPeriods.id, period.id));
      await tx.update(ects).set({ status: 'in_progress' }).where(eq(ects.id, ect.id));
    }
    const terms = Math.round((input.extensionTerms ?? 0) * 10);
    const resumption = {
      resumesOn: input.resultOn,
      afterTenths: await termsBeforeResuming(
        tx,
        ect.id,
        appealed.outcome === 'extension' ? (appealed.extensionTenths ?? 0) : 0,
      ),
    };
    applied = await applyOutcome(tx, actor.tenantId, ect.id, {
      outcome: 'extension',
      decidedOn: input.resultOn,
      termsServedTenths: appealed.termsServedTenths,
      extensionTenths: terms,
      note: `Teaching Regulation Agency varied ${against}: induction extended by ${(terms / 10).toFixed(1)} terms from ${longDate(input.resultOn)}.`,
      recordedByUserId: actor.userId,
      resumption,
    });
  }
  await tx
    .update(inductionAppeals)
    .set({ resultOutcomeId: applied.outcomeId })
    .where(eq(inductionAppeals.id, appeal.id));
  return {
    id: updated.id,
    effect: input.result === 'upheld' ? ('passed' as const) : ('extended' as const),
    completesOn: applied.completesOn,
  };
}

/**
 * The induction terms behind an ECT when an appeal's result resumes their induction: the terms the induction
 * had before the TRA's extension (the appealed extension's already taken off), or, when the school has already
 * reported on terms of the appealed extension, up to the last of those. The extension's terms follow them.
 */
async function termsBeforeResuming(tx: Tx, ectId: string, appealedExtensionTenths: number): Promise<number> {
  const [ect] = await tx
    .select({ reductionTenths: ects.reductionTenths, extensionTenths: ects.extensionTenths })
    .from(ects)
    .where(eq(ects.id, ectId));
  const termsWith = (extensionTenths: number) =>
    inductionTermsRequired({
      reductionTerms: (ect?.reductionTenths ?? 0) / 10,
      extensionTerms: extensionTenths / 10,
    });
  const required = termsWith(ect?.extensionTenths ?? 0);
  // A report closes its term, or the last (part) term of the induction as it was when reported on.
  const withAppealed = termsWith((ect?.extensionTenths ?? 0) + appealedExtensionTenths);
  const [reported] = await tx
    .select({ last: max(inductionCheckpoints.termNumber) })
    .from(inductionCheckpoints)
    .where(
      and(
        eq(inductionCheckpoints.ectId, ectId),
        inArray(inductionCheckpoints.status, ['submitted', 'accepted', 'changes_requested']),
      ),
    );
  return Math.round(Math.max(required, Math.min(reported?.last ?? 0, withAppealed)) * 10);
}
