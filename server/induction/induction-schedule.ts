import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import type { TermDates, TermSpan } from '../calendar/term-dates';
import { addDays } from '../courses/london-time';
import { isWorkingDay, workingDaysAfter } from '../courses/working-days';

/**
 * The statutory shape of ECT induction (Induction for early career teachers (England), current policy):
 *
 * - two school years full time: six induction terms; part-time pro rata (0.5 FTE: each induction term spans
 *   two school terms, so four years);
 * - a progress review at the end of induction terms 1, 2, 4 and 5, a formal assessment at the end of terms 3
 *   and 6 (and at the end of the last term when a reduction or an extension changes the length);
 * - a reduction for prior experience (down to one term) and an extension add or remove terms;
 * - absences totalling 30 days or more in an induction year extend that year by the days absent: its end, and
 *   every checkpoint after it, move on by that many school days (weekdays in term, not bank holidays).
 *
 * The term an ECT starts in counts as their first school term (a mid-term start makes it a short one); a
 * checkpoint falls due on the last day of the school term that closes its induction term.
 *
 * Each school term counts at the FTE the ECT worked in it: a move to another school at a different FTE
 * (`fteChanges`) stretches or shortens only the time after the move, never the terms already served. A term
 * the FTE changes in counts at each FTE for its share of the term's days.
 *
 * A resumption pauses induction after some terms and resumes it on a date (the Teaching Regulation Agency
 * varying a fail or an extension on appeal, months after it): the terms after the pause run from the first
 * school term starting on or after that date, counted afresh, instead of straight on from the terms before it.
 * An ordinary extension has none and follows on from the end.
 *
 *   const plan = planInduction({ startsOn: '2026-09-03', fte: 1, termDatesFor, ... });
 *   plan.checkpoints[2]  // { termNumber: 3, kind: 'formal', dueOn: '2027-07-21' }
 */

export const fullInductionTerms = 6;
/** Days of absence in one induction year at which the year is extended. */
export const absenceThresholdDays = 30;
/** Escalation of an overdue checkpoint: the tutor at once, the head after 10 working days, the AB after 20. */
export const escalateToHeadAfterWorkingDays = 10;
export const escalateToAbAfterWorkingDays = 20;

export type PlannedCheckpoint = { termNumber: number; kind: 'review' | 'formal'; dueOn: IsoDate };

/** Induction paused after `afterTerms` induction terms and resumed on `resumesOn`. */
export type Resumption = { afterTerms: number; resumesOn: IsoDate };

/** The FTE from a date on (the start of an induction period at another school). */
export type FteChange = { from: IsoDate; fte: number };

export type ScheduleInput = {
  startsOn: IsoDate;
  /** Full-time equivalent at the start, 0.1–1. */
  fte: number;
  /** Later changes of FTE, each from its date on (see above). */
  fteChanges?: readonly FteChange[];
  /** Terms taken off for prior experience (0–5, one decimal place). */
  reductionTerms?: number;
  /** Terms added by an extension. */
  extensionTerms?: number;
  absences?: readonly { startsOn: IsoDate; days: number }[];
  /** Pauses in induction: the terms after each run from its date (see above). */
  resumptions?: readonly Resumption[];
  /** The workspace's term dates for an academic year (its own, or the defaults). */
  termDatesFor: (academicYear: number) => TermDates;
};

export type InductionSchedule = {
  /** Induction terms to serve (one decimal place). */
  termsRequired: number;
  checkpoints: PlannedCheckpoint[];
  /** The last checkpoint's due date: when induction is expected to be complete. */
  completesOn: IsoDate;
  /** Induction years extended for absence, and by how many school days. */
  absenceExtensions: { year: number; days: number }[];
};

export const roundTenth = (n: number) => Math.round(n * 10) / 10;

/** The school terms from the one `startsOn` falls in (or the next, in a holiday), enough of them for `count`. */
export function schoolTermsFrom(
  startsOn: IsoDate,
  count: number,
  termDatesFor: (academicYear: number) => TermDates,
): TermSpan[] {
  const spans: TermSpan[] = [];
  for (let year = academicYearOf(startsOn) - 1; spans.length < count; year += 1) {
    for (const span of termDatesFor(year).terms) if (span.endsOn >= startsOn) spans.push(span);
    if (year > academicYearOf(startsOn) + 60) throw new Error('term dates ran out');
  }
  return spans.slice(0, count);
}

/** The school terms starting on or after `on` (a term already under way does not count), `count` of them. */
export function schoolTermsStartingFrom(
  on: IsoDate,
  count: number,
  termDatesFor: (academicYear: number) => TermDates,
): TermSpan[] {
  return schoolTermsFrom(on, count + 1, termDatesFor)
    .filter((span) => span.startsOn >= on)
    .slice(0, count);
}

/** `days` school days after `on`: weekdays inside a term that are not bank holidays. */
export function addSchoolDays(on: IsoDate, days: number, spans: readonly TermSpan[]): IsoDate {
  let date = on;
  let left = days;
  const inTerm = (d: IsoDate) => spans.some((s) => s.startsOn <= d && d <= s.endsOn);
  const last = spans[spans.length - 1]?.endsOn ?? on;
  while (left > 0) {
    date = addDays(date, 1);
    // Past the last known term: count working days, which is what the next year's terms would give roughly.
    if (date > last ? isWorkingDay(date) : inTerm(date) && isWorkingDay(date)) left -= 1;
  }
  return date;
}

/** Induction terms to serve after a reduction and extensions: six less the reduction plus extensions, at least one. */
export const inductionTermsRequired = (input: Pick<ScheduleInput, 'reductionTerms' | 'extensionTerms'>) =>
  Math.max(1, roundTenth(fullInductionTerms - (input.reductionTerms ?? 0) + (input.extensionTerms ?? 0)));

/** One checkpoint closes each induction term, the last one partial (3.5 terms → 4 checkpoints). */
export const checkpointCount = (termsRequired: number) => Math.ceil(termsRequired - 1e-9);

/**
 * The induction terms a school term counts for: its share of days at each FTE in force during it (the whole
 * term at one FTE when it does not change, however late in the term induction started).
 */
export function termWeight(span: TermSpan, input: Pick<ScheduleInput, 'fte' | 'fteChanges'>): number {
  const changes = [...(input.fteChanges ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1));
  const fteOn = (day: IsoDate) => changes.filter((c) => c.from <= day).at(-1)?.fte ?? input.fte;
  const inside = changes.filter((c) => c.from > span.startsOn && c.from <= span.endsOn);
  if (inside.length === 0) return fteOn(span.startsOn);
  const length = daysBetween(span.startsOn, span.endsOn) + 1;
  let weight = 0;
  let from = span.startsOn;
  for (const change of [...inside, { from: addDays(span.endsOn, 1), fte: 0 }]) {
    weight += (fteOn(from) * daysBetween(from, change.from)) / length;
    from = change.from;
  }
  return weight;
}

/** The checkpoints of an induction, due dates computed from the rules above. */
export function planInduction(input: ScheduleInput): InductionSchedule {
  const ftes = [input.fte, ...(input.fteChanges ?? []).map((c) => c.fte)];
  if (!ftes.every((fte) => fte >= 0.1 && fte <= 1)) throw new Error('FTE must be between 0.1 and 1');
  const termsRequired = inductionTermsRequired(input);
  const count = checkpointCount(termsRequired);
  const schoolTermsNeeded = Math.ceil(termsRequired / Math.min(...ftes) - 1e-9);
  // Each segment of induction (from the start, then from each resumption) counts school terms from its own
  // first term; enough extra terms for absence extensions to run into.
  const segments = [
    { afterTerms: 0, spans: schoolTermsFrom(input.startsOn, schoolTermsNeeded + 6, input.termDatesFor) },
    ...[...(input.resumptions ?? [])]
      .sort((a, b) => a.afterTerms - b.afterTerms)
      .map((r) => ({
        afterTerms: r.afterTerms,
        spans: schoolTermsStartingFrom(r.resumesOn, schoolTermsNeeded + 6, input.termDatesFor),
      })),
  ];
  const segmentOf = (served: number) =>
    segments.filter((s) => s.afterTerms < served - 1e-9).at(-1) ?? segments[0];
  const checkpoints: PlannedCheckpoint[] = [];
  const segmentOfCheckpoint: number[] = [];
  for (let termNumber = 1; termNumber <= count; termNumber += 1) {
    const served = Math.min(termNumber, termsRequired);
    const segment = segmentOf(served);
    if (!segment) throw new Error('no induction segment');
    // The school term by whose end the terms served in this segment reach this induction term.
    const target = roundTenth(served - segment.afterTerms);
    let cumulative = 0;
    const span = segment.spans.find((s) => (cumulative += termWeight(s, input)) >= target - 1e-6);
    if (!span) throw new Error('term dates ran out');
    const formal = termNumber === 3 || termNumber === 6 || termNumber === count;
    checkpoints.push({ termNumber, kind: formal ? 'formal' : 'review', dueOn: span.endsOn });
    segmentOfCheckpoint.push(segments.indexOf(segment));
  }
  const spans = segments.flatMap((s) => s.spans);

  // Absences extend the induction year they fall in: year k ends at the checkpoint of term 3k (or the last).
  // The shift reaches the checkpoints after it up to a resumption, whose terms are dated from its own date.
  const absenceExtensions: { year: number; days: number }[] = [];
  let yearStart = input.startsOn;
  for (let year = 1; (year - 1) * 3 < count; year += 1) {
    const endTerm = Math.min(year * 3, count);
    const end = checkpoints[endTerm - 1];
    if (!end) break;
    const days = (input.absences ?? [])
      .filter((a) => a.startsOn >= yearStart && a.startsOn <= end.dueOn)
      .reduce((sum, a) => sum + a.days, 0);
    const nextStart = addDays(end.dueOn, 1);
    if (days >= absenceThresholdDays) {
      absenceExtensions.push({ year, days });
      const segment = segmentOfCheckpoint[endTerm - 1];
      for (const [i, c] of checkpoints.entries())
        if (i >= endTerm - 1 && segmentOfCheckpoint[i] === segment)
          c.dueOn = addSchoolDays(c.dueOn, days, spans);
      yearStart = addDays(end.dueOn, 1);
    } else {
      yearStart = nextStart;
    }
  }
  const completesOn = checkpoints[checkpoints.length - 1]?.dueOn ?? input.startsOn;
  return { termsRequired, checkpoints, completesOn, absenceExtensions };
}

/**
 * When the interim assessment of a school the ECT leaves falls due: the last working day in term of their time
 * there (on or before `leftOn`, not before `startedOn`), so not the Sunday before the next school's term; the
 * day they left if no day of their time there was in term.
 */
export function interimDueOn(
  startedOn: IsoDate,
  leftOn: IsoDate,
  termDatesFor: (academicYear: number) => TermDates,
): IsoDate {
  const spans = [academicYearOf(leftOn) - 1, academicYearOf(leftOn)].flatMap((y) => termDatesFor(y).terms);
  for (let day = leftOn; day >= startedOn; day = addDays(day, -1)) {
    if (spans.some((s) => s.startsOn <= day && day <= s.endsOn) && isWorkingDay(day)) return day;
  }
  return leftOn;
}

/**
 * The induction period a checkpoint due on `dueOn` belongs to: the one the ECT was in on that day (the last of
 * `periods`, oldest first, to start on or before it). A review of a term the ECT finished at a school they have
 * since left stays with that school, whose headteacher or tutor completes it for the time the ECT spent there
 * (statutory guidance); the next school takes only the checkpoints falling due after the move.
 */
export function periodOfCheckpoint<P extends { startsOn: IsoDate }>(
  periods: readonly P[],
  dueOn: IsoDate,
): P | undefined {
  return periods.filter((p) => p.startsOn <= dueOn).at(-1) ?? periods[0];
}

/** Induction terms served by `on`, to one decimal place: school terms elapsed (the current one in part) × FTE. */
export function termsServedBy(
  input: Pick<ScheduleInput, 'startsOn' | 'fte' | 'fteChanges' | 'termDatesFor'>,
  on: IsoDate,
): number {
  const spans = schoolTermsFrom(input.startsOn, 40, input.termDatesFor);
  let terms = 0;
  for (const [i, span] of spans.entries()) {
    const from = i === 0 && input.startsOn > span.startsOn ? input.startsOn : span.startsOn;
    if (from > on) break;
    if (span.endsOn <= on) {
      terms += termWeight(span, input);
      continue;
    }
    // The term under way: the part served so far, at the FTE of its days (as if the term ended today).
    const length = daysBetween(from, span.endsOn) + 1;
    terms += ((daysBetween(from, on) + 1) / length) * termWeight({ ...span, endsOn: on }, input);
    break;
  }
  return roundTenth(terms);
}

const daysBetween = (a: IsoDate, b: IsoDate) =>
  Math.round((Date.parse(`${b}T12:00:00Z`) - Date.parse(`${a}T12:00:00Z`)) / 86_400_000);

export type CheckpointState = {
  dueOn: IsoDate;
  status: 'due' | 'submitted' | 'changes_requested' | 'accepted';
};

/** Overdue: the due date has passed and the school has not (re)submitted it. */
export const isOverdue = (c: CheckpointState, today: IsoDate) =>
  (c.status === 'due' || c.status === 'changes_requested') && c.dueOn < today;

/**
 * Already overdue when the school registered the ECT (or their move) with the AB on `registeredOn`: a late
 * registration. Such a checkpoint is kept, shown as overdue, and the school is warned as it registers.
 */
export const overdueAtRegistration = (c: CheckpointState, registeredOn: IsoDate) =>
  isOverdue(c, registeredOn);

/**
 * How far an overdue checkpoint should have been escalated by `today`: 1 the tutor (once overdue), 2 the head
 * (10 working days after), 3 the AB (20 working days after); 0 when it is not overdue. One already overdue
 * when the school registered the ECT (`registeredOn`) is chased from the registration instead: the tutor at
 * once, the head and the AB as long after as for any other, so that neither is told the tutor was reminded
 * weeks ago when nobody was (the AB sees it on its dashboard, flagged, from the day it is registered).
 */
export function escalationLevelDue(
  c: CheckpointState,
  today: IsoDate,
  registeredOn?: IsoDate,
): 0 | 1 | 2 | 3 {
  if (!isOverdue(c, today)) return 0;
  const from = registeredOn !== undefined && overdueAtRegistration(c, registeredOn) ? registeredOn : c.dueOn;
  if (today >= workingDaysAfter(from, escalateToAbAfterWorkingDays)) return 3;
  if (today >= workingDaysAfter(from, escalateToHeadAfterWorkingDays)) return 2;
  return 1;
}

/**
 * The first day a checkpoint may be submitted: the start of the school term at whose end it falls due. Before
 * then there is nothing yet to review: a final assessment written in the first autumn of a four-year induction
 * is not an assessment.
 */
export function checkpointOpensOn(
  dueOn: IsoDate,
  termDatesFor: (academicYear: number) => TermDates,
): IsoDate {
  const terms = termDatesFor(academicYearOf(dueOn)).terms;
  const span =
    terms.find((t) => t.startsOn <= dueOn && dueOn <= t.endsOn) ??
    [...terms].reverse().find((t) => t.startsOn <= dueOn);
  return span?.startsOn ?? dueOn;
}
