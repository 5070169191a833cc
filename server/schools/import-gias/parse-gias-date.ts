import type { IsoDate } from '~/server/catalogue/academic-year';

/** What a GIAS date cell says: a calendar date, none (an empty cell), or something that is not a date. */
export type GiasDate = { date: IsoDate | null } | { invalid: true };

// GIAS writes dd-mm-yyyy; a file re-saved by Excel writes dd/mm/yyyy, sometimes without leading zeros.
const giasDate = /^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$/;

/**
 * A GIAS date (OpenDate, CloseDate), en-GB day first: "31-08-2025" or "31/08/2025" is 2025-08-31. A day that
 * does not exist (31-02-2025) or any other text is not read as a guess: the import reports it on its row.
 */
export function parseGiasDate(text: string): GiasDate {
  const value = text.trim();
  if (value === '') return { date: null };
  const parts = giasDate.exec(value);
  if (!parts) return { invalid: true };
  const day = Number(parts[1]);
  const month = Number(parts[3]);
  const year = Number(parts[4]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (year < 1800 || month < 1 || month > 12 || day < 1 || day > daysInMonth) return { invalid: true };
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}
