import type { IsoDate } from '../catalogue/academic-year';
import { easterSunday } from '../calendar/easter';
import { addDays, londonClockOf, londonToUtc } from './london-time';

/**
 * Bank holidays in England and Wales, computed: New Year's Day, Good Friday, Easter Monday, the early May and
 * spring bank holidays, the summer bank holiday, Christmas Day and Boxing Day, each moved to the next free
 * weekday when it falls at a weekend. The one-off changes of recent years are listed below.
 */
const oneOffs: Record<number, { moved?: [IsoDate, IsoDate][]; extra?: IsoDate[] }> = {
  2020: { moved: [['2020-05-04', '2020-05-08']] },
  2022: { moved: [['2022-05-30', '2022-06-02']], extra: ['2022-06-03', '2022-09-19'] },
  2023: { extra: ['2023-05-08'] },
};

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const dayOfWeek = (on: IsoDate) => new Date(`${on}T12:00:00Z`).getUTCDay();
export const isWeekend = (on: IsoDate) => dayOfWeek(on) === 0 || dayOfWeek(on) === 6;

/** The first (n = 1) or last (n = -1) Monday of a month. */
function monday(year: number, month: number, n: 1 | -1): IsoDate {
  if (n === 1) {
    let d = iso(year, month, 1);
    while (dayOfWeek(d) !== 1) d = addDays(d, 1);
    return d;
  }
  let d = iso(year, month + 1, 0);
  while (dayOfWeek(d) !== 1) d = addDays(d, -1);
  return d;
}

const cache = new Map<number, Set<IsoDate>>();

export function bankHolidays(year: number): Set<IsoDate> {
  const known = cache.get(year);
  if (known) return known;
  const days = new Set<IsoDate>();
  const addObserved = (on: IsoDate) => {
    let d = on;
    while (isWeekend(d) || days.has(d)) d = addDays(d, 1);
    days.add(d);
  };
  addObserved(iso(year, 1, 1));
  const easter = easterSunday(year);
  days.add(addDays(easter, -2));
  days.add(addDays(easter, 1));
  days.add(monday(year, 5, 1));
  days.add(monday(year, 5, -1));
  days.add(monday(year, 8, -1));
  addObserved(iso(year, 12, 25));
  addObserved(iso(year, 12, 26));
  for (const [from, to] of oneOffs[year]?.moved ?? []) {
    days.delete(from);
    days.add(to);
  }
  for (const extra of oneOffs[year]?.extra ?? []) days.add(extra);
  cache.set(year, days);
  return days;
}

export const isWorkingDay = (on: IsoDate) => !isWeekend(on) && !bankHolidays(Number(on.slice(0, 4))).has(on);

/**
 * Answers already worked out: every booking's confirmation states its course's last day to cancel free, and
 * walking back day by day was ~3% of a booking's CPU. Bounded, as a long-running server meets new dates daily.
 */
const before = new Map<string, IsoDate>();

/** The working day `n` working days before `on` (n ≥ 0; 0 = `on` itself, moved back to a working day). */
export function workingDaysBefore(on: IsoDate, n: number): IsoDate {
  const key = `${on}|${n}`;
  const known = before.get(key);
  if (known) return known;
  const found = walkBack(on, n);
  if (before.size >= 5_000) before.clear();
  before.set(key, found);
  return found;
}

function walkBack(on: IsoDate, n: number): IsoDate {
  let d = on;
  while (!isWorkingDay(d)) d = addDays(d, -1);
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** The working day `n` working days after `on`. */
export function workingDaysAfter(on: IsoDate, n: number): IsoDate {
  let d = on;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/**
 * The moment `hours` working hours after `from`: only the hours of working days count (all 24 of them, on
 * London's clock), so a waiting-list hold of 48 hours offered at 15:00 on a Friday runs out at 15:00 on the
 * Tuesday, not over the weekend. Started on a weekend or bank holiday, the count begins at midnight on the next
 * working day. Clocks change on a Sunday, never a working day, so each counted day is 24 real hours.
 */
export function addWorkingHours(from: Date, hours: number): Date {
  const clock = londonClockOf(from);
  let on = clock.on;
  // London's offset is whole hours: the seconds past the minute are the instant's own.
  let into = clock.minutes * 60_000 + (from.getTime() % 60_000);
  if (!isWorkingDay(on)) {
    on = workingDaysAfter(on, 1);
    into = 0;
  }
  let left = hours * hourMs;
  while (left > dayMs - into) {
    left -= dayMs - into;
    on = workingDaysAfter(on, 1);
    into = 0;
  }
  return new Date(londonToUtc(on, '00:00').getTime() + into + left);
}
