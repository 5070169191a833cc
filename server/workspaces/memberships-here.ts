import { sql } from 'drizzle-orm';
import { memberships, policyTenantId } from '~/db/schema';

/**
 * Memberships of the workspace the transaction is bound to. Row-level security alone does not keep a query to
 * it: the caller may also read their own memberships in other workspaces (the workspace switcher), so a manager
 * who advises elsewhere would count as an adviser here. Every "who holds this role here" query adds this.
 */
export const membershipsHere = sql`${memberships.tenantId} = ${policyTenantId}`;
