import { eq } from 'drizzle-orm';
import { withPlatform, type Db } from '~/db/client';
import { tenants } from '~/db/schema';

export type Tenant = typeof tenants.$inferSelect;

export function findTenantBySlug(db: Db, slug: string): Promise<Tenant | undefined> {
  return withPlatform(db, async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
    return tenant;
  });
}
