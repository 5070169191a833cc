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

/**
 * Reads the numbers of one submission, keeping the form's own message for each field it could not read (or
 * that was left empty where `missing` says what to ask for). Such a field's value is NaN, which the server
 * refuses, so one round trip still reports every other problem; the form's wording wins for that field.
 *
 *   const read = numberReader();
 *   const input = { price: read.pounds('price', values.price, 'Enter the price.') ?? Number.NaN };
 *   form.setClientErrors(read.problems());
 */
export function numberReader() {
  const problems: Record<string, string> = {};
  const read = (path: string, value: number | string | null, missing?: string): number | null => {
    if (typeof value === 'string' || (value === null && missing)) {
      problems[path] = typeof value === 'string' ? value : (missing ?? '');
      return Number.NaN;
    }
    return value;
  };
  return {
    pounds: (path: string, text: string, missing?: string) => read(path, parsePounds(text), missing),
    number: (
      path: string,
      text: string,
      options: { whole?: boolean; negative?: boolean; missing?: string } = {},
    ) => read(path, parseNumber(text, options), options.missing),
    /** What could not be read, by field path, or null if everything could. */
    problems: () => (Object.keys(problems).length > 0 ? { ...problems } : null),
  };
}
