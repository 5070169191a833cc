import type { IsoDate } from '../catalogue/academic-year';
import { longDate } from '../format/dates';

/**
 * How long a workspace keeps personal data, and when a person may be erased on request. Plain rules on dates,
 * unit-tested; the domain functions and the retention job ask them.
 */

export type RetentionYears = { governorYears: number; ectYears: number; delegateYears: number };

/**
 * Defaults when a workspace has set none: a governor's record 6 years after they step down and an ECT's
 * induction record 6 years after it ends (the usual schools' records-management schedule for appointments and
 * staff development), a course delegate's place 3 years after the course.
 */
export const defaultRetention: RetentionYears = { governorYears: 6, ectYears: 6, delegateYears: 3 };

/** The date `years` after `date`; 29 February falls back to 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // Rolled into March: the day does not exist in that year.
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The date `months` after `date`, clamped to the month's last day (31 March + 1 month = 30 April). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The first day a record kept `years` from `from` is past retention; null while the clock has not started. */
export function retentionEndsOn(from: IsoDate | null, years: number): IsoDate | null {
  return from ? addYears(from, years) : null;
}

/** True when a record whose clock started on `from` has been kept its `years` by `today`. */
export function isPastRetention(today: IsoDate, from: IsoDate | null, years: number): boolean {
  const ends = retentionEndsOn(from, years);
  return ends !== null && ends <= today;
}

/**
 * The latest date whose records are past retention today: a record from this date or earlier is due
 * (the inverse of isPastRetention, for a query's WHERE).
 */
export function retentionCutoff(today: IsoDate, years: number): IsoDate {
  return addYears(today, -years);
}

/** When a governor's retention clock starts: the day they stepped down (a serving governor's has not). */
export function governorRetentionFrom(
  governor: { steppedDownOn: IsoDate | null },
  today: IsoDate,
): IsoDate | null {
  return governor.steppedDownOn && governor.steppedDownOn <= today ? governor.steppedDownOn : null;
}

/**
 * When an ECT's retention clock starts: the date of the outcome that ended the induction (pass or fail; an
 * extension continues it). An induction in progress has not started it.
 */
export function ectRetentionFrom(
  outcomes: readonly { outcome: 'pass' | 'fail' | 'extension'; decidedOn: IsoDate }[],
): IsoDate | null {
  const final = outcomes.filter((o) => o.outcome !== 'extension').map((o) => o.decidedOn);
  return final.length ? (final.sort().at(-1) ?? null) : null;
}

/** When a delegate's retention clock starts: the course's last session (its first, if no last is known). */
export function delegateRetentionFrom(course: { startsOn: IsoDate | null; endsOn: IsoDate | null }) {
  return course.endsOn ?? course.startsOn;
}

/**
 * Schools publish every governor of the last 12 months (name, appointment, term, stepping down, appointing
 * body, interests, attendance): the register may not forget them before then.
 */
export const publishedMonths = 12;

export type ErasureVerdict =
  { allowed: true; scope: 'full' | 'contact'; keeps: string[] } | { allowed: false; reason: string };

/** Whether a governor may be erased on request today, and why not. */
export function governorErasure(governor: { steppedDownOn: IsoDate | null }, today: IsoDate): ErasureVerdict {
  if (!governor.steppedDownOn || governor.steppedDownOn > today)
    return {
      allowed: false,
      reason:
        'is still serving on the board. Record the date they stepped down first: a serving governor must be on the school’s register.',
    };
  const publishedUntil = addMonths(governor.steppedDownOn, publishedMonths);
  if (publishedUntil > today)
    return {
      allowed: false,
      reason: `stepped down less than 12 months ago. Schools must publish every governor of the last 12 months, so the record can be erased from ${longDate(publishedUntil)}.`,
    };
  return { allowed: true, scope: 'full', keeps: [] };
}

/**
 * Whether an ECT may be erased on request. The induction record (name, TRN, periods, assessments and outcome)
 * is the Appropriate Body's statutory record for the Teaching Regulation Agency: it is kept, and only contact
 * details and what is not part of it are anonymised; an induction in progress cannot be erased at all.
 */
export function ectErasure(ect: { status: 'in_progress' | 'completed' }): ErasureVerdict {
  if (ect.status === 'in_progress')
    return {
      allowed: false,
      reason:
        'is still in induction. The Appropriate Body must keep the induction record until the outcome is recorded; nothing was erased.',
    };
  return {
    allowed: true,
    scope: 'contact',
    keeps: [
      'The induction record is kept: name, TRN, induction periods, reviews and assessments, and the outcome. The Appropriate Body must keep it for the Teaching Regulation Agency (outcomes are recorded with the TRA and may be appealed); it is anonymised when the retention period ends.',
    ],
  };
}
