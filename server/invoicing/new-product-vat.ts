import type { Tx } from '~/db/client';
import type { ProductKind, VatTreatment } from '~/db/schema/invoicing';
import { loadWorkspaceVat, type WorkspaceVat } from './vat-for-school';
import { vatPercent } from './vat-wording';

/** The VAT a new product's form starts at, and whether the workspace can charge VAT at all. */
export type NewProductVat = {
  /** The workspace has a VAT number: without one it is not registered for VAT and charges none. */
  vatRegistered: boolean;
  treatment: VatTreatment;
  /** The rate charged: 0 unless standard-rated. */
  rateBasisPoints: number;
  /** Said beside the form's VAT: "Your invoice settings charge 20% on packages.", or why there is no VAT. */
  explanation: string;
};

const treatmentWords: Record<Exclude<VatTreatment, 'standard'>, string> = {
  zero: 'zero-rated',
  exempt: 'exempt',
  outside_scope: 'outside the scope of VAT',
};

/**
 * The VAT a new course, package or service takes unless its manager chooses another, as the invoices will
 * charge it: the invoice settings' rule for the kind of product sold to any school (a rule for the kind, else
 * one for everything), else standard-rated at the workspace's standard rate. A workspace with no VAT number is
 * not registered for VAT and charges none. Rules for one kind of school (maintained schools outside the scope)
 * still apply when invoicing, not to the product's own VAT.
 */
export function newProductVat(vat: WorkspaceVat | undefined, kind: ProductKind): NewProductVat {
  if (!vat?.vatNumber)
    return {
      vatRegistered: false,
      treatment: 'outside_scope',
      rateBasisPoints: 0,
      explanation: 'No VAT is charged: the workspace has no VAT number in its invoice settings.',
    };
  const general = vat.vatRules.filter(
    (r) => r.customerCategory === 'any' && (r.productKind === kind || r.productKind === 'any'),
  );
  const treatment = (general.find((r) => r.productKind === kind) ?? general[0])?.treatment ?? 'standard';
  const rateBasisPoints = treatment === 'standard' ? vat.standardRateBasisPoints : 0;
  return {
    vatRegistered: true,
    treatment,
    rateBasisPoints,
    explanation:
      treatment === 'standard'
        ? `Your invoice settings charge ${vatPercent(rateBasisPoints)} on ${kind}s.`
        : `Your invoice settings make ${kind}s ${treatmentWords[treatment]}.`,
  };
}

/** `newProductVat` for each kind of product, from the workspace's saved invoice settings. */
export async function loadNewProductVat(
  tx: Tx,
  tenantId: string,
): Promise<Record<ProductKind, NewProductVat>> {
  const vat = await loadWorkspaceVat(tx, tenantId);
  return { package: newProductVat(vat, 'package'), service: newProductVat(vat, 'service') };
}
