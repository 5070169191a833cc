import type { MetadataRoute } from 'next';
import { requestAppUrl } from '~/server/context';

export const dynamic = 'force-dynamic';

/** /robots.txt: search engines may index the public course catalogues, and nothing behind sign-in. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: { userAgent: '*', allow: '/courses/', disallow: '/' },
    sitemap: `${await requestAppUrl()}/sitemap.xml`,
  };
}
