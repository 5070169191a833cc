/**
 * England's academic year runs 1 September – 31 August in three terms. We name a year by the calendar year it
 * starts in (2026 = 2026/27). The terms' dates are each tenant's (its LA's calendar): see server/calendar.
 */
export type Term = 'autumn' | 'spring' | 'summer';
export const terms: readonly Term[] = ['autumn', 'spring', 'summer'];

/** Dates are ISO calendar dates (yyyy-mm-dd) in Europe/London; no times, so no time-zone drift. */
export type IsoDate = string;

const parts = (date: IsoDate) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  // Round-trip through UTC to reject 2026-13-01, 2026-02-30 and the like.
  const real = match !== null && new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10) === date;
  if (!real) throw new Error(`not an ISO date: ${date}`);
  return { year, month };
};

export function academicYearOf(date: IsoDate): number {
  const { year, month } = parts(date);
  return month >= 9 ? year : year - 1;
}

/** Throws unless `date` is a real yyyy-mm-dd date. */
export function assertIsoDate(date: IsoDate): void {
  parts(date);
}

export function academicYearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

export const academicYearStart = (year: number): IsoDate => `${year}-09-01`;
export const academicYearEnd = (year: number): IsoDate => `${year + 1}-08-31`;

/** Today's date in Europe/London as yyyy-mm-dd. */
// Made once: building a DateTimeFormat costs far more than formatting with one (every booking asks the date).
const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

// London's date changes only on a whole UTC minute (its offsets are whole hours), so one answer serves a minute.
let lastMinute = Number.NaN;
let lastDate = '';

export function todayInLondon(now: Date = new Date()): IsoDate {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastDate = londonDate.format(now);
    lastMinute = minute;
  }
  return lastDate;
}
