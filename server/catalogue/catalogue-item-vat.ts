import type { CatalogueItem } from '~/db/schema';
import { vatTreatmentLabels } from '../invoicing/rules';
import { vatByCategory, type WorkspaceVat } from '../invoicing/vat-for-school';
import { vatLabel, vatPayerNames, vatPercent } from '../invoicing/vat-wording';

/**
 * The VAT row beside a package's or service's published prices, where no school is known (the catalogue and the
 * item's page): decided as the billing run will invoice it (`vatByCategory`), not from the item's own rate alone.
 * A workspace with no VAT number charges none and says so; one whose rules spare some schools (an LA's own
 * maintained schools outside the scope) says who pays it. A school's own VAT is on its quote.
 */
export function catalogueItemVat(
  vat: WorkspaceVat,
  item: Pick<CatalogueItem, 'kind' | 'vatRateBasisPoints' | 'vatTreatment'>,
): string {
  if (!vat.vatNumber) return vatLabel({ treatment: 'outside_scope', rateBasisPoints: 0 }, false);
  const byCategory = vatByCategory(vat, {
    kind: item.kind,
    rateBasisPoints: item.vatRateBasisPoints,
    treatment: item.vatTreatment,
  });
  if (byCategory.chargedToAll) return `${vatPercent(byCategory.rateBasisPoints)} on top`;
  if (byCategory.chargedToNone) {
    const treatments = new Set(byCategory.decisions.map((d) => d.treatment));
    const [only] = treatments;
    return treatments.size === 1 && only ? vatTreatmentLabels[only] : 'None';
  }
  const who = (charged: boolean) =>
    byCategory.decisions
      .filter((d) => d.rateBasisPoints > 0 === charged)
      .map((d) => vatPayerNames[d.category])
      .join(' and ');
  return `${vatPercent(byCategory.rateBasisPoints)} on top for ${who(true)}; none for ${who(false)}`;
}
