import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn, tenantIsolation, tenantTable } from './tenancy';

/**
 * Personal data (UK GDPR): how long a workspace keeps the people it holds records about, and a log of every
 * erasure — who erased whom (by placeholder, never by name), when, what and why — so the log itself holds no
 * personal data and survives the erasure it records.
 */

/** Years a workspace keeps each kind of record before the retention job anonymises it; one row per tenant. */
export const retentionSettings = pgTable(
  'retention_settings',
  {
    tenantId: tenantIdColumn(),
    /** Governors: years after they stepped down. */
    governorYears: integer('governor_years').notNull(),
    /** ECT induction records: years after the induction ended (the outcome's date). */
    ectYears: integer('ect_years').notNull(),
    /** Course delegates (places, evaluations, emails): years after the course's last session. */
    delegateYears: integer('delegate_years').notNull(),
    updatedByUserId: uuid('updated_by_user_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    check(
      'retention_settings_years',
      sql`${t.governorYears} between 1 and 50 and ${t.ectYears} between 1 and 50 and ${t.delegateYears} between 1 and 50`,
    ),
    tenantIsolation('retention_settings'),
  ],
);

export const erasureSubjectKind = pgEnum('erasure_subject_kind', ['ect', 'governor', 'delegate']);
/** 'full': every personal field; 'contact': contact details only, the statutory record kept. */
export const erasureScope = pgEnum('erasure_scope', ['full', 'contact']);

/** What an erasure touched, counted by kind of record (no names, no emails). */
export type ErasureCounts = Record<string, number>;

export const personalDataErasures = tenantTable(
  'personal_data_erasures',
  {
    subjectKind: erasureSubjectKind('subject_kind').notNull(),
    /** The ECT's or governor's row (kept, anonymised); null for a delegate known only by email. */
    subjectId: uuid('subject_id'),
    /** What now stands where the name was, e.g. "Erased person 1a2b". */
    placeholder: text('placeholder').notNull(),
    scope: erasureScope('scope').notNull(),
    /** Why: the request, or "Retention period ended". The form asks officers not to name the person. */
    reason: text('reason').notNull(),
    counts: jsonb('counts').$type<ErasureCounts>().notNull().default({}),
    /** The officer who erased, or null when the retention job did (see erasedByLabel). */
    erasedByUserId: uuid('erased_by_user_id'),
    erasedByLabel: text('erased_by_label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('personal_data_erasures_created').on(t.tenantId, t.createdAt),
    check('personal_data_erasures_actor', sql`erased_by_user_id is not null or erased_by_label is not null`),
  ],
);

export type RetentionSettings = typeof retentionSettings.$inferSelect;
export type PersonalDataErasure = typeof personalDataErasures.$inferSelect;
