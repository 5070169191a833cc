import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { vatTreatment } from './invoicing';
import { tenantIdColumn, tenantIsolation } from './tenancy';

/** A package is an annual subscription (SLA); a service is bought one at a time. */
export const catalogueItemKind = pgEnum('catalogue_item_kind', ['package', 'service']);

/** What a price is "per": the school, its governing body, each ECT, each place, or a length of adviser time. */
export const pricingBasis = pgEnum('pricing_basis', [
  'school',
  'governing_body',
  'ect',
  'place',
  'day',
  'half_day',
  'hour',
]);

/** The units an entitlement is counted in. */
export const entitlementUnit = pgEnum('entitlement_unit', [
  'adviser_day',
  'adviser_half_day',
  'adviser_hour',
  'course_place',
  'network_place',
  'governor_item',
  'ect_induction',
  /** Guidance, a year book, a bulletin: a published item a package includes. */
  'resource',
]);

/**
 * A package or service, priced for one academic year (`academicYear` = the year it starts: 2026 = 2026/27).
 * Money is in pence; VAT in basis points (2000 = 20%).
 */
export const catalogueItems = pgTable(
  'catalogue_items',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    academicYear: integer('academic_year').notNull(),
    kind: catalogueItemKind('kind').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    pricingBasis: pricingBasis('pricing_basis').notNull(),
    /** Partnership-agreement price. */
    memberPricePence: integer('member_price_pence').notNull(),
    /** "Cost outside partnership". */
    nonMemberPricePence: integer('non_member_price_pence').notNull(),
    /** A floor for non-members on per-unit packages (Harrow governor package: £1,078 minimum outside partnership). */
    minimumPricePence: integer('minimum_price_pence'),
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull().default(0),
    /**
     * The item's VAT treatment as its manager chose it (standard-rated at `vatRateBasisPoints`, zero-rated, exempt,
     * outside the scope). Null on items priced before the choice existed: standard-rated when they have a rate,
     * else outside the scope (server/invoicing/vat-for-school.ts).
     */
    vatTreatment: vatTreatment('vat_treatment'),
    /** Members' percentage discount on this service (Harrow: 20% off bespoke training and consultancy). */
    memberDiscountPercent: integer('member_discount_percent').notNull().default(0),
    /** Mid-year joiners pay for the remaining terms only. */
    proRataByTerm: boolean('pro_rata_by_term').notNull().default(true),
    /** What the service draws from a school's entitlement when used (e.g. a consultancy day draws adviser_day). */
    drawsUnit: entitlementUnit('draws_unit'),
    drawsQuantityHundredths: integer('draws_quantity_hundredths'),
    /**
     * The entitlement line the service draws from (e.g. "Specialist" for HSIP's specialist half days); null
     * draws the general line of `drawsUnit`, unless the person logging the use chooses another line.
     */
    drawsCategory: text('draws_category'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('catalogue_items_tenant_year_code').on(t.tenantId, t.academicYear, t.code),
    check(
      'catalogue_items_prices_non_negative',
      sql`${t.memberPricePence} >= 0 and ${t.nonMemberPricePence} >= 0`,
    ),
    check('catalogue_items_discount_range', sql`${t.memberDiscountPercent} between 0 and 100`),
    tenantIsolation('catalogue_items'),
  ],
);

/** Price bands by phase and pupil numbers; the first matching band replaces the item's base prices. */
export const priceBands = pgTable(
  'price_bands',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    itemId: uuid('item_id').notNull(),
    /** GIAS phase name, or null for any phase. */
    phase: text('phase'),
    minPupils: integer('min_pupils'),
    maxPupils: integer('max_pupils'),
    memberPricePence: integer('member_price_pence').notNull(),
    nonMemberPricePence: integer('non_member_price_pence').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('price_bands_item').on(t.tenantId, t.itemId),
    foreignKey({
      columns: [t.tenantId, t.itemId],
      foreignColumns: [catalogueItems.tenantId, catalogueItems.id],
    }).onDelete('cascade'),
    tenantIsolation('price_bands'),
  ],
);

/** One line of what a package gives: a quantity of a unit, or unlimited. */
export const packageEntitlements = pgTable(
  'package_entitlements',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    itemId: uuid('item_id').notNull(),
    unit: entitlementUnit('unit').notNull(),
    /** Null = unlimited (e.g. governors' conference places). Hundredths, so half days are exact. */
    quantityHundredths: integer('quantity_hundredths'),
    /** Narrows a place to a category of course (e.g. "subject-leader network"). */
    category: text('category'),
    description: text('description').notNull(),
    /** What one unit would cost bought separately: the saving shown to schools. */
    standaloneUnitPricePence: integer('standalone_unit_price_pence'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('package_entitlements_item').on(t.tenantId, t.itemId),
    foreignKey({
      columns: [t.tenantId, t.itemId],
      foreignColumns: [catalogueItems.tenantId, catalogueItems.id],
    }).onDelete('cascade'),
    tenantIsolation('package_entitlements'),
  ],
);

export type CatalogueItem = typeof catalogueItems.$inferSelect;
export type PriceBand = typeof priceBands.$inferSelect;
export type PackageEntitlement = typeof packageEntitlements.$inferSelect;
