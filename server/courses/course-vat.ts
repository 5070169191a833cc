import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { invoiceSettings, type InvoiceSettings } from '~/db/schema';
import { lineTotals } from '../invoicing/rules';
import { formatPence } from '../catalogue/money';

/** What of the invoice settings decides the VAT on a course place. */
export type WorkspaceVat = Pick<InvoiceSettings, 'vatNumber' | 'standardRateBasisPoints' | 'vatRules'>;

/**
 * The VAT rate a new course takes unless its manager sets another: a course place is sold as a service, so it is
 * the rate the invoice settings give services sold to any school (a rule for services, else one for everything,
 * else standard-rated at the workspace's standard rate). A workspace with no VAT number is not registered for VAT
 * and charges none. Rules for one kind of school (e.g. maintained schools exempt) still apply when invoicing.
 */
export function serviceVatRate(vat: WorkspaceVat | undefined): number {
  if (!vat?.vatNumber) return 0;
  const general = vat.vatRules.filter(
    (r) => r.customerCategory === 'any' && (r.productKind === 'service' || r.productKind === 'any'),
  );
  const rule = general.find((r) => r.productKind === 'service') ?? general[0];
  return (rule?.treatment ?? 'standard') === 'standard' ? vat.standardRateBasisPoints : 0;
}

/** The workspace's VAT for courses: whether it is VAT-registered and the rate a new course takes. */
export async function courseVatDefault(tx: Tx, tenantId: string) {
  const [row] = await tx
    .select({
      vatNumber: invoiceSettings.vatNumber,
      standardRateBasisPoints: invoiceSettings.standardRateBasisPoints,
      vatRules: invoiceSettings.vatRules,
    })
    .from(invoiceSettings)
    .where(eq(invoiceSettings.tenantId, tenantId));
  return { vatRegistered: Boolean(row?.vatNumber), rateBasisPoints: serviceVatRate(row) };
}

/** A price of one place with its VAT, rounded as the invoice line will be. */
export function vatOnPlace(netPence: number, rateBasisPoints: number) {
  const { vatPence, grossPence } = lineTotals({
    quantityHundredths: 100,
    unitPricePence: netPence,
    vatTreatment: 'standard',
    vatRateBasisPoints: rateBasisPoints,
  });
  return { netPence, vatPence, grossPence };
}

/**
 * `places` places at `unitNetPence` as a school is told the price: "£120.00 plus VAT (£144.00)", or "£120.00" when
 * no VAT is charged (or there is nothing to pay). Each place is invoiced as its own line, so VAT is per place.
 */
export function priceWithVat(unitNetPence: number, rateBasisPoints: number, places = 1): string {
  const net = formatPence(unitNetPence * places);
  if (rateBasisPoints <= 0 || unitNetPence <= 0) return net;
  return `${net} plus VAT (${formatPence(vatOnPlace(unitNetPence, rateBasisPoints).grossPence * places)})`;
}

/** "20%" for 2000 basis points. */
export const vatPercent = (rateBasisPoints: number) =>
  `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(rateBasisPoints / 100)}%`;
