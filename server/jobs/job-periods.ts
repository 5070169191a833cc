import { academicYearOf, type IsoDate } from '../catalogue/academic-year';

/**
 * The period a job run covers. A job runs at most once per period and tenant (job_runs is unique on it), so
 * these keys are what make running a job twice change nothing more.
 */

/** A daily job: the Europe/London calendar date. */
export const dayPeriod = (today: IsoDate): string => today;

/** A job every quarter of an hour: the Europe/London date and the quarter, e.g. "2026-12-03T22:15". */
export function quarterHourPeriod(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const quarter = String(Math.floor(Number(part('minute')) / 15) * 15).padStart(2, '0');
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${quarter}`;
}

/** A weekly job: the ISO-8601 week, e.g. "2026-W49" (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekPeriod(today: IsoDate): string {
  const date = new Date(`${today}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date);
  thursday.setUTCDate(date.getUTCDate() - weekday + 3);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Year-end expiry: the academic year that ended most recently (2025 on any day of 2026/27). */
export const endedAcademicYear = (today: IsoDate): number => academicYearOf(today) - 1;

/** The date `days` before `today`. */
export function daysBefore(today: IsoDate, days: number): IsoDate {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * Whether a school that has not answered is due a renewal reminder: the round is still open, it has an
 * interval, and the interval has passed since the invitation or the last reminder (manual or automatic).
 */
export function reminderDue(input: {
  today: IsoDate;
  closesOn: IsoDate;
  intervalDays: number | null;
  /** The date of the invitation or the last reminder, whichever is later. */
  lastContactOn: IsoDate;
}): boolean {
  if (input.intervalDays === null || input.intervalDays < 1) return false;
  if (input.today > input.closesOn) return false;
  return input.lastContactOn <= daysBefore(input.today, input.intervalDays);
}
