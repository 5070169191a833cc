import { and, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { academicYearOf, todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { loadTermDates } from '../calendar/term-dates';
import { longDate } from '../format/dates';
import { checkpointOpensOn } from './induction-schedule';
import {
  ects,
  entitlementBalances,
  inductionCheckpoints,
  inductionPeriods,
  inductionSupportPlans,
  schools,
} from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { assertAppropriateBody } from './appropriate-body';
import { actsForSchool, mayOpen, submitsFor } from './ect-access';
import { abRecipients, sendInductionNotice } from './induction-emails';
import type { TSubmitCheckpointInput } from './induction-inputs';
import { checkpointTitle } from './induction-labels';

/** When a checkpoint due on `dueOn` opens for submission, by the workspace's term dates (see checkpointOpensOn). */
export async function checkpointOpens(tx: Tx, dueOn: IsoDate): Promise<IsoDate> {
  const dates = await loadTermDates(tx, academicYearOf(dueOn));
  return checkpointOpensOn(dueOn, () => dates);
}

/** A checkpoint with its ECT and the school whose period it falls in. */
export async function loadCheckpoint(tx: Tx, checkpointId: string) {
  const [row] = await tx
    .select({
      checkpoint: inductionCheckpoints,
      ectName: ects.name,
      ectTrn: ects.trn,
      ectEmail: ects.email,
      ectStatus: ects.status,
      schoolId: inductionPeriods.schoolId,
      schoolName: schools.name,
      tutorName: inductionPeriods.tutorName,
      tutorEmail: inductionPeriods.tutorEmail,
    })
    .from(inductionCheckpoints)
    .innerJoin(ects, eq(ects.id, inductionCheckpoints.ectId))
    .innerJoin(inductionPeriods, eq(inductionPeriods.id, inductionCheckpoints.periodId))
    .innerJoin(schools, eq(schools.id, inductionPeriods.schoolId))
    .where(eq(inductionCheckpoints.id, checkpointId));
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That review was not found.' });
  return row;
}

/**
 * Whether a school can have consultancy support for an ECT at risk: the workspace sells adviser time (traded
 * module) and the school holds adviser time it has bought and not used. Then the support plan offers to raise
 * an adviser-time request; otherwise it says plainly that none has been bought.
 */
export async function consultancyAvailable(tx: Tx, actor: Actor, schoolId: string): Promise<boolean> {
  if (!actor.modules.includes('traded')) return false;
  const [row] = await tx
    .select({ id: entitlementBalances.id })
    .from(entitlementBalances)
    .where(
      and(
        eq(entitlementBalances.schoolId, schoolId),
        inArray(entitlementBalances.unit, ['adviser_day', 'adviser_half_day', 'adviser_hour']),
        or(gt(entitlementBalances.balanceHundredths, 0), eq(entitlementBalances.unlimited, true)),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * The induction tutor submits a progress review or assessment: on track or not, with the evidence. Not on
 * track opens a support plan (one at a time per ECT) and tells the AB's staff by email.
 */
export async function submitCheckpoint(
  tx: Tx,
  actor: Actor,
  input: TSubmitCheckpointInput,
  today: IsoDate = todayInLondon(),
) {
  assertAppropriateBody(actor);
  const row = await loadCheckpoint(tx, input.checkpointId);
  if (!actsForSchool(actor, row.schoolId)) {
    // Another school the ECT was or is at reads the record, but each school submits the reviews of its own
    // terms (a school left behind keeps those of the time the ECT spent there).
    const schoolIds = await tx
      .select({ schoolId: inductionPeriods.schoolId })
      .from(inductionPeriods)
      .where(eq(inductionPeriods.ectId, row.checkpoint.ectId));
    if (
      mayOpen(
        actor,
        row.ectEmail,
        schoolIds.map((p) => p.schoolId),
      )
    )
      throw new DomainError({
        code: 'FORBIDDEN',
        message: `This ${checkpointTitle(row.checkpoint).toLowerCase()} covers ${row.ectName}'s time at ${row.schoolName}: it is submitted there, by the induction tutor (${row.tutorName}) or the headteacher.`,
      });
    throw new DomainError({ code: 'NOT_FOUND', message: 'That review was not found.' });
  }
  if (!submitsFor(actor, row))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: `${row.ectName}'s reviews and assessments are submitted by their induction tutor (${row.tutorName}) or the headteacher.`,
    });
  if (row.checkpoint.status === 'submitted' || row.checkpoint.status === 'accepted')
    throw new DomainError({
      code: 'CONFLICT',
      message: `This ${checkpointTitle(row.checkpoint).toLowerCase()} has already been submitted.`,
    });
  if (row.ectStatus === 'completed')
    throw new DomainError({ code: 'CONFLICT', message: `${row.ectName} has completed induction.` });
  const opensOn = await checkpointOpens(tx, row.checkpoint.dueOn);
  if (today < opensOn)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: `This ${checkpointTitle(row.checkpoint).toLowerCase()} is due on ${longDate(row.checkpoint.dueOn)}: it can be submitted from ${longDate(opensOn)}, when the term it covers begins.`,
    });
  await tx
    .update(inductionCheckpoints)
    .set({
      status: 'submitted',
      judgement: input.judgement,
      evidence: input.evidence,
      submittedByUserId: actor.userId,
      submittedAt: sql`now()`,
    })
    .where(eq(inductionCheckpoints.id, row.checkpoint.id));

  if (input.judgement === 'on_track')
    return { status: 'submitted' as const, supportPlanId: null, consultancy: false };

  const [open] = await tx
    .select({ id: inductionSupportPlans.id })
    .from(inductionSupportPlans)
    .where(
      and(eq(inductionSupportPlans.ectId, row.checkpoint.ectId), eq(inductionSupportPlans.status, 'open')),
    );
  let supportPlanId = open?.id;
  if (!supportPlanId) {
    const [plan] = await tx
      .insert(inductionSupportPlans)
      .values({
        tenantId: actor.tenantId,
        ectId: row.checkpoint.ectId,
        checkpointId: row.checkpoint.id,
        actions: '',
      })
      .returning({ id: inductionSupportPlans.id });
    supportPlanId = plan?.id;
  }
  await sendInductionNotice(tx, await abRecipients(tx), {
    subject: `ECT not on track: ${row.ectName} at ${row.schoolName}`,
    heading: 'An early career teacher is not on track',
    paragraphs: [
      `${row.schoolName} has judged ${row.ectName} (TRN ${row.ectTrn}) not on track at their ${checkpointTitle(row.checkpoint).toLowerCase()}.`,
      'A support plan has been opened on their induction record. Please review the evidence and the support the school proposes.',
    ],
    action: {
      label: 'Open the induction record',
      url: `${actor.appUrl}/${actor.slug}/induction/${row.checkpoint.ectId}`,
    },
  });
  return {
    status: 'submitted' as const,
    supportPlanId: supportPlanId ?? null,
    consultancy: await consultancyAvailable(tx, actor, row.schoolId),
  };
}
