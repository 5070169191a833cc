import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  ects,
  inductionAbsences,
  inductionCheckpoints,
  inductionOutcomes,
  inductionPeriods,
  inductionSupportPlans,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { recommendationOpensOn } from './final-assessment-term';
import { assertAppropriateBody, isAbStaff } from './appropriate-body';
import { loadEctFor, submitsFor } from './ect-access';
import type { TRecordOutcomeInput } from './induction-inputs';
import { rescheduleEct, scheduleFor } from './reschedule-ect';
import type { z } from 'zod';
import type { ZRecordAbsenceInput } from './induction-inputs';

/**
 * The AB records the outcome of induction with its date and the terms served (one decimal place). Pass or
 * fail completes the induction (the open period closes that day, support plans close); an extension adds
 * terms, and so further checkpoints, to the schedule.
 */
export async function recordOutcome(tx: Tx, actor: Actor, input: TRecordOutcomeInput) {
  assertAppropriateBody(actor);
  const { ect } = await loadEctFor(tx, actor, input.ectId);
  if (ect.status === 'completed')
    throw new DomainError({
      code: 'CONFLICT',
      message: `${ect.name}'s induction already has a final outcome.`,
    });
  if (input.decidedOn < ect.startsOn)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'decidedOn',
      message: 'The decision date cannot be before induction started.',
    });
  if (input.outcome !== 'extension') {
    // A pass or a fail is the decision at the end of induction: never after one term of six.
    const { termsRequired } = await scheduleFor(tx, ect.id);
    if (Math.round(input.termsServed * 10) < Math.round(termsRequired * 10))
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'termsServed',
        message: `${ect.name} has to serve ${termsRequired} induction terms and has served ${input.termsServed}: a pass or a fail is decided when induction is complete (an extension may be decided now).`,
      });
    // The terms served are typed in (and the form offers the terms required): the date shows whether they
    // can have been served. A pass or fail dated before the term of the final assessment judges an induction
    // not yet served, as a headteacher's recommendation would (see final-assessment-term.ts).
    const opensOn = await recommendationOpensOn(tx, ect.id);
    if (opensOn !== null && input.decidedOn < opensOn)
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'decidedOn',
        message: `${ect.name}'s induction is not complete on ${longDate(input.decidedOn)}: a pass or a fail can be decided from ${longDate(opensOn)}, when the term of the final assessment begins (an extension may be decided now).`,
      });
  }
  const extensionTenths = input.outcome === 'extension' ? Math.round((input.extensionTerms ?? 0) * 10) : null;
  return applyOutcome(tx, actor.tenantId, ect.id, {
    outcome: input.outcome,
    decidedOn: input.decidedOn,
    termsServedTenths: Math.round(input.termsServed * 10),
    extensionTenths,
    note: input.note,
    recordedByUserId: actor.userId,
  });
}

/**
 * Records an outcome and makes it take effect (the AB's decision, or the Teaching Regulation Agency's on an
 * appeal): an extension adds its terms to the ECT's and reschedules, so the further checkpoints fall due (straight
 * on from the end, or from the resumption an appeal's result gives); a
 * pass or fail completes the induction: the open period closes that day, reviews not yet started fall away,
 * open support plans close.
 */
export async function applyOutcome(
  tx: Tx,
  tenantId: string,
  ectId: string,
  input: {
    outcome: 'pass' | 'fail' | 'extension';
    decidedOn: string;
    termsServedTenths: number;
    extensionTenths: number | null;
    note: string;
    recordedByUserId: string;
    /** An extension on appeal: induction resumes on this date after these terms (see induction-schedule.ts). */
    resumption?: { resumesOn: string; afterTenths: number };
  },
) {
  const [outcome] = await tx
    .insert(inductionOutcomes)
    .values({
      tenantId,
      ectId,
      outcome: input.outcome,
      decidedOn: input.decidedOn,
      termsServedTenths: input.termsServedTenths,
      extensionTenths: input.outcome === 'extension' ? input.extensionTenths : null,
      resumesOn: input.outcome === 'extension' ? (input.resumption?.resumesOn ?? null) : null,
      resumesAfterTenths: input.outcome === 'extension' ? (input.resumption?.afterTenths ?? null) : null,
      note: input.note,
      recordedByUserId: input.recordedByUserId,
    })
    .returning({ id: inductionOutcomes.id });
  if (input.outcome === 'extension') {
    await tx
      .update(ects)
      .set({ extensionTenths: sql`${ects.extensionTenths} + ${input.extensionTenths ?? 0}` })
      .where(eq(ects.id, ectId));
    const schedule = await rescheduleEct(tx, tenantId, ectId);
    return { outcomeId: outcome?.id ?? '', completesOn: schedule.completesOn };
  }
  await tx.update(ects).set({ status: 'completed' }).where(eq(ects.id, ectId));
  // Induction is over: reviews not yet started fall away (submitted ones stay as the record).
  await tx
    .delete(inductionCheckpoints)
    .where(and(eq(inductionCheckpoints.ectId, ectId), eq(inductionCheckpoints.status, 'due')));
  await tx
    .update(inductionPeriods)
    .set({ endsOn: input.decidedOn })
    .where(and(eq(inductionPeriods.ectId, ectId), isNull(inductionPeriods.endsOn)));
  await tx
    .update(inductionSupportPlans)
    .set({ status: 'closed', closedAt: new Date() })
    .where(and(eq(inductionSupportPlans.ectId, ectId), eq(inductionSupportPlans.status, 'open')));
  return { outcomeId: outcome?.id ?? '', completesOn: input.decidedOn };
}

/** Days of absence (the school or the AB records them); 30 or more in an induction year extend it. */
export async function recordAbsence(tx: Tx, actor: Actor, input: z.output<typeof ZRecordAbsenceInput>) {
  const { ect, periods } = await loadEctFor(tx, actor, input.ectId);
  const current = periods[periods.length - 1];
  // An absence of 30 days or more lengthens induction: recorded by those who submit its reviews.
  if (!isAbStaff(actor) && !(current && submitsFor(actor, current)))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: current
        ? `${ect.name}'s absences are recorded by their induction tutor (${current.tutorName}) or the headteacher.`
        : 'The school records absences.',
    });
  await tx.insert(inductionAbsences).values({
    tenantId: actor.tenantId,
    ectId: ect.id,
    startsOn: input.startsOn,
    days: input.days,
    reason: input.reason,
  });
  const schedule = await rescheduleEct(tx, actor.tenantId, ect.id);
  return { completesOn: schedule.completesOn, absenceExtensions: schedule.absenceExtensions };
}
