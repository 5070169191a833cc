import type { IsoDate } from '../catalogue/academic-year';

/** "HH:MM" on the 24-hour clock. */
export type ClockTime = string;

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** London's offset from UTC, in minutes, at an instant (60 in BST, 0 in GMT). */
function londonOffsetMinutes(instant: Date): number {
  const p = Object.fromEntries(londonParts.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a London wall-clock time happens: 09:30 on 24 Oct 2026 (BST) is 08:30Z, on 26 Oct (GMT) 09:30Z.
 * Sessions never start in the skipped or repeated hour of a clock change (01:00–02:00 on a Sunday).
 */
export function londonToUtc(on: IsoDate, time: ClockTime): Date {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // The offset at the naive instant is right except within an hour of a change; a second pass settles it.
  const first = naive - londonOffsetMinutes(new Date(naive)) * 60_000;
  return new Date(naive - londonOffsetMinutes(new Date(first)) * 60_000);
}

/** Today's date in London, as an ISO date, from an instant. */
export function londonDateOf(instant: Date): IsoDate {
  const p = Object.fromEntries(londonParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** The London date and the minutes past its midnight on London's clock, at an instant. */
export function londonClockOf(instant: Date): { on: IsoDate; minutes: number } {
  const p = Object.fromEntries(londonParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { on: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
}

/** Adds days to an ISO date (calendar days). */
export function addDays(on: IsoDate, days: number): IsoDate {
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
