import { and, asc, desc, eq, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  ects,
  inductionAbsences,
  inductionCheckpoints,
  inductionOutcomes,
  inductionPeriods,
} from '~/db/schema';
import { academicYearOf } from '../catalogue/academic-year';
import { defaultTermDates, loadTermDates, type TermDates } from '../calendar/term-dates';
import { DomainError } from '../errors/domain-error';
import {
  interimDueOn,
  periodOfCheckpoint,
  planInduction,
  type InductionSchedule,
  type Resumption,
} from './induction-schedule';

/** The workspace's term dates for every year an induction may run into (its own, or the defaults). */
export async function termDatesLoader(tx: Tx, startsOn: string, years: number) {
  const first = academicYearOf(startsOn) - 1;
  const loaded = new Map<number, TermDates>();
  for (let y = first; y <= first + years; y += 1) loaded.set(y, await loadTermDates(tx, y));
  return (year: number): TermDates => {
    const found = loaded.get(year);
    if (!found) throw new Error(`term dates for ${year} not loaded`);
    return found;
  };
}

/** The ECT's current (latest) period. */
export async function currentPeriod(tx: Tx, ectId: string) {
  const [period] = await tx
    .select()
    .from(inductionPeriods)
    .where(eq(inductionPeriods.ectId, ectId))
    .orderBy(desc(inductionPeriods.startsOn), desc(inductionPeriods.createdAt))
    .limit(1);
  if (!period) throw new DomainError({ code: 'NOT_FOUND', message: 'That ECT has no induction period.' });
  return period;
}

/** Where the Teaching Regulation Agency's extensions on appeal resumed induction (oldest first). */
export async function resumptionsOf(tx: Tx, ectId: string): Promise<Resumption[]> {
  const rows = await tx
    .select({ resumesOn: inductionOutcomes.resumesOn, afterTenths: inductionOutcomes.resumesAfterTenths })
    .from(inductionOutcomes)
    .where(and(eq(inductionOutcomes.ectId, ectId), isNotNull(inductionOutcomes.resumesOn)))
    .orderBy(asc(inductionOutcomes.createdAt));
  return rows.flatMap((r) =>
    r.resumesOn !== null && r.afterTenths !== null
      ? [{ resumesOn: r.resumesOn, afterTerms: r.afterTenths / 10 }]
      : [],
  );
}

/**
 * The schedule for an ECT as things stand: start, the FTE of each period (time served at one school counts at
 * its FTE; a move changes only what follows), reduction, extension, absences, resumptions. With `move`, as it
 * would be after a move to another school from that date at that FTE (what a school continuing the induction
 * is shown before it confirms).
 */
export async function scheduleFor(
  tx: Tx,
  ectId: string,
  move?: { startsOn: string; fteHundredths: number },
): Promise<InductionSchedule> {
  const [ect] = await tx.select().from(ects).where(eq(ects.id, ectId));
  if (!ect) throw new DomainError({ code: 'NOT_FOUND', message: 'That ECT was not found.' });
  const [periods, absences, resumptions] = await Promise.all([
    tx
      .select({ startsOn: inductionPeriods.startsOn, fteHundredths: inductionPeriods.fteHundredths })
      .from(inductionPeriods)
      .where(eq(inductionPeriods.ectId, ectId))
      .orderBy(asc(inductionPeriods.startsOn), asc(inductionPeriods.createdAt)),
    tx
      .select({ startsOn: inductionAbsences.startsOn, days: inductionAbsences.days })
      .from(inductionAbsences)
      .where(eq(inductionAbsences.ectId, ectId)),
    resumptionsOf(tx, ectId),
  ]);
  const [first, ...later] = move ? [...periods, move] : periods;
  if (!first) throw new DomainError({ code: 'NOT_FOUND', message: 'That ECT has no induction period.' });
  const fteChanges = later.map((p) => ({ from: p.startsOn, fte: p.fteHundredths / 100 }));
  // The lowest FTE decides how many years of term dates the induction may need.
  const fte = Math.min(first.fteHundredths, ...later.map((p) => p.fteHundredths)) / 100;
  const terms = 6 + ect.extensionTenths / 10;
  // Term dates from the start to well past the end, the end counted from the last resumption if any.
  const lastResumes = resumptions.reduce(
    (latest, r) => (r.resumesOn > latest ? r.resumesOn : latest),
    ect.startsOn,
  );
  const years = academicYearOf(lastResumes) - academicYearOf(ect.startsOn) + Math.ceil(terms / fte / 3) + 4;
  return planInduction({
    startsOn: ect.startsOn,
    fte: first.fteHundredths / 100,
    fteChanges,
    reductionTerms: ect.reductionTenths / 10,
    extensionTerms: ect.extensionTenths / 10,
    absences,
    resumptions,
    termDatesFor: await termDatesLoader(tx, ect.startsOn, years),
  });
}

/**
 * Brings an ECT's checkpoints in line with their schedule: each not yet submitted moves to its computed due
 * date, missing ones are added (not before a resumption), and ones beyond a shortened induction are removed.
 * Submitted and accepted ones stay as they are. Each belongs to the school the ECT was at on its due date
 * (see periodOfCheckpoint): after a move the school left keeps the reviews of its terms, due or overdue, and
 * the new school takes only those falling due from its start.
 */
export async function rescheduleEct(tx: Tx, tenantId: string, ectId: string): Promise<InductionSchedule> {
  const schedule = await scheduleFor(tx, ectId);
  const periods = await tx
    .select({ id: inductionPeriods.id, startsOn: inductionPeriods.startsOn, endsOn: inductionPeriods.endsOn })
    .from(inductionPeriods)
    .where(eq(inductionPeriods.ectId, ectId))
    .orderBy(asc(inductionPeriods.startsOn), asc(inductionPeriods.createdAt));
  const period = periods.at(-1);
  if (!period) throw new DomainError({ code: 'NOT_FOUND', message: 'That ECT has no induction period.' });
  const periodFor = (dueOn: string) => periodOfCheckpoint(periods, dueOn)?.id ?? period.id;
  // Terms before the last resumption belong to the induction before the pause: one the school never reported
  // on (deleted when a fail ended induction) is not brought back, overdue, when an appeal's result resumes it.
  const pausedAfter = Math.max(0, ...(await resumptionsOf(tx, ectId)).map((r) => r.afterTerms));
  const existing = await tx
    .select()
    .from(inductionCheckpoints)
    .where(eq(inductionCheckpoints.ectId, ectId))
    .orderBy(asc(inductionCheckpoints.termNumber));
  for (const planned of schedule.checkpoints) {
    const found = existing.find((c) => c.termNumber === planned.termNumber);
    if (!found) {
      if (planned.termNumber <= pausedAfter) continue;
      await tx.insert(inductionCheckpoints).values({
        tenantId,
        ectId,
        periodId: periodFor(planned.dueOn),
        kind: planned.kind,
        termNumber: planned.termNumber,
        dueOn: planned.dueOn,
      });
    } else if (found.status === 'due' || found.status === 'changes_requested') {
      await tx
        .update(inductionCheckpoints)
        .set({
          dueOn: planned.dueOn,
          kind: planned.kind,
          // Once induction has ended (no period open) nothing changes hands.
          periodId: period.endsOn ? found.periodId : periodFor(planned.dueOn),
          ...(found.dueOn !== planned.dueOn ? { escalationLevel: 0 } : {}),
        })
        .where(eq(inductionCheckpoints.id, found.id));
    }
  }
  await tx
    .delete(inductionCheckpoints)
    .where(
      and(
        eq(inductionCheckpoints.ectId, ectId),
        gt(inductionCheckpoints.termNumber, schedule.checkpoints.length),
        inArray(inductionCheckpoints.status, ['due']),
      ),
    );
  return schedule;
}

/** The interim assessment's due date for a school left on `leftOn` (see interimDueOn), on the AB's term dates. */
export async function loadInterimDueOn(tx: Tx, startedOn: string, leftOn: string) {
  const year = academicYearOf(leftOn);
  const dates = new Map([
    [year - 1, await loadTermDates(tx, year - 1)],
    [year, await loadTermDates(tx, year)],
  ]);
  return interimDueOn(startedOn, leftOn, (y) => dates.get(y) ?? defaultTermDates(y));
}

/** The period still open (no end date), or null once induction has ended. */
export async function openPeriod(tx: Tx, ectId: string) {
  const [period] = await tx
    .select()
    .from(inductionPeriods)
    .where(and(eq(inductionPeriods.ectId, ectId), isNull(inductionPeriods.endsOn)));
  return period ?? null;
}
