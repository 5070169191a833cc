import { z } from 'zod';
import { catalogueItemKind, entitlementUnit, pricingBasis, vatTreatment } from '~/db/schema';
import type { VatTreatment } from '~/db/schema/invoicing';
import { DomainError } from '../errors/domain-error';

/** Money typed by a person, in pounds (e.g. 3900 or 3,900.00), held as whole pence. */
export const ZPounds = z
  .number({ message: 'Enter an amount in pounds.' })
  .min(0, 'Amounts cannot be negative.')
  .max(10_000_000, 'That amount is too large.')
  .transform((pounds) => Math.round(pounds * 100));

export const ZEntitlementLineInput = z.object({
  unit: z.enum(entitlementUnit.enumValues, { message: 'Choose what the line gives.' }),
  /** null = unlimited. */
  quantity: z.number().positive('Quantities must be more than zero.').max(10_000).nullable(),
  category: z.string().trim().max(80).optional(),
  description: z.string().trim().min(2, 'Describe the line, e.g. "3 adviser days".').max(200),
  standaloneUnitPrice: ZPounds.nullable().optional(),
});

export const ZPriceBandInput = z
  .object({
    phase: z.string().trim().max(40).nullable().optional(),
    minPupils: z.number().int().min(0).nullable().optional(),
    maxPupils: z.number().int().min(0).nullable().optional(),
    memberPrice: ZPounds,
    nonMemberPrice: ZPounds,
  })
  .refine((b) => b.minPupils == null || b.maxPupils == null || b.minPupils <= b.maxPupils, {
    message: 'The lowest pupil number must not be above the highest.',
    path: ['maxPupils'],
  });

export const ZCreateCatalogueItemInput = z
  .object({
    academicYear: z.number().int().min(2000).max(2100),
    kind: z.enum(catalogueItemKind.enumValues),
    code: z
      .string()
      .trim()
      .min(2, 'Give the item a short code, e.g. ACL-2026.')
      .max(30)
      .regex(/^[A-Za-z0-9-]+$/, 'Codes use letters, numbers and hyphens only.'),
    name: z.string().trim().min(3, 'Give the item a name.').max(120),
    description: z.string().trim().max(2000).default(''),
    pricingBasis: z.enum(pricingBasis.enumValues),
    memberPrice: ZPounds,
    nonMemberPrice: ZPounds,
    minimumPrice: ZPounds.nullable().optional(),
    vatRatePercent: z.number().min(0).max(100).default(0),
    /**
     * How VAT applies to the item: standard-rated at `vatRatePercent`, zero-rated, exempt or outside the scope.
     * Left out, it is decided by the rate (standard when above 0, else outside the scope), as it always was.
     */
    vatTreatment: z.enum(vatTreatment.enumValues).optional(),
    memberDiscountPercent: z.number().int().min(0).max(100).default(0),
    proRataByTerm: z.boolean().default(true),
    draws: z
      .object({
        unit: z.enum(entitlementUnit.enumValues),
        quantity: z.number().positive().max(100),
        /** The package line it draws from, e.g. "Specialist"; left out, the general line of the unit. */
        category: z.string().trim().max(80).optional(),
      })
      .nullable()
      .optional(),
    lines: z.array(ZEntitlementLineInput).max(30).default([]),
    bands: z.array(ZPriceBandInput).max(30).default([]),
  })
  .refine((i) => i.kind === 'service' || i.lines.length > 0, {
    message: 'A package needs at least one line saying what it gives.',
    path: ['lines'],
  });
export type TCreateCatalogueItemInput = z.input<typeof ZCreateCatalogueItemInput>;

/**
 * The VAT columns an item is stored with: a standard-rated item needs its rate; a zero-rated, exempt or outside
 * the scope one charges none (its rate is 0). With no treatment chosen the rate alone decides (null treatment).
 */
export function itemVatColumns(
  treatment: VatTreatment | undefined,
  ratePercent: number,
  /** The form field the rate was typed in, for the error. */
  field = 'vatRatePercent',
): { vatTreatment: VatTreatment | null; vatRateBasisPoints: number } {
  const rate = Math.round(ratePercent * 100);
  if (treatment === undefined) return { vatTreatment: null, vatRateBasisPoints: rate };
  if (treatment !== 'standard') return { vatTreatment: treatment, vatRateBasisPoints: 0 };
  if (rate <= 0)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message:
        'Enter the VAT rate of a standard-rated item (the standard rate is 20%), or choose another VAT treatment.',
      field,
    });
  return { vatTreatment: 'standard', vatRateBasisPoints: rate };
}
