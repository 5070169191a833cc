import { and, asc, eq, gte, isNull, sql } from 'drizzle-orm';
import { withPlatform, withTenant, type Db } from '~/db/client';
import { courses, tenants } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';

export type CatalogueSitemap = {
  slug: string;
  courses: { id: string; updatedAt: Date }[];
}[];

/**
 * What search engines are asked to index: every public catalogue (a workspace with the courses module that is not
 * suspended) and the courses it lists, the same ones the catalogue shows (published, starting today or later).
 * Each workspace's courses are read in that workspace's own scope, as its catalogue reads them.
 */
export async function catalogueSitemap(db: Db, today: IsoDate): Promise<CatalogueSitemap> {
  const workspaces = await withPlatform(db, (tx) =>
    tx
      .select({ id: tenants.id, slug: tenants.slug })
      .from(tenants)
      .where(and(isNull(tenants.suspendedAt), sql`'courses' = any(${tenants.modules})`))
      .orderBy(asc(tenants.slug)),
  );
  const sitemap: CatalogueSitemap = [];
  for (const workspace of workspaces) {
    const listed = await withTenant(db, workspace.id, (tx) =>
      tx
        .select({ id: courses.id, updatedAt: courses.updatedAt })
        .from(courses)
        .where(and(eq(courses.status, 'published'), gte(courses.startsOn, today)))
        .orderBy(asc(courses.startsOn), asc(courses.id)),
    );
    sitemap.push({ slug: workspace.slug, courses: listed });
  }
  return sitemap;
}
