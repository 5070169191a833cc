import type { VatTreatment } from '~/db/schema/invoicing';
import { formatPence } from '../catalogue/money';
import { vatTreatmentLabels } from './rules';

/**
 * How a price's VAT is put to a school, in the same words wherever it is quoted (the subscribe page, the renewal
 * offer, its email and the confirmation of an answer). Pure, so client components use it too. The decision
 * itself is `vatForSchool`'s; this only words it.
 */
export type StatedVat = {
  treatment: VatTreatment;
  /** The rate charged: 0 unless standard-rated. */
  rateBasisPoints: number;
  /** "VAT at 20%", "Exempt", "No VAT: we are not registered for VAT" (vatLabel). */
  label: string;
};

/** "VAT at 20%", "Exempt", "Outside the scope of VAT", or "No VAT: we are not registered for VAT". */
export function vatLabel(
  decision: { treatment: VatTreatment; rateBasisPoints: number },
  vatRegistered: boolean,
): string {
  if (decision.treatment === 'standard') return `VAT at ${decision.rateBasisPoints / 100}%`;
  return vatRegistered ? vatTreatmentLabels[decision.treatment] : 'No VAT: we are not registered for VAT';
}

/** The VAT row of a quote: "£780.00 (VAT at 20%)", or for a school charged none, why ("Outside the scope of VAT"). */
export const vatAmountWording = (vatPence: number, vat: Pick<StatedVat, 'rateBasisPoints' | 'label'>) =>
  vat.rateBasisPoints > 0 ? `${formatPence(vatPence)} (${vat.label})` : vat.label;

/**
 * A price in one line, for a list or an email: "£3,900.00 before VAT + £780.00 VAT at 20% = £4,680.00",
 * or for a school charged no VAT "£3,900.00 (Outside the scope of VAT)".
 */
export function priceWithVatLine(
  netPence: number,
  vatPence: number,
  vat: Pick<StatedVat, 'rateBasisPoints' | 'label'>,
): string {
  if (vat.rateBasisPoints <= 0) return `${formatPence(netPence)} (${vat.label})`;
  return `${formatPence(netPence)} before VAT + ${formatPence(vatPence)} ${vat.label} = ${formatPence(netPence + vatPence)}`;
}

/** "20%" for 2000 basis points. */
export const vatPercent = (rateBasisPoints: number) =>
  `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(rateBasisPoints / 100)}%`;

/** Who each kind of school is, in a sentence saying which of them pay VAT. */
export const vatPayerNames = {
  maintained: 'maintained schools',
  academy: 'academies and other schools the local authority does not maintain',
  out_of_area: 'schools outside the area',
} as const;
