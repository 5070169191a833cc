import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants, users } from './platform';
import { schools } from './schools';
import { appRole, currentTenantId, tenantIdColumn, tenantIsolation } from './tenancy';

/**
 * The one explicit link between two tenants. An LA workspace (tenant_id) commissions a provider workspace
 * (provider_tenant_id) to support named schools. The provider reads the contract and its schools; the LA
 * reads what the provider logs against it. Revoking the contract closes both directions at once; a contract
 * that has simply ended stays readable as history.
 */

export const contractStatus = pgEnum('commissioning_contract_status', ['active', 'ended', 'revoked']);

export const commissioningContracts = pgTable(
  'commissioning_contracts',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    providerTenantId: uuid('provider_tenant_id')
      .notNull()
      .references(() => tenants.id),
    title: text('title').notNull(),
    scope: text('scope').notNull().default(''),
    /** Contract value per year, in pence (BEP: £1.08m). */
    annualValuePence: integer('annual_value_pence').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    breakClause: text('break_clause').notNull().default(''),
    status: contractStatus('status').notNull().default('active'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByUserId: uuid('revoked_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('commissioning_contracts_id').on(t.id),
    index('commissioning_contracts_provider').on(t.providerTenantId),
    check('commissioning_contract_period', sql`${t.endsOn} >= ${t.startsOn}`),
    check('commissioning_contract_not_self', sql`${t.providerTenantId} <> ${t.tenantId}`),
    check('commissioning_contract_value', sql`${t.annualValuePence} >= 0`),
    tenantIsolation('commissioning_contracts'),
    pgPolicy('commissioning_contracts_provider_read', {
      as: 'permissive',
      to: appRole,
      for: 'select',
      using: sql`provider_tenant_id = ${currentTenantId}`,
    }),
  ],
);

/**
 * A school the contract covers and the support the LA funds for it. Carries the URN and name so the provider
 * can match it to its own customer record without reading the LA's school register.
 */
export const contractSchools = pgTable(
  'contract_schools',
  {
    tenantId: tenantIdColumn(),
    contractId: uuid('contract_id').notNull(),
    schoolId: uuid('school_id').notNull(),
    providerTenantId: uuid('provider_tenant_id')
      .notNull()
      .references(() => tenants.id),
    urn: integer('urn').notNull(),
    schoolName: text('school_name').notNull(),
    /** Support days the LA funds for this school over the contract, in hundredths of a day. */
    fundedDaysHundredths: integer('funded_days_hundredths').notNull(),
    supportSummary: text('support_summary').notNull().default(''),
    /** The provider's partner assigned to the school (a user of the provider workspace). */
    assignedPartnerUserId: uuid('assigned_partner_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.contractId, t.schoolId] }),
    index('contract_schools_provider').on(t.providerTenantId, t.urn),
    foreignKey({
      columns: [t.tenantId, t.contractId],
      foreignColumns: [commissioningContracts.tenantId, commissioningContracts.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    check('contract_schools_funded_days', sql`${t.fundedDaysHundredths} >= 0`),
    tenantIsolation('contract_schools'),
    pgPolicy('contract_schools_provider_read', {
      as: 'permissive',
      to: appRole,
      for: 'select',
      using: sql`provider_tenant_id = ${currentTenantId} and exists (
        select 1 from commissioning_contracts c
        where c.id = contract_schools.contract_id and c.status <> 'revoked')`,
    }),
    // The provider records which of its partners supports each school; a trigger (migration 0009) stops it
    // changing anything else.
    pgPolicy('contract_schools_provider_assign', {
      as: 'permissive',
      to: appRole,
      for: 'update',
      using: sql`provider_tenant_id = ${currentTenantId}`,
      withCheck: sql`provider_tenant_id = ${currentTenantId}`,
    }),
  ],
);

/**
 * Support the provider delivered under a contract, logged in the provider's workspace (tenant_id = provider).
 * The commissioning LA may read these rows unless the contract is revoked, and nothing else of the provider's.
 */
export const commissionedDeliveries = pgTable(
  'commissioned_deliveries',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    contractId: uuid('contract_id').notNull(),
    laTenantId: uuid('la_tenant_id')
      .notNull()
      .references(() => tenants.id),
    urn: integer('urn').notNull(),
    deliveredOn: date('delivered_on').notNull(),
    partnerUserId: uuid('partner_user_id').references(() => users.id),
    daysHundredths: integer('days_hundredths').notNull(),
    /** What the LA is charged for this delivery against the contract. */
    costPence: integer('cost_pence').notNull(),
    activity: text('activity').notNull(),
    /** Progress against the school's plan seen at this contact: red / amber / green. */
    progressRag: text('progress_rag').notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('commissioned_deliveries_contract').on(t.laTenantId, t.contractId, t.urn),
    check('commissioned_deliveries_days', sql`${t.daysHundredths} > 0`),
    check('commissioned_deliveries_cost', sql`${t.costPence} >= 0`),
    check('commissioned_deliveries_rag', sql`${t.progressRag} in ('red', 'amber', 'green')`),
    tenantIsolation('commissioned_deliveries'),
    pgPolicy('commissioned_deliveries_commissioner_read', {
      as: 'permissive',
      to: appRole,
      for: 'select',
      using: sql`la_tenant_id = ${currentTenantId} and exists (
        select 1 from commissioning_contracts c
        where c.id = commissioned_deliveries.contract_id and c.tenant_id = ${currentTenantId}
          and c.status <> 'revoked')`,
    }),
  ],
);

export type CommissioningContract = typeof commissioningContracts.$inferSelect;
export type ContractSchool = typeof contractSchools.$inferSelect;
export type CommissionedDelivery = typeof commissionedDeliveries.$inferSelect;
