import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  pgEnum,
  pgPolicy,
  pgTable,
  primaryKey,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './platform';
import { schools } from './schools';
import { appRole, currentUserId, tenantIdColumn, tenantIsolation } from './tenancy';

export const roles = [
  'tenant_admin',
  'finance',
  'adviser',
  'la_officer',
  'school_admin',
  'school_staff',
  'governor',
  'ect',
] as const;
export type Role = (typeof roles)[number];

/** Roles that act for one school and must be bound to it. */
export const schoolBoundRoles = [
  'school_admin',
  'school_staff',
  'governor',
  'ect',
] as const satisfies readonly Role[];

export const membershipRole = pgEnum('membership_role', roles);

/** A user's role in a tenant, optionally bound to one of that tenant's schools. */
export const memberships = pgTable(
  'memberships',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: membershipRole('role').notNull(),
    schoolId: uuid('school_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('memberships_tenant_user_role_school')
      .on(t.tenantId, t.userId, t.role, t.schoolId)
      .nullsNotDistinct(),
    index('memberships_user').on(t.userId),
    foreignKey({ columns: [t.tenantId, t.schoolId], foreignColumns: [schools.tenantId, schools.id] }),
    tenantIsolation('memberships'),
    // A signed-in user may list their own memberships across tenants (the workspace switcher), read-only.
    pgPolicy('memberships_own_rows', {
      as: 'permissive',
      to: appRole,
      for: 'select',
      using: sql`user_id = ${currentUserId}`,
    }),
  ],
);

export type Membership = typeof memberships.$inferSelect;
