import { eq } from 'drizzle-orm';
import { scopeTransaction, type Db, type Tx } from '~/db/client';
import { tenants, type ModuleKey, type TenantSettings } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';

/**
 * For pages anyone may read without signing in (the public course catalogue): finds the workspace by its
 * slug and, in the same transaction, binds row-level security to it, so the reads that follow see that
 * workspace's rows only. A workspace without the courses module, or one the platform has suspended (nobody could
 * book), has no public catalogue.
 */
export function withPublicCourses<T>(
  db: Db,
  slug: string,
  fn: (
    tx: Tx,
    tenant: {
      id: string;
      name: string;
      slug: string;
      laCodes: string[];
      modules: ModuleKey[];
      settings: TenantSettings;
    },
  ) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await scopeTransaction(tx);
    const [tenant] = await tx
      .select({
        id: tenants.id,
        name: tenants.name,
        slug: tenants.slug,
        laCodes: tenants.laCodes,
        modules: tenants.modules,
        settings: tenants.settings,
        suspendedAt: tenants.suspendedAt,
      })
      .from(tenants)
      .where(eq(tenants.slug, slug));
    if (!tenant || !tenant.modules.includes('courses') || tenant.suspendedAt)
      throw new DomainError({ code: 'NOT_FOUND', message: 'There is no course catalogue here.' });
    await scopeTransaction(tx, { tenantId: tenant.id });
    return fn(tx, tenant);
  });
}
