import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { catalogueItems } from './catalogue';
import { users } from './platform';
import { schools } from './schools';
import { tenantIdColumn, tenantIsolation } from './tenancy';

export const adviserKind = pgEnum('adviser_kind', ['employed', 'associate']);

/** An adviser's terms with this workspace: associates are paid a day rate per day delivered. */
export const adviserProfiles = pgTable(
  'adviser_profiles',
  {
    tenantId: tenantIdColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: adviserKind('kind').notNull(),
    dayRatePence: integer('day_rate_pence').notNull(),
    specialisms: text('specialisms').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), tenantIsolation('adviser_profiles')],
);

export const adviserRequestStatus = pgEnum('adviser_request_status', [
  'requested',
  'assigned',
  'completed',
  'cancelled',
]);

/** A school's request for adviser time: a school review, a consultancy day, a governance review. */
export const adviserRequests = pgTable(
  'adviser_requests',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    preferredDates: text('preferred_dates').notNull().default(''),
    details: text('details').notNull().default(''),
    status: adviserRequestStatus('status').notNull().default('requested'),
    adviserUserId: uuid('adviser_user_id'),
    requestedByUserId: uuid('requested_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('adviser_requests_status').on(t.tenantId, t.status),
    index('adviser_requests_adviser').on(t.tenantId, t.adviserUserId),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    foreignKey({
      columns: [t.tenantId, t.serviceId],
      foreignColumns: [catalogueItems.tenantId, catalogueItems.id],
    }),
    tenantIsolation('adviser_requests'),
  ],
);

/** part_drawn: the entitlement covered part of the visit and the rest was charged. */
export const visitOutcome = pgEnum('adviser_visit_outcome', ['drawn', 'charged', 'part_drawn']);

/** A visit an adviser delivered: it draws down the school's entitlement or becomes a chargeable item. */
export const adviserVisits = pgTable(
  'adviser_visits',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    requestId: uuid('request_id').notNull(),
    adviserUserId: uuid('adviser_user_id').notNull(),
    visitDate: date('visit_date', { mode: 'string' }).notNull(),
    /** Length in hundredths of a day (50 = half a day). */
    daysHundredths: integer('days_hundredths').notNull(),
    summary: text('summary').notNull(),
    /** What the adviser is owed (associates) or costs (employed), for utilisation and margin. */
    costPence: integer('cost_pence').notNull(),
    /** What the visit is worth at the school's price: income, whether drawn from entitlement or charged. */
    valuePence: integer('value_pence').notNull(),
    outcome: visitOutcome('outcome').notNull(),
    /** The entitlement line the visit drew from ('' = the general line), when it drew any. */
    drawnCategory: text('drawn_category'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('adviser_visits_request').on(t.tenantId, t.requestId),
    foreignKey({
      columns: [t.tenantId, t.requestId],
      foreignColumns: [adviserRequests.tenantId, adviserRequests.id],
    }),
    tenantIsolation('adviser_visits'),
  ],
);
