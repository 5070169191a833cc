import { asc } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { tenants } from '~/db/schema';

/** The public directory of workspaces (platform table; no tenant data). */
export function listTenants(tx: Tx) {
  return tx
    .select({ slug: tenants.slug, name: tenants.name, shortName: tenants.shortName, kind: tenants.kind })
    .from(tenants)
    .orderBy(asc(tenants.name));
}
