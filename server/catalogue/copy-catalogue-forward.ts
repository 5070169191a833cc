import { DomainError } from '~/server/errors/domain-error';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { catalogueItems, invoiceSettings, packageEntitlements, priceBands } from '~/db/schema';
import { nextYearCode } from './catalogue-codes';
import { listCatalogue } from './list-catalogue';

export const ZCopyCatalogueForwardInput = z.object({
  fromYear: z.number().int().min(2000).max(2100),
  upliftPercent: z.number().min(-50, 'A cut of more than 50% looks like a mistake.').max(50),
});

/**
 * A price raised (or cut) by the uplift, rounded to the nearest whole pound: a percentage gives odd pence
 * (£3,900 + 3.5% = £4,036.50) that nobody would set by hand. With no uplift the price is kept as it is.
 */
export const uplift = (pence: number, percent: number) =>
  percent === 0 ? pence : Math.round((pence * (100 + percent)) / 100 / 100) * 100;

/**
 * Copies a year's catalogue into the next year with a price uplift (to whole pounds) and each item's code
 * moved on to the new year (`nextYearCode`), with the finance codes set for the old code; refuses if the next
 * year has items.
 */
export async function copyCatalogueForward(
  tx: Tx,
  tenantId: string,
  input: z.infer<typeof ZCopyCatalogueForwardInput>,
) {
  const toYear = input.fromYear + 1;
  const existing = await tx
    .select({ id: catalogueItems.id })
    .from(catalogueItems)
    .where(eq(catalogueItems.academicYear, toYear))
    .limit(1);
  if (existing.length > 0) {
    throw new DomainError({
      code: 'CONFLICT',
      message: 'The next year already has a catalogue; edit it instead.',
    });
  }
  const items = await listCatalogue(tx, { academicYear: input.fromYear });
  if (items.length === 0)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That year has no catalogue to copy.' });
  for (const { id: _id, createdAt: _created, vatStatement: _vat, lines, bands, ...item } of items) {
    const [copy] = await tx
      .insert(catalogueItems)
      .values({
        ...item,
        tenantId,
        academicYear: toYear,
        code: nextYearCode(item.code, input.fromYear),
        memberPricePence: uplift(item.memberPricePence, input.upliftPercent),
        nonMemberPricePence: uplift(item.nonMemberPricePence, input.upliftPercent),
        minimumPricePence:
          item.minimumPricePence === null ? null : uplift(item.minimumPricePence, input.upliftPercent),
      })
      .returning({ id: catalogueItems.id });
    if (!copy) throw new Error('copy failed');
    if (lines.length > 0) {
      await tx.insert(packageEntitlements).values(
        lines.map(({ id: _l, itemId: _i, ...l }) => ({
          ...l,
          itemId: copy.id,
          standaloneUnitPricePence:
            l.standaloneUnitPricePence === null
              ? null
              : uplift(l.standaloneUnitPricePence, input.upliftPercent),
        })),
      );
    }
    if (bands.length > 0) {
      await tx.insert(priceBands).values(
        bands.map(({ id: _b, itemId: _i, ...b }) => ({
          ...b,
          itemId: copy.id,
          memberPricePence: uplift(b.memberPricePence, input.upliftPercent),
          nonMemberPricePence: uplift(b.nonMemberPricePence, input.upliftPercent),
        })),
      );
    }
  }
  await copyFinanceCodes(
    tx,
    items.map((i) => [i.code, nextYearCode(i.code, input.fromYear)]),
  );
  return { toYear, copied: items.length };
}

/** The invoice settings' finance codes (keyed by item code) given to each item's new code too. */
async function copyFinanceCodes(tx: Tx, renamed: [string, string][]) {
  const [settings] = await tx
    .select({ id: invoiceSettings.id, financeCodes: invoiceSettings.financeCodes })
    .from(invoiceSettings);
  if (!settings) return;
  const codes = { ...settings.financeCodes };
  let changed = false;
  for (const [from, to] of renamed) {
    const set = codes[from];
    if (set && !codes[to]) {
      codes[to] = set;
      changed = true;
    }
  }
  if (changed)
    await tx
      .update(invoiceSettings)
      .set({ financeCodes: codes, updatedAt: new Date() })
      .where(eq(invoiceSettings.id, settings.id));
}
