/**
 * Dates as people in England read them, the one way the app writes a date: "23 November 2026" in sentences,
 * letters and PDFs, "23 Nov 2026" in tables. A calendar date (yyyy-mm-dd) has no time zone and is read as it
 * is; a moment (a Date or a timestamp) is shown as the date it was in London.
 */
type DateValue = string | Date | null | undefined;

const longFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  month: 'long',
  year: 'numeric',
});

// Noon UTC is the same calendar day in London in winter (GMT) and summer (BST).
const instant = (value: string | Date) =>
  typeof value !== 'string' ? value : new Date(value.length === 10 ? `${value}T12:00:00Z` : value);

/**
 * A calendar date written as `format` writes it ("23 November 2026"), without a time-zone conversion per
 * call: the month names are read from the formatter once (en-GB writes September "Sept" in short), so the
 * result is the formatter's own. Tables of hundreds of dates spent more on Intl than on their rows.
 */
function calendarDateWriter(format: Intl.DateTimeFormat) {
  const months = Array.from(
    { length: 12 },
    (_, m) =>
      format.formatToParts(new Date(Date.UTC(2026, m, 15, 12))).find((p) => p.type === 'month')?.value ?? '',
  );
  const calendarDate = /^([1-9]\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
  return (value: string | Date) => {
    const parts = typeof value === 'string' ? calendarDate.exec(value) : null;
    const [year, month, day] = parts ? [Number(parts[1]), Number(parts[2]), Number(parts[3])] : [0, 0, 0];
    // Not a real day (30 February): as Intl reads it (2 March).
    if (!parts || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return format.format(instant(value));
    return `${day} ${months[month - 1]} ${year}`;
  };
}
const writeLong = calendarDateWriter(longFormat);
const writeShort = calendarDateWriter(shortFormat);

/** "23 November 2026"; `empty` (a dash) when there is no date. */
export const longDate = (value: DateValue, empty = '—') => (value ? writeLong(value) : empty);

/** "23 Nov 2026"; `empty` (a dash) when there is no date. */
export const shortDate = (value: DateValue, empty = '—') => (value ? writeShort(value) : empty);

/** "November 2026". */
export const monthAndYear = (value: string | Date) => monthFormat.format(instant(value));

const momentFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * A moment to the minute, as the London clock reads it, with its year (a hold's end may fall after New Year):
 * "Mon, 7 December 2026 at 14:30" (a hold's end, a deadline).
 */
export const dateAndTime = (value: string | Date) => momentFormat.format(instant(value));

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'short',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/**
 * The end of something that lasts until a moment ("held until …"): as dateAndTime, except that a moment on
 * the stroke of midnight is "the end of" the day before — a hold worked out in working hours often ends there,
 * and "Wed, 9 December 2026 at 00:00" reads as Wednesday night to someone busy.
 */
export function untilMoment(value: string | Date): string {
  const at = instant(value);
  const hm = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  if (hm !== '00:00') return momentFormat.format(at);
  return `the end of ${dayFormat.format(new Date(at.getTime() - 60_000))}`;
}

const stampFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** When something happened, for logs and lists of runs: "5 Dec 2026, 03:57" (London time). */
export const timestamp = (value: string | Date) => stampFormat.format(instant(value));
