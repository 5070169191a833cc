import { sql } from 'drizzle-orm';
import {
  bigserial,
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { entitlementUnit } from './catalogue';
import { vatTreatment } from './invoicing';
import { schools } from './schools';
import { tenantIdColumn, tenantIsolation } from './tenancy';

export const entitlementEntryKind = pgEnum('entitlement_entry_kind', [
  'grant',
  'drawdown',
  'reversal',
  'expiry',
  'adjustment',
]);

/**
 * One balance per school, year, unit and category: the row a drawdown locks, so concurrent drawdowns
 * serialise on it and the CHECK makes a negative balance impossible. It always equals the sum of its entries
 * (a test proves it); the ledger below is the record, this is the lock and the fast read.
 */
export const entitlementBalances = pgTable(
  'entitlement_balances',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    academicYear: integer('academic_year').notNull(),
    unit: entitlementUnit('unit').notNull(),
    /** '' when the entitlement is not narrowed to a category. */
    category: text('category').notNull().default(''),
    balanceHundredths: integer('balance_hundredths').notNull().default(0),
    unlimited: boolean('unlimited').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('entitlement_balances_key').on(t.tenantId, t.schoolId, t.academicYear, t.unit, t.category),
    check('entitlement_balances_never_negative', sql`${t.balanceHundredths} >= 0`),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('entitlement_balances'),
  ],
);

/** The ledger: every grant, use, reversal, expiry and adjustment, signed, in hundredths of a unit. */
export const entitlementEntries = pgTable(
  'entitlement_entries',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    balanceId: uuid('balance_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    kind: entitlementEntryKind('kind').notNull(),
    quantityHundredths: integer('quantity_hundredths').notNull(),
    /** What caused it: a subscription, an adviser visit, a booking. */
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    /** The entry this one reverses. */
    reversesEntryId: uuid('reverses_entry_id'),
    description: text('description').notNull(),
    actorUserId: uuid('actor_user_id'),
    /** The clock, not the transaction's start, so entries written in one transaction keep their order. */
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    /** Breaks ties in writing order: PGlite's clock has millisecond resolution, so two entries can share a time. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('entitlement_entries_balance').on(t.tenantId, t.balanceId, t.createdAt),
    index('entitlement_entries_school').on(t.tenantId, t.schoolId),
    uniqueIndex('entitlement_entries_reversed_once')
      .on(t.tenantId, t.reversesEntryId)
      .where(sql`reverses_entry_id is not null`),
    foreignKey({
      columns: [t.tenantId, t.balanceId],
      foreignColumns: [entitlementBalances.tenantId, entitlementBalances.id],
    }),
    tenantIsolation('entitlement_entries'),
  ],
);

export const chargeableStatus = pgEnum('chargeable_status', ['uninvoiced', 'invoiced', 'cancelled']);

/** A use beyond what the school is entitled to, charged at its rate; a later issue turns these into invoice lines. */
export const chargeableItems = pgTable(
  'chargeable_items',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    description: text('description').notNull(),
    quantityHundredths: integer('quantity_hundredths').notNull(),
    unitPricePence: integer('unit_price_pence').notNull(),
    netPence: integer('net_pence').notNull(),
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull(),
    /** The treatment of the catalogue item charged, when its manager chose one (null: decided by the rate). */
    vatTreatment: vatTreatment('vat_treatment'),
    pricedAsMember: boolean('priced_as_member').notNull(),
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    /** The school's purchase order for this charge (given when booking): the billing run invoices each PO apart. */
    purchaseOrderNumber: text('purchase_order_number'),
    status: chargeableStatus('status').notNull().default('uninvoiced'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('chargeable_items_school').on(t.tenantId, t.schoolId, t.status),
    // A package priced per ECT charges each ECT once (server/induction/bill-per-ect-packages.ts).
    uniqueIndex('chargeable_items_ect_package_once')
      .on(t.tenantId, t.sourceId)
      .where(sql`${t.sourceType} = 'ect_package' and ${t.status} <> 'cancelled'`),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('chargeable_items'),
  ],
);

export type EntitlementBalance = typeof entitlementBalances.$inferSelect;
export type EntitlementEntry = typeof entitlementEntries.$inferSelect;
