/** A pasted URN list may be long (a partnership's members), but not a whole national register. */
export const maxUrnsInList = 10_000;

export type ParsedUrnList = { ok: true; urns: number[] } | { ok: false; message: string };

/**
 * URNs as people paste them: one per line from a spreadsheet column, or separated by commas, semicolons or
 * spaces. Duplicates are dropped; anything that is not a whole number is reported by value.
 */
export function parseUrnList(text: string): ParsedUrnList {
  const tokens = text.split(/[\s,;]+/).filter((token) => token !== '');
  const invalid = tokens.filter((token) => !/^\d{1,9}$/.test(token) || Number(token) === 0);
  if (invalid.length > 0) {
    const shown = invalid
      .slice(0, 3)
      .map((token) => `“${token.length > 20 ? `${token.slice(0, 20)}…` : token}”`)
      .join(', ');
    return {
      ok: false,
      message: `URNs are whole numbers, such as 103318. These are not: ${shown}${invalid.length > 3 ? ` and ${invalid.length - 3} more` : ''}.`,
    };
  }
  const urns = [...new Set(tokens.map(Number))];
  if (urns.length > maxUrnsInList) {
    return { ok: false, message: `Paste at most ${maxUrnsInList.toLocaleString('en-GB')} URNs.` };
  }
  return { ok: true, urns };
}
