import type { Metadata } from 'next';
import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { Pagination } from '~/app/_components/pagination';
import { PublicSiteHeader } from '~/app/_components/public-site-header';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { inSentence } from '~/server/catalogue/price-names';
import { catalogueBookingClosed } from '~/server/courses/booking-closed';
import { catalogueRevalidateSeconds, catalogueTag } from '~/server/courses/catalogue-cache';
import { ZCatalogueFilters } from '~/server/courses/search-catalogue';
import { audienceLabels, formatCourseDates, formatLabels } from '../../../../_lib/course-format';
import { anonymousServerApi, guard } from '../../../../_lib/server-api';
import { CatalogueFilters } from './catalogue-filters';

/*
 * The public course catalogue, `/courses/<workspace>?filters`, reached through proxy.ts, which rewrites the
 * query into the `query` segment (its cache key). Rendered on the first visit for a workspace and query, then
 * served from Next's cache: expired at once when a course of the workspace changes (catalogueTag, revalidated by
 * the courses procedures), and otherwise re-rendered in the background every 30 s (catalogueRevalidateSeconds:
 * a literal here, as Next requires). Nothing here may read the cookie or headers.
 */
export const revalidate = 30;
export function generateStaticParams(): { tenant: string; query: string }[] {
  return [];
}

type Params = Promise<{ tenant: string; query: string }>;

/** The filters as the address gives them, and as the search reads them. */
function readFilters(query: string) {
  const given = new URLSearchParams(query === 'all' ? '' : Buffer.from(query, 'base64url').toString());
  const at = (name: string) => given.get(name) ?? '';
  const raw = {
    q: at('q'),
    audience: at('audience'),
    phase: at('phase'),
    subject: at('subject'),
    format: at('format'),
    from: at('from'),
    to: at('to'),
  };
  const parsed = ZCatalogueFilters.safeParse({ ...raw, page: at('page') || 1 });
  return { raw, parsed: parsed.success, filters: parsed.success ? parsed.data : { page: 1 } };
}

/**
 * One search per render (the page and its metadata share it), kept in Next's data cache under the workspace's
 * tag: the tag puts the page itself under the same invalidation.
 */
const search = cache((tenant: string, filters: string) =>
  unstable_cache(
    async () => {
      const api = await anonymousServerApi();
      return api.courseCatalogue.search({ tenant, filters: JSON.parse(filters) as { page: number } });
    },
    ['course-catalogue', tenant, filters],
    { tags: [catalogueTag(tenant)], revalidate: catalogueRevalidateSeconds },
  )(),
);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant, query } = await params;
  const { filters } = readFilters(query);
  const found = await search(tenant, JSON.stringify(filters)).catch(() => null);
  const name = found?.tenant.name ?? 'Courses';
  return {
    title: `Courses and CPD from ${name}`,
    description: `Upcoming ${found?.tenant.offer.summary ?? 'CPD courses and networks'} from ${name}.`,
  };
}

/** The public course catalogue: anyone may browse; booking asks the visitor to sign in. */
export default async function CourseCataloguePage({ params }: { params: Params }) {
  const { tenant, query } = await params;
  const { raw, parsed, filters } = readFilters(query);
  const result = await guard(search(tenant, JSON.stringify(filters)));
  const pageHref = (page: number) => {
    const p = new URLSearchParams(Object.entries(raw).filter(([, v]) => v));
    p.set('page', String(page));
    return `/courses/${tenant}?${p.toString()}`;
  };
  // Whether each course's booking has closed is worked out now, at render, from the cached rows: one read a
  // while ago still turns a course whose first session has just begun into "Booking closed".
  const now = new Date();
  const today = todayInLondon(now);
  return (
    <>
      <PublicSiteHeader workspace={tenant} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-3xl font-bold">Courses from {result.tenant.name}</h1>
        <p className="mt-2 text-slate-700">
          {result.tenant.offer.lead} Browse freely; sign in with your school account to book.
        </p>
        <div className="mt-6">
          <CatalogueFilters initial={raw} phases={result.facets.phases} subjects={result.facets.subjects} />
        </div>
        {!parsed && (
          <p className="mt-4 text-red-800" role="alert">
            Some filters could not be read and were left out.
          </p>
        )}
        <h2 className="mt-8 text-xl font-semibold" aria-live="polite">
          {result.total === 0
            ? Object.entries(raw).some(([key, value]) => key !== 'page' && value)
              ? 'No courses match'
              : 'No courses are open for booking yet'
            : result.moreThan
              ? `More than ${result.total.toLocaleString('en-GB')} courses`
              : `${result.total} course${result.total === 1 ? '' : 's'}`}
          {result.pages > 1
            ? ` (page ${result.page} of ${result.moreThan ? 'more than ' : ''}${result.pages})`
            : ''}
        </h2>
        <ul className="mt-4 space-y-4">
          {result.courses.map((c) => (
            <li key={c.id} className="rounded border border-slate-300 bg-white p-4">
              <h3 className="text-lg font-semibold">
                {/* A plain link: 20 client <Link>s cost render time and prefetch 20 course pages per visit. */}
                <a href={`/courses/${tenant}/${c.id}`} className="text-brand-dark underline">
                  {c.title}
                </a>
              </h3>
              <p className="text-sm text-slate-700">
                {formatCourseDates(c.startsOn, c.endsOn)} · {formatLabels[c.format]}
                {c.venue && c.format !== 'online' ? ` · ${c.venue}` : ''}
              </p>
              <p className="mt-1">{c.description}</p>
              <p className="mt-1 text-sm">
                For {c.audiences.map((a) => audienceLabels[a as keyof typeof audienceLabels] ?? a).join(', ')}{' '}
                · {c.phase}
                {c.subject ? ` · ${c.subject}` : ''} · {result.tenant.priceNames.member}{' '}
                {formatPence(c.memberPricePence)}, {inSentence(result.tenant.priceNames.nonMember)}{' '}
                {formatPence(c.nonMemberPricePence)} ·{' '}
                <strong>
                  {catalogueBookingClosed(c, today, now)
                    ? 'Booking closed'
                    : c.placesLeft > 0
                      ? `${c.placesLeft} places left`
                      : 'Full: waiting list open'}
                </strong>
              </p>
            </li>
          ))}
        </ul>
        <Pagination
          label="Pages of courses"
          page={result.page}
          pages={result.pages}
          more={result.moreThan}
          href={pageHref}
          className="mt-6"
        />
      </main>
    </>
  );
}
