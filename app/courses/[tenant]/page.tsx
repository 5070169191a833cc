import type { Metadata } from 'next';
import { cache } from 'react';
import { Pagination } from '~/app/_components/pagination';
import { formatPence } from '~/server/catalogue/money';
import { ZCatalogueFilters } from '~/server/courses/search-catalogue';
import { SiteHeader } from '../../_components/site-header';
import { audienceLabels, formatCourseDates, formatLabels } from '../../_lib/course-format';
import { guard, serverApi } from '../../_lib/server-api';
import { CatalogueFilters } from './catalogue-filters';

type SearchParams = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The filters as the address gives them, and as the search reads them. */
function readFilters(query: SearchParams) {
  const raw = {
    q: first(query.q),
    audience: first(query.audience),
    phase: first(query.phase),
    subject: first(query.subject),
    format: first(query.format),
    from: first(query.from),
    to: first(query.to),
  };
  const parsed = ZCatalogueFilters.safeParse({ ...raw, page: first(query.page) || 1 });
  return { raw, parsed: parsed.success, filters: parsed.success ? parsed.data : { page: 1 } };
}

/** One search per request: the page and its metadata share it (React's per-request cache). */
const search = cache(async (tenant: string, filters: string) => {
  const api = await serverApi(null);
  return api.courseCatalogue.search({ tenant, filters: JSON.parse(filters) as { page: number } });
});

export async function generateMetadata({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<SearchParams>;
}): Promise<Metadata> {
  const { tenant } = await params;
  const { filters } = readFilters(await searchParams);
  const found = await search(tenant, JSON.stringify(filters)).catch(() => null);
  const name = found?.tenant.name ?? 'Courses';
  return {
    title: `Courses and CPD from ${name}`,
    description: `Upcoming CPD courses, networks, ECT induction and governor training from ${name}.`,
  };
}

/** The public course catalogue: anyone may browse; booking asks the visitor to sign in. */
export default async function CourseCataloguePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { tenant } = await params;
  const { raw, parsed, filters } = readFilters(await searchParams);
  const api = await serverApi(null);
  const [result, session] = await Promise.all([
    guard(search(tenant, JSON.stringify(filters))),
    api.auth.session(),
  ]);
  const pageHref = (page: number) => {
    const p = new URLSearchParams(Object.entries(raw).filter(([, v]) => v));
    p.set('page', String(page));
    return `/courses/${tenant}?${p.toString()}`;
  };
  return (
    <>
      <SiteHeader user={session} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-3xl font-bold">Courses from {result.tenant.name}</h1>
        <p className="mt-2 text-slate-700">
          CPD courses, subject networks, headteacher seminars, ECT induction and governor training. Browse
          freely; sign in with your school account to book.
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
            ? 'No courses match'
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
                {c.subject ? ` · ${c.subject}` : ''} · Members {formatPence(c.memberPricePence)}, others{' '}
                {formatPence(c.nonMemberPricePence)} ·{' '}
                <strong>
                  {c.placesLeft > 0 ? `${c.placesLeft} places left` : 'Full: waiting list open'}
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
