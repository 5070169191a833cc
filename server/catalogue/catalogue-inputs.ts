import { z } from 'zod';
import { catalogueItemKind, entitlementUnit, pricingBasis } from '~/db/schema';

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
