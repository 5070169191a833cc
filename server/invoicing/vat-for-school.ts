import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { invoiceSettings, schools, tenants, type InvoiceSettings } from '~/db/schema';
import type { CustomerCategory, ProductKind, VatTreatment } from '~/db/schema/invoicing';
import { isMaintainedSchool } from '../schools/maintained';
import { rateFor, vatTreatmentFor } from './rules';

/** What of the invoice settings decides VAT: whether the workspace is VAT-registered, its rate and its rules. */
export type WorkspaceVat = Pick<InvoiceSettings, 'vatNumber' | 'standardRateBasisPoints' | 'vatRules'>;

/**
 * What is sold, as VAT sees it: a package (subscription) or a service / charge (a course place, a consultancy
 * day); its own rate (the catalogue's or the course's; 0 when it has none); and, where the manager chose one,
 * its own treatment (a package marked exempt). No treatment: standard-rated when it has a rate, else outside
 * the scope of VAT (how items priced before treatments existed were always invoiced).
 */
export type VatProduct = {
  kind: ProductKind;
  rateBasisPoints: number;
  treatment?: VatTreatment | null;
  /**
   * The rate was chosen for this product itself — a course's, shown and edited on the course form — so 0 means
   * no VAT: a workspace rule may still name the treatment (exempt, outside the scope) but cannot make it
   * standard-rated. A catalogue item's 0 without a treatment is "no rate of its own": a rule may standard-rate
   * it at the workspace's standard rate (how the demo workspaces' catalogues are invoiced).
   */
  rateIsFinal?: boolean;
};

export type VatDecision = {
  category: CustomerCategory;
  treatment: VatTreatment;
  /** The rate charged: 0 unless standard-rated. */
  rateBasisPoints: number;
};

/**
 * Who the school is to the workspace for VAT and billing. Out of area when its LA is not one the workspace
 * serves; otherwise maintained when the LA maintains it (`isMaintainedSchool`, the one rule from the GIAS type);
 * every other school in the area — academies, free schools, and also independent and non-maintained special
 * schools — is "academy": not maintained, so charged VAT like an academy (a business customer), and billed like
 * one (never split at a maintained school's 1 April). No separate category for independents (and so no enum
 * or settings change): they are invoiced and taxed as academies are, and a workspace's rule for academies is
 * its rule for them.
 */
export function customerCategoryOf(
  school: { laCode: string; type: string },
  tenantLaCodes: readonly string[],
): CustomerCategory {
  if (tenantLaCodes.length > 0 && !tenantLaCodes.includes(school.laCode)) return 'out_of_area';
  return isMaintainedSchool(school) ? 'maintained' : 'academy';
}

/**
 * The VAT on a product sold to a customer of this category — the one decision the billing run invoices and
 * every quote, booking preview and confirmation states beforehand:
 * 1. A workspace with no VAT registration number is not VAT-registered and cannot charge VAT: outside the scope.
 * 2. A product the manager marked zero-rated, exempt or outside the scope is that, whoever buys it (a rule
 *    cannot make an exempt supply standard-rated).
 * 3. Otherwise the workspace's most specific rule for the product kind and customer category (vatTreatmentFor),
 *    else the product's own treatment or rate; a product whose own rate is final (a course's) and 0 is never
 *    standard-rated.
 * A standard-rated product charges its own rate, or the workspace's standard rate when it has none.
 */
export function vatFor(settings: WorkspaceVat, category: CustomerCategory, product: VatProduct): VatDecision {
  if (!settings.vatNumber) return { category, treatment: 'outside_scope', rateBasisPoints: 0 };
  const own = product.treatment ?? null;
  const decided =
    own !== null && own !== 'standard'
      ? own
      : vatTreatmentFor(
          settings.vatRules,
          product.kind,
          category,
          own === 'standard' ? Math.max(product.rateBasisPoints, 1) : product.rateBasisPoints,
        );
  const treatment =
    decided === 'standard' && product.rateIsFinal && product.rateBasisPoints <= 0 ? 'outside_scope' : decided;
  return {
    category,
    treatment,
    rateBasisPoints: rateFor(treatment, product.rateBasisPoints, settings.standardRateBasisPoints),
  };
}

/** `vatFor` a school: its category (customerCategoryOf) from its LA and GIAS type. */
export function vatForSchool(
  settings: WorkspaceVat,
  school: { laCode: string; type: string },
  tenantLaCodes: readonly string[],
  product: VatProduct,
): VatDecision {
  return vatFor(settings, customerCategoryOf(school, tenantLaCodes), product);
}

/** The workspace's VAT settings (none saved: not VAT-registered, the 20% standard rate, no rules). */
export async function loadWorkspaceVat(tx: Tx, tenantId: string): Promise<WorkspaceVat> {
  const [row] = await tx
    .select({
      vatNumber: invoiceSettings.vatNumber,
      standardRateBasisPoints: invoiceSettings.standardRateBasisPoints,
      vatRules: invoiceSettings.vatRules,
    })
    .from(invoiceSettings)
    .where(eq(invoiceSettings.tenantId, tenantId));
  return row ?? { vatNumber: null, standardRateBasisPoints: 2000, vatRules: [] };
}

/** The workspace's VAT settings and the LA codes that make its area (what vatForSchool needs besides the school). */
export async function loadVatContext(tx: Tx, tenantId: string) {
  const [vat, [tenant]] = await Promise.all([
    loadWorkspaceVat(tx, tenantId),
    tx.select({ laCodes: tenants.laCodes }).from(tenants).where(eq(tenants.id, tenantId)),
  ]);
  return { vat, laCodes: tenant?.laCodes ?? [] };
}

/** `vatForSchool` for a school known by id, loading the workspace's VAT and area and the school's LA and type. */
export async function loadVatForSchool(
  tx: Tx,
  tenantId: string,
  schoolId: string,
  product: VatProduct,
): Promise<VatDecision> {
  const [{ vat, laCodes }, [school]] = await Promise.all([
    loadVatContext(tx, tenantId),
    tx.select({ laCode: schools.laCode, type: schools.type }).from(schools).where(eq(schools.id, schoolId)),
  ]);
  return school ? vatForSchool(vat, school, laCodes, product) : vatFor(vat, 'out_of_area', product);
}

const allCategories: readonly CustomerCategory[] = ['maintained', 'academy', 'out_of_area'];

/**
 * Where no school is known (a public course page): the VAT each kind of school would pay, and whether it is the
 * same for all. `customerCategoriesCharged` lists the categories charged VAT.
 */
export function vatByCategory(settings: WorkspaceVat, product: VatProduct) {
  const decisions = allCategories.map((c) => vatFor(settings, c, product));
  const charged = decisions.filter((d) => d.rateBasisPoints > 0);
  return {
    decisions,
    /** The rate charged to those charged VAT (0 when none is). */
    rateBasisPoints: charged[0]?.rateBasisPoints ?? 0,
    chargedToAll: charged.length === decisions.length,
    chargedToNone: charged.length === 0,
    customerCategoriesCharged: charged.map((d) => d.category),
  };
}
