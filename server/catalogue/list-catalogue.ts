import { DomainError } from '~/server/errors/domain-error';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { catalogueItems, packageEntitlements, priceBands } from '~/db/schema';
import { loadWorkspaceVat } from '../invoicing/vat-for-school';
import { catalogueItemVat } from './catalogue-item-vat';

/** The year's items with their lines and bands, packages first. */
export async function listCatalogue(tx: Tx, input: { academicYear: number; activeOnly?: boolean }) {
  const items = await tx
    .select()
    .from(catalogueItems)
    .where(
      and(
        eq(catalogueItems.academicYear, input.academicYear),
        input.activeOnly ? eq(catalogueItems.active, true) : undefined,
      ),
    )
    .orderBy(asc(catalogueItems.kind), asc(catalogueItems.name));
  return withDetails(tx, items);
}

export async function getCatalogueItem(tx: Tx, id: string) {
  const items = await tx.select().from(catalogueItems).where(eq(catalogueItems.id, id));
  const [item] = await withDetails(tx, items);
  if (!item) throw new DomainError({ code: 'NOT_FOUND', message: 'That package or service was not found.' });
  return item;
}

async function withDetails(tx: Tx, items: (typeof catalogueItems.$inferSelect)[]) {
  const [first] = items;
  if (!first) return [];
  const ids = items.map((i) => i.id);
  const [lines, bands, vat] = await Promise.all([
    tx.select().from(packageEntitlements).where(inArray(packageEntitlements.itemId, ids)),
    tx.select().from(priceBands).where(inArray(priceBands.itemId, ids)),
    loadWorkspaceVat(tx, first.tenantId),
  ]);
  return items.map((item) => ({
    ...item,
    /** The VAT row beside its published prices, as the workspace's invoices will charge it. */
    vatStatement: catalogueItemVat(vat, item),
    lines: lines.filter((l) => l.itemId === item.id),
    bands: bands.filter((b) => b.itemId === item.id),
  }));
}

/** The years that have a catalogue, newest first. */
export async function listCatalogueYears(tx: Tx) {
  const rows = await tx
    .selectDistinct({ year: catalogueItems.academicYear })
    .from(catalogueItems)
    .orderBy(catalogueItems.academicYear);
  return rows.map((r) => r.year).reverse();
}
