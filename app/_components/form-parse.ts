/** Reading what was typed into number and money fields (no React here, so tests and servers may use it). */

/** A number as typed ("1,200", " 3 "), null when empty, or the message to show. */
export function parseNumber(text: string, { whole = false, negative = false } = {}): number | string | null {
  const cleaned = text.replace(/[,\s]/g, '').replace(/^\u2212/, '-');
  if (cleaned === '') return null;
  const pattern = whole
    ? negative
      ? /^[-+]?\d+$/
      : /^\d+$/
    : negative
      ? /^[-+]?\d+(\.\d+)?$/
      : /^\d+(\.\d+)?$/;
  return pattern.test(cleaned) ? Number(cleaned) : whole ? 'Enter a whole number.' : 'Enter a number.';
}

/** Pounds as typed ("3,900.00", "£450"), null when empty, or the message to show. */
export function parsePounds(text: string): number | string | null {
  const cleaned = text.replace(/[£,\s]/g, '');
  if (cleaned === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(cleaned)
    ? Number(cleaned)
    : 'Enter an amount in pounds, like 3900 or 3,900.00.';
}

/**
 * Pounds as typed → whole pence. Empty is 0 and what cannot be read is NaN: the server refuses either with its
 * own message where an amount is required.
 */
export function poundsToPence(text: string): number {
  const pounds = parsePounds(text);
  if (pounds === null) return 0;
  return typeof pounds === 'number' ? Math.round(pounds * 100) : Number.NaN;
}
