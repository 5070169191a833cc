/** Codes are at most this long (ZCreateCatalogueItemInput). */
const codeMaxLength = 30;

const pad2 = (n: number) => String(n % 100).padStart(2, '0');

/**
 * A package's or service's code in the next year's catalogue, in the format codes are given ("ACL-2026"): the
 * year in it moved on (ACL-2026 → ACL-2027, ACL-2026-27 → ACL-2027-28, ACL-26 → ACL-27), or the new year added
 * to a code that names none (HSIP-ACL → HSIP-ACL-2027), so a year's invoices, exports and finance codes tell
 * the years apart.
 */
export function nextYearCode(code: string, fromYear: number): string {
  const toYear = fromYear + 1;
  const span = /^(.*?)(\d{4})-(\d{2})$/.exec(code);
  if (span && Number(span[2]) === fromYear && span[3] === pad2(fromYear + 1))
    return `${span[1]}${toYear}-${pad2(toYear + 1)}`;
  const full = /^(.*?)(\d{4})$/.exec(code);
  if (full && Number(full[2]) === fromYear) return `${full[1]}${toYear}`;
  const short = /^(.*-)(\d{2})$/.exec(code);
  if (short && short[2] === pad2(fromYear)) return `${short[1]}${pad2(toYear)}`;
  return `${code.slice(0, codeMaxLength - 5).replace(/-$/, '')}-${toYear}`;
}

/**
 * Whether `next`, a code of the year after `fromYear`, is the same product as `code` of that year: copied
 * forward (its code moved on) or made again under the same code. Renewals and uptake match years by it.
 */
export const sameProductNextYear = (code: string, next: string, fromYear: number) =>
  next === code || next === nextYearCode(code, fromYear);
