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

/** "23 November 2026"; `empty` (a dash) when there is no date. */
export const longDate = (value: DateValue, empty = '—') =>
  value ? longFormat.format(instant(value)) : empty;

/** "23 Nov 2026"; `empty` (a dash) when there is no date. */
export const shortDate = (value: DateValue, empty = '—') =>
  value ? shortFormat.format(instant(value)) : empty;

/** "November 2026". */
export const monthAndYear = (value: string | Date) => monthFormat.format(instant(value));
