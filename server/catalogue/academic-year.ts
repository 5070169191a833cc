/**
 * England's academic year runs 1 September – 31 August in three terms. We name a year by the calendar year it
 * starts in (2026 = 2026/27) and use fixed term boundaries (autumn Sep–Dec, spring Jan–Mar, summer Apr–Aug),
 * which is how partnerships pro-rate mid-year joiners.
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

export function termOf(date: IsoDate): Term {
  const { month } = parts(date);
  if (month >= 9) return 'autumn';
  if (month <= 3) return 'spring';
  return 'summer';
}

export function academicYearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

export const academicYearStart = (year: number): IsoDate => `${year}-09-01`;
export const academicYearEnd = (year: number): IsoDate => `${year + 1}-08-31`;

/**
 * Terms a subscriber joining on `date` pays for in `year`: all three before or at the start of the year,
 * the current term and those after it during the year, none after it ends.
 */
export function termsRemaining(year: number, date: IsoDate): number {
  parts(date);
  if (date <= academicYearStart(year)) return 3;
  if (date > academicYearEnd(year)) return 0;
  return 3 - terms.indexOf(termOf(date));
}

/** Today's date in Europe/London as yyyy-mm-dd. */
export function todayInLondon(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}
