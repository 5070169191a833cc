import { DomainError } from '~/server/errors/domain-error';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { catalogueItems } from '~/db/schema';
import { vatTreatment } from '~/db/schema';
import { itemVatColumns, ZPounds } from './catalogue-inputs';

export const ZUpdateCatalogueItemInput = z.object({
  id: z.uuid({ message: 'Choose a package or service.' }),
  name: z.string().trim().min(3, 'Give the item a name.').max(120),
  description: z.string().trim().max(2000),
  memberPrice: ZPounds,
  nonMemberPrice: ZPounds,
  active: z.boolean(),
  /** How VAT applies (and the rate, when standard-rated); left out, the item's VAT stays as it is. */
  vat: z
    .object({
      treatment: z.enum(vatTreatment.enumValues),
      ratePercent: z.number().min(0, 'The VAT rate cannot be negative.').max(100),
    })
    .optional(),
});

/**
 * Edits an item's name, prices, VAT and whether it is on sale. Existing subscriptions keep the price they were
 * quoted (it is stored on them), so a price change affects new purchases only; VAT is decided when each invoice
 * is made (vat-for-school.ts), so invoices not yet made follow the item's VAT as it is then.
 */
export async function updateCatalogueItem(tx: Tx, input: z.output<typeof ZUpdateCatalogueItemInput>) {
  const [updated] = await tx
    .update(catalogueItems)
    .set({
      name: input.name,
      description: input.description,
      memberPricePence: input.memberPrice,
      nonMemberPricePence: input.nonMemberPrice,
      active: input.active,
      ...(input.vat ? itemVatColumns(input.vat.treatment, input.vat.ratePercent, 'vat.ratePercent') : {}),
    })
    .where(eq(catalogueItems.id, input.id))
    .returning({ id: catalogueItems.id });
  if (!updated)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That package or service was not found.' });
  return updated;
}
