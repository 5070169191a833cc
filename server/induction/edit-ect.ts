import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ects, inductionCheckpoints, inductionPeriods, schools } from '~/db/schema';
import type { Actor } from '../access/actor';
import { addDays } from '../courses/london-time';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { isAbStaff, ownSchoolIds } from './appropriate-body';
import { loadEctFor } from './ect-access';
import type { TUpdateEctInput, TUpdatePeriodInput } from './induction-inputs';
import { inviteInductionPeople } from './invite-induction-people';
import { loadInterimDueOn, rescheduleEct } from './reschedule-ect';

/**
 * Corrections to an ECT's record after registration: their details, and an induction period's start date,
 * FTE, tutor and mentor. The AB's staff may correct any; a school's headteacher / SBM the ECT's details while
 * the ECT is at their school, and the periods at their school. The schedule is recomputed (due dates of
 * reviews not yet submitted move; submitted ones stay as they are).
 */
function assertMayEdit(actor: Actor, schoolId: string | undefined, completed: boolean) {
  if (isAbStaff(actor)) return;
  if (completed)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'This ECT has completed induction; ask the Appropriate Body to correct the record.',
    });
  if (!schoolId || !ownSchoolIds(actor, ['school_admin']).includes(schoolId))
    throw new DomainError({
      code: 'FORBIDDEN',
      message: 'Only the headteacher of the ECT’s school, or the Appropriate Body, can change this record.',
    });
}

export async function updateEctDetails(tx: Tx, actor: Actor, input: TUpdateEctInput) {
  const { ect, periods } = await loadEctFor(tx, actor, input.ectId);
  const current = periods.find((p) => p.endsOn === null) ?? periods[periods.length - 1];
  assertMayEdit(actor, current?.schoolId, ect.status === 'completed');
  await tx
    .update(ects)
    .set({
      name: input.name,
      email: input.email.toLowerCase(),
      dateOfBirth: input.dateOfBirth ?? null,
      previousInduction: input.previousInduction,
    })
    .where(eq(ects.id, ect.id));
  return { ectId: ect.id };
}

export async function updateInductionPeriod(tx: Tx, actor: Actor, input: TUpdatePeriodInput) {
  const [found] = await tx
    .select({ ectId: inductionPeriods.ectId })
    .from(inductionPeriods)
    .where(eq(inductionPeriods.id, input.periodId));
  if (!found) throw new DomainError({ code: 'NOT_FOUND', message: 'That induction period was not found.' });
  const { ect, periods } = await loadEctFor(tx, actor, found.ectId);
  const at = periods.findIndex((p) => p.id === input.periodId);
  const period = periods[at];
  if (!period) throw new DomainError({ code: 'NOT_FOUND', message: 'That induction period was not found.' });
  assertMayEdit(actor, period.schoolId, ect.status === 'completed');
  if (ect.status === 'completed')
    throw new DomainError({
      code: 'CONFLICT',
      message: `${ect.name} has completed induction, so the schedule can no longer change.`,
    });
  const previous = periods[at - 1];
  const next = periods[at + 1];
  if (previous && input.startsOn <= previous.startsOn)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'startsOn',
      message: `The start must be after the start at the previous school (${longDate(previous.startsOn)}).`,
    });
  if ((next && input.startsOn >= next.startsOn) || (period.endsOn && input.startsOn > period.endsOn))
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'startsOn',
      message: `The start must be before the ECT left this school (${longDate(period.endsOn ?? next?.startsOn ?? null)}).`,
    });
  await tx
    .update(inductionPeriods)
    .set({
      startsOn: input.startsOn,
      fteHundredths: Math.round(input.fte * 100),
      tutorName: input.tutorName,
      tutorEmail: input.tutorEmail.toLowerCase(),
      mentorName: input.mentorName,
      mentorEmail: input.mentorEmail.toLowerCase(),
    })
    .where(eq(inductionPeriods.id, period.id));
  if (at === 0) await tx.update(ects).set({ startsOn: input.startsOn }).where(eq(ects.id, ect.id));
  if (previous && input.startsOn !== period.startsOn) {
    // The previous school's time ends the day before; its interim assessment (if not yet submitted) moves too,
    // to the last working day in term of that time.
    const leftOn = addDays(input.startsOn, -1);
    await tx.update(inductionPeriods).set({ endsOn: leftOn }).where(eq(inductionPeriods.id, previous.id));
    await tx
      .update(inductionCheckpoints)
      .set({ dueOn: await loadInterimDueOn(tx, previous.startsOn, leftOn) })
      .where(
        and(
          eq(inductionCheckpoints.periodId, previous.id),
          eq(inductionCheckpoints.kind, 'interim'),
          eq(inductionCheckpoints.status, 'due'),
        ),
      );
  }
  const schedule = await rescheduleEct(tx, actor.tenantId, ect.id);
  // A new tutor or mentor at the school the ECT is at now is invited, as at registration.
  const changed =
    input.tutorEmail.toLowerCase() !== period.tutorEmail ||
    input.mentorEmail.toLowerCase() !== period.mentorEmail;
  let invited: string[] = [];
  if (changed && !period.endsOn) {
    const [school] = await tx
      .select({ name: schools.name })
      .from(schools)
      .where(eq(schools.id, period.schoolId));
    invited = await inviteInductionPeople(tx, actor, {
      schoolId: period.schoolId,
      schoolName: school?.name ?? '',
      ect: { name: ect.name, email: ect.email },
      tutor: { name: input.tutorName, email: input.tutorEmail },
      mentor: { name: input.mentorName, email: input.mentorEmail },
    });
  }
  return { ectId: ect.id, completesOn: schedule.completesOn, invited };
}

/** The periods an actor may correct (for the record page): all for the AB, their school's for a head. */
export async function editablePeriodIds(tx: Tx, actor: Actor, ectId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: inductionPeriods.id, schoolId: inductionPeriods.schoolId })
    .from(inductionPeriods)
    .where(eq(inductionPeriods.ectId, ectId))
    .orderBy(asc(inductionPeriods.startsOn));
  if (isAbStaff(actor)) return rows.map((r) => r.id);
  const own = ownSchoolIds(actor, ['school_admin']);
  return rows.filter((r) => own.includes(r.schoolId)).map((r) => r.id);
}
