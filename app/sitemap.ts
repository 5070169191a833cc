import type { MetadataRoute } from 'next';
import { serverApi } from './_lib/server-api';

// Read per request: the courses change all day, and the build has no database to read.
export const dynamic = 'force-dynamic';

/** /sitemap.xml: every workspace's public course catalogue and the courses it lists, for search engines. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return (await serverApi(null)).courseCatalogue.sitemap();
}
