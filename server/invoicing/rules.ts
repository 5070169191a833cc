import type { CustomerCategory, ProductKind, VatRule, VatTreatment } from '~/db/schema/invoicing';

/**
 * Money rules for invoices: integer pence throughout, VAT worked out and rounded per line (HMRC allows line-level
 * rounding to the nearest penny, half up), totals the sum of the lines.
 */

/** Rounds a non-negative or negative amount to the nearest integer, halves away from zero. */
export function roundHalfUp(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

export type LineInput = {
  quantityHundredths: number;
  unitPricePence: number;
  discountPence?: number;
  vatTreatment: VatTreatment;
  vatRateBasisPoints: number;
};

export type LineTotals = {
  netPence: number;
  vatRateBasisPoints: number;
  vatPence: number;
  grossPence: number;
};

/** A line's net (quantity × unit price, rounded to the penny, less discount), its VAT at its rate, and gross. */
export function lineTotals(line: LineInput): LineTotals {
  const before = roundHalfUp((line.quantityHundredths * line.unitPricePence) / 100);
  const discount = line.discountPence ?? 0;
  if (discount < 0 || discount > Math.max(before, 0)) throw new RangeError('discount out of range');
  const netPence = before - discount;
  const rate = line.vatTreatment === 'standard' ? line.vatRateBasisPoints : 0;
  const vatPence = roundHalfUp((netPence * rate) / 10_000);
  return { netPence, vatRateBasisPoints: rate, vatPence, grossPence: netPence + vatPence };
}

export type Totals = { netPence: number; vatPence: number; grossPence: number };

export function sumTotals(lines: readonly { netPence: number; vatPence: number }[]): Totals {
  const netPence = lines.reduce((s, l) => s + l.netPence, 0);
  const vatPence = lines.reduce((s, l) => s + l.vatPence, 0);
  return { netPence, vatPence, grossPence: netPence + vatPence };
}

/**
 * VAT rate per treatment, with the breakdown a UK VAT invoice shows: net and VAT for each rate.
 */
export function vatBreakdown(
  lines: readonly {
    vatTreatment: VatTreatment;
    vatRateBasisPoints: number;
    netPence: number;
    vatPence: number;
  }[],
) {
  const byKey = new Map<
    string,
    { treatment: VatTreatment; rate: number; netPence: number; vatPence: number }
  >();
  for (const l of lines) {
    const key = `${l.vatTreatment}:${l.vatRateBasisPoints}`;
    const row = byKey.get(key) ?? {
      treatment: l.vatTreatment,
      rate: l.vatRateBasisPoints,
      netPence: 0,
      vatPence: 0,
    };
    row.netPence += l.netPence;
    row.vatPence += l.vatPence;
    byKey.set(key, row);
  }
  return [...byKey.values()];
}

/**
 * The treatment for a product sold to a customer: the tenant's most specific rule wins (exact kind and category,
 * then either one exact, then 'any'/'any'); with no rule, standard-rated when the catalogue gives the product a
 * VAT rate, outside the scope otherwise.
 */
export function vatTreatmentFor(
  rules: readonly VatRule[],
  productKind: ProductKind,
  category: CustomerCategory,
  catalogueRateBasisPoints: number,
): VatTreatment {
  const score = (r: VatRule) =>
    (r.productKind === productKind ? 2 : r.productKind === 'any' ? 0 : -10) +
    (r.customerCategory === category ? 1 : r.customerCategory === 'any' ? 0 : -10);
  const best = rules
    .map((r) => ({ r, s: score(r) }))
    .filter((x) => x.s >= 0)
    .sort((a, b) => b.s - a.s)[0];
  if (best) return best.r.treatment;
  return catalogueRateBasisPoints > 0 ? 'standard' : 'outside_scope';
}

/** The rate a standard-rated line uses: the catalogue's own when it has one, else the tenant's standard rate. */
export function rateFor(treatment: VatTreatment, catalogueRate: number, standardRate: number): number {
  if (treatment !== 'standard') return 0;
  return catalogueRate > 0 ? catalogueRate : standardRate;
}

/** Splits pence into parts by weights so the parts add up exactly (the remainder goes to the last part). */
export function splitPence(totalPence: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) throw new RangeError('weights must add up to more than zero');
  const parts = weights.map((w) => Math.floor((totalPence * w) / sum));
  const given = parts.reduce((s, p) => s + p, 0);
  parts[parts.length - 1] = (parts[parts.length - 1] ?? 0) + totalPence - given;
  return parts;
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Aged-debt bucket of an amount due on `dueOn`, looked at on `today`. */
export function agedBucket(dueOn: string, today: string): 'current' | '1-30' | '31-60' | '61-90' | '90+' {
  const late = daysBetween(dueOn, today);
  if (late <= 0) return 'current';
  if (late <= 30) return '1-30';
  if (late <= 60) return '31-60';
  if (late <= 90) return '61-90';
  return '90+';
}

/** The status an issued invoice has after money in or credit: paid when nothing is left, part-paid when some is. */
export function settledStatus(
  grossPence: number,
  paidPence: number,
  creditedPence: number,
): 'issued' | 'part_paid' | 'paid' {
  const outstanding = grossPence - paidPence - creditedPence;
  if (outstanding <= 0) return 'paid';
  if (paidPence > 0 || creditedPence > 0) return 'part_paid';
  return 'issued';
}

export const vatTreatmentLabels: Record<VatTreatment, string> = {
  standard: 'Standard-rated',
  zero: 'Zero-rated',
  exempt: 'Exempt',
  outside_scope: 'Outside the scope of VAT',
};

/**
 * A school's own financial year containing `date`: maintained schools run April to March; academies, free schools
 * and other schools the LA does not maintain, September to August (the caller decides which with
 * isMaintainedSchool, the one rule for "maintained"). A statement of account starts here unless asked otherwise.
 */
export function schoolFinancialYear(
  kind: 'maintained' | 'not_maintained',
  date: string,
): { from: string; to: string; label: string; runs: string } {
  const academy = kind === 'not_maintained';
  const startMonth = academy ? 9 : 4;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const first = month >= startMonth ? year : year - 1;
  const pad = (m: number) => String(m).padStart(2, '0');
  return {
    from: `${first}-${pad(startMonth)}-01`,
    to: addDays(`${first + 1}-${pad(startMonth)}-01`, -1),
    label: `${first}-${String(first + 1).slice(2)}`,
    runs: academy ? 'September to August' : 'April to March',
  };
}
