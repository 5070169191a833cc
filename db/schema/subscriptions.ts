import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { catalogueItems } from './catalogue';
import { schools } from './schools';
import { tenantIdColumn, tenantIsolation } from './tenancy';

export const subscriptionStatus = pgEnum('subscription_status', ['active', 'cancelled']);

/** A school's purchase of a package for one academic year, at the price quoted when it subscribed. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    itemId: uuid('item_id').notNull(),
    academicYear: integer('academic_year').notNull(),
    status: subscriptionStatus('status').notNull().default('active'),
    /** Number of priced units (ECTs, governing bodies, places); 1 for a per-school package. */
    units: integer('units').notNull().default(1),
    purchaseOrderNumber: text('purchase_order_number'),
    /** The quote at subscription time, kept so later price changes do not rewrite history. */
    netPricePence: integer('net_price_pence').notNull(),
    vatPence: integer('vat_pence').notNull(),
    pricedAsMember: boolean('priced_as_member').notNull(),
    termsCharged: integer('terms_charged').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    subscribedByUserId: uuid('subscribed_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('subscriptions_school_year').on(t.tenantId, t.schoolId, t.academicYear),
    // One live subscription per school, package and year, even when two people click at once.
    uniqueIndex('subscriptions_one_active')
      .on(t.tenantId, t.schoolId, t.itemId, t.academicYear)
      .where(sql`status = 'active'`),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    foreignKey({
      columns: [t.tenantId, t.itemId],
      foreignColumns: [catalogueItems.tenantId, catalogueItems.id],
    }),
    tenantIsolation('subscriptions'),
  ],
);

/** Every change to a subscription, kept for history. */
export const subscriptionEvents = pgTable(
  'subscription_events',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    subscriptionId: uuid('subscription_id').notNull(),
    event: text('event').notNull(),
    detail: jsonb('detail').$type<Record<string, string | number | null>>().notNull().default({}),
    actorUserId: uuid('actor_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('subscription_events_subscription').on(t.tenantId, t.subscriptionId),
    foreignKey({
      columns: [t.tenantId, t.subscriptionId],
      foreignColumns: [subscriptions.tenantId, subscriptions.id],
    }),
    tenantIsolation('subscription_events'),
  ],
);

export type Subscription = typeof subscriptions.$inferSelect;
