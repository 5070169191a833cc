import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { inductionCheckpoints } from '~/db/schema';
import type { Actor } from '../access/actor';
import type { IsoDate } from '../catalogue/academic-year';
import { assertAppropriateBody } from './appropriate-body';
import { fullInductionTerms, planInduction, type PlannedCheckpoint } from './induction-schedule';
import type { TPreviewRegistrationInput } from './induction-inputs';
import { lateCheckpoint } from './late-registration';
import { findRegisteredTrn, registrationDay } from './register-ect';
import { scheduleFor, termDatesLoader } from './reschedule-ect';

/**
 * What a registration would give the school, shown on the registration page before it confirms: whether it is
 * late (the start it gives is before the day of registration: today, or the earlier day an AB officer enters)
 * and which reviews and assessments would already be overdue, and the next one due. For a school continuing an induction, only the checkpoints falling due from its start
 * that the old school has not sent (the old school keeps the earlier ones). Nothing is written.
 */
export async function previewRegistration(
  tx: Tx,
  actor: Actor,
  input: TPreviewRegistrationInput & { today: IsoDate },
) {
  assertAppropriateBody(actor);
  // Late and overdue as of the day of registration: an AB officer's earlier day, or today.
  const on = registrationDay(actor, input.registeredOn, input.today);
  const existing =
    input.continueInduction && input.trn ? await findRegisteredTrn(tx, actor, input.trn) : null;
  let planned: PlannedCheckpoint[];
  if (existing && existing.status === 'in_progress') {
    const [schedule, sent] = await Promise.all([
      scheduleFor(tx, existing.id, {
        startsOn: input.startsOn,
        fteHundredths: Math.round(input.fte * 100),
      }),
      tx
        .select({ termNumber: inductionCheckpoints.termNumber, status: inductionCheckpoints.status })
        .from(inductionCheckpoints)
        .where(eq(inductionCheckpoints.ectId, existing.id)),
    ]);
    const done = new Set(
      sent.filter((c) => c.status === 'submitted' || c.status === 'accepted').map((c) => c.termNumber),
    );
    planned = schedule.checkpoints.filter((c) => c.dueOn >= input.startsOn && !done.has(c.termNumber));
  } else {
    // Years of term dates enough for the whole induction at this FTE, with a margin (as scheduleFor).
    const years = Math.ceil(fullInductionTerms / input.fte / 3) + 4;
    planned = planInduction({
      startsOn: input.startsOn,
      fte: input.fte,
      termDatesFor: await termDatesLoader(tx, input.startsOn, years),
    }).checkpoints;
  }
  const next = planned.find((c) => c.dueOn >= on);
  return {
    startsOn: input.startsOn,
    registeredOn: on,
    continuing: Boolean(existing && existing.status === 'in_progress'),
    late: input.startsOn < on,
    overdue: planned.filter((c) => c.dueOn < on).map(lateCheckpoint),
    next: next ? lateCheckpoint(next) : null,
  };
}
