import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
import { tenantIdColumn, tenantIsolation } from './tenancy';

export const schoolStatus = pgEnum('school_status', [
  'open',
  'closed',
  'proposed_to_close',
  'proposed_to_open',
]);

/**
 * A school as known to one tenant: an LA's register entry or a partnership's customer.
 * The same URN may appear in several tenants; each keeps its own row and local data.
 */
export const schools = pgTable(
  'schools',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    urn: integer('urn').notNull(),
    laCode: text('la_code').notNull(),
    laName: text('la_name').notNull(),
    establishmentNumber: text('establishment_number').notNull(),
    name: text('name').notNull(),
    /** GIAS TypeOfEstablishment (name), e.g. "Community school", "Academy converter". */
    type: text('type').notNull(),
    /** GIAS EstablishmentTypeGroup (name), e.g. "Local authority maintained schools", "Academies". */
    typeGroup: text('type_group').notNull(),
    /** GIAS PhaseOfEducation (name), e.g. "Primary", "Secondary", "All-through", "Nursery". */
    phase: text('phase').notNull(),
    status: schoolStatus('status').notNull().default('open'),
    /**
     * GIAS CloseDate: the day the school closed (for one proposed to close, the day it is to close); null when
     * GIAS gives none. Work done on or before it may still be recorded for a closed school (closed-school.ts).
     */
    closedOn: date('closed_on'),
    /**
     * GIAS OpenDate: the day the school opened as it now is (an academy, the day it converted); null when GIAS
     * gives none. Shown on the school's page.
     */
    openedOn: date('opened_on'),
    numberOfPupils: integer('number_of_pupils'),
    street: text('street'),
    town: text('town'),
    postcode: text('postcode'),
    headteacherName: text('headteacher_name'),
    /** GIAS OfficialSixthForm: the school has a sixth form (null: the file did not say). */
    officialSixthForm: boolean('official_sixth_form'),
    /** GIAS TelephoneNum, as GIAS writes it (e.g. "02089591234"); null when the file did not give one. */
    telephone: text('telephone'),
    /** GIAS SchoolWebsite, as GIAS writes it (often without a scheme, e.g. "www.school.sch.uk"). */
    website: text('website'),
    /** GIAS Trusts (name): the academy trust the school belongs to; null for a school in none. */
    trustName: text('trust_name'),
    /** Workspace-local: the school has signed the partnership agreement (member prices apply). */
    isPartnershipMember: boolean('is_partnership_member').notNull().default(false),
    /** Set by the school's headteacher/SBM: every staff course booking waits for their approval. */
    staffBookingsNeedApproval: boolean('staff_bookings_need_approval').notNull().default(false),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('schools_tenant_urn').on(t.tenantId, t.urn),
    tenantIsolation('schools'),
  ],
);

export type School = typeof schools.$inferSelect;

export const contactRole = pgEnum('school_contact_role', [
  'headteacher',
  'business_manager',
  'finance',
  'bookings',
]);

/** People at a school the workspace writes to. Local data: never touched by a GIAS re-import. */
export const schoolContacts = pgTable(
  'school_contacts',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    schoolId: uuid('school_id').notNull(),
    role: contactRole('role').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('school_contacts_school').on(t.tenantId, t.schoolId),
    foreignKey({
      columns: [t.tenantId, t.schoolId],
      foreignColumns: [schools.tenantId, schools.id],
    }).onDelete('cascade'),
    tenantIsolation('school_contacts'),
  ],
);
