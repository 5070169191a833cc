import { sql } from 'drizzle-orm';
import {
  check,
  date,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn, tenantIsolation } from './tenancy';

export const schoolTerm = pgEnum('school_term', ['autumn', 'spring', 'summer']);

/**
 * A tenant's term dates for one academic year (its LA's published calendar), one row per term. Pro-rating
 * counts the terms that have not started; CPD and induction read the same dates through server/calendar.
 */
export const termDates = pgTable(
  'term_dates',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    academicYear: integer('academic_year').notNull(),
    term: schoolTerm('term').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('term_dates_one_per_term').on(t.tenantId, t.academicYear, t.term),
    check('term_dates_in_order', sql`${t.startsOn} <= ${t.endsOn}`),
    tenantIsolation('term_dates'),
  ],
);
