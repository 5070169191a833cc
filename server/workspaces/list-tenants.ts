import { asc, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { tenants } from '~/db/schema';

/** The public directory of workspaces (platform table; no tenant data); suspended ones are left out. */
export function listTenants(tx: Tx) {
  return tx
    .select({ slug: tenants.slug, name: tenants.name, shortName: tenants.shortName, kind: tenants.kind })
    .from(tenants)
    .where(isNull(tenants.suspendedAt))
    .orderBy(asc(tenants.name));
}
