import { DomainError } from '~/server/errors/domain-error';
import type { z } from 'zod';
import type { Tx } from '~/db/client';
import { catalogueItems, packageEntitlements, priceBands } from '~/db/schema';
import { itemVatColumns, type ZCreateCatalogueItemInput } from './catalogue-inputs';

export async function createCatalogueItem(
  tx: Tx,
  tenantId: string,
  input: z.output<typeof ZCreateCatalogueItemInput>,
) {
  const [item] = await tx
    .insert(catalogueItems)
    .values({
      tenantId,
      academicYear: input.academicYear,
      kind: input.kind,
      code: input.code.toUpperCase(),
      name: input.name,
      description: input.description,
      pricingBasis: input.pricingBasis,
      memberPricePence: input.memberPrice,
      nonMemberPricePence: input.nonMemberPrice,
      minimumPricePence: input.minimumPrice ?? null,
      ...itemVatColumns(input.vatTreatment, input.vatRatePercent),
      memberDiscountPercent: input.memberDiscountPercent,
      proRataByTerm: input.proRataByTerm,
      drawsUnit: input.draws?.unit ?? null,
      drawsQuantityHundredths: input.draws ? Math.round(input.draws.quantity * 100) : null,
      drawsCategory: input.draws?.category || null,
    })
    .onConflictDoNothing()
    .returning({ id: catalogueItems.id });
  if (!item) {
    throw new DomainError({
      code: 'CONFLICT',
      message: `There is already an item with the code ${input.code.toUpperCase()} for that year.`,
    });
  }
  if (input.lines.length > 0) {
    await tx.insert(packageEntitlements).values(
      input.lines.map((l) => ({
        tenantId,
        itemId: item.id,
        unit: l.unit,
        quantityHundredths: l.quantity === null ? null : Math.round(l.quantity * 100),
        category: l.category || null,
        description: l.description,
        standaloneUnitPricePence: l.standaloneUnitPrice ?? null,
      })),
    );
  }
  if (input.bands.length > 0) {
    await tx.insert(priceBands).values(
      input.bands.map((b) => ({
        tenantId,
        itemId: item.id,
        phase: b.phase || null,
        minPupils: b.minPupils ?? null,
        maxPupils: b.maxPupils ?? null,
        memberPricePence: b.memberPrice,
        nonMemberPricePence: b.nonMemberPrice,
      })),
    );
  }
  return { id: item.id };
}
