import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courseFormat, courses, courseSessions } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import type { Programme } from './course-labels';
import { audiences, type Audience } from './course-inputs';

export const catalogueFilterLimits = { pageSize: 20 } as const;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

export const ZCatalogueFilters = z.object({
  q: optional(z.string().trim().max(100)),
  audience: optional(z.enum(Object.keys(audiences) as [Audience, ...Audience[]])),
  phase: optional(z.string().trim().max(40)),
  subject: optional(z.string().trim().max(80)),
  format: optional(z.enum(courseFormat.enumValues)),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TCatalogueFilters = z.output<typeof ZCatalogueFilters>;

/**
 * Counting stops here: beyond it the page says "more than 1,000 courses". An exact count over every match on
 * every request was most of the query's cost (it reads every matching row, however far down the list).
 */
export const catalogueCountCap = 1000;

/**
 * The public catalogue: published courses that have not started, filtered and paged on the server. The rows
 * come in order from the partial index `courses_catalogue_published` (tenant, starts_on, title, id) where
 * status is published, so a page reads about its own rows; the free-text search uses the full-text index. The
 * count is capped (catalogueCountCap) past the current page.
 */
export async function searchCatalogue(
  tx: Tx,
  input: TCatalogueFilters & { today: IsoDate; countCap?: number },
) {
  const countCap = input.countCap ?? catalogueCountCap;
  const where: SQL[] = [
    eq(courses.status, 'published'),
    gte(courses.startsOn, input.from && input.from > input.today ? input.from : input.today),
  ];
  if (input.to) where.push(lte(courses.startsOn, input.to));
  if (input.audience) where.push(sql`${input.audience} = any(${courses.audiences})`);
  if (input.phase) where.push(sql`(${courses.phase} = ${input.phase} or ${courses.phase} = 'All phases')`);
  if (input.subject) where.push(eq(courses.subject, input.subject));
  if (input.format) where.push(eq(courses.format, input.format));
  if (input.q) where.push(sql`${courses.search} @@ websearch_to_tsquery('english', ${input.q})`);
  const { pageSize } = catalogueFilterLimits;
  const offset = (input.page - 1) * pageSize;
  // Only what a catalogue entry shows (the description cut to a summary).
  const rows = await tx
    .select({
      id: courses.id,
      title: courses.title,
      description: sql<string>`left(${courses.description}, 240)`,
      audiences: courses.audiences,
      phase: courses.phase,
      subject: courses.subject,
      format: courses.format,
      venue: courses.venue,
      startsOn: courses.startsOn,
      endsOn: courses.endsOn,
      placesLeft: sql<number>`${courses.capacity} - ${courses.placesTaken}`,
      // With the deadline, what the list needs to say "Booking closed" once the first session has begun
      // (catalogueBookingClosed, worked out when the cached list is rendered).
      firstStartTime: sql<
        string | null
      >`(select min(s.start_time) from ${courseSessions} s where s.course_id = ${courses}.id and s."on" = ${courses}.starts_on)`,
      bookingDeadline: courses.bookingDeadline,
      memberPricePence: courses.memberPricePence,
      nonMemberPricePence: courses.nonMemberPricePence,
    })
    .from(courses)
    .where(and(...where))
    .orderBy(asc(courses.startsOn), asc(courses.title), asc(courses.id))
    .limit(pageSize)
    .offset(offset);
  // A short first page is the whole list: no count needed.
  const counted =
    input.page === 1 && rows.length < pageSize
      ? rows.length
      : await cappedCount(tx, where, offset + countCap);
  const limit = offset + countCap;
  const moreThan = counted > limit;
  const total = moreThan ? limit : counted;
  return {
    courses: rows,
    total,
    /** True when there are more than `total` matches (the count stopped there). */
    moreThan,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** Counts the matches up to `cap + 1`, so "more than cap" can be told from exactly cap. */
async function cappedCount(tx: Tx, where: SQL[], cap: number) {
  const matches = tx
    .select({ one: sql`1`.as('one') })
    .from(courses)
    .where(and(...where))
    .limit(cap + 1)
    .as('matches');
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(matches);
  return row?.n ?? 0;
}

/**
 * The subjects and phases on offer, for the filter lists: the same for every visitor to a workspace's
 * catalogue, so kept per workspace for a minute (a newly published subject appears within it).
 */
const facetsTtlMs = 60_000;
const facetsCache = new Map<string, { at: number; facets: Promise<CatalogueFacets> }>();
type CatalogueFacets = { subjects: string[]; phases: string[]; programmes: Programme[] };

export function catalogueFacets(tx: Tx, tenantId: string, today: IsoDate, now = Date.now()) {
  const key = `${tenantId}:${today}`;
  const hit = facetsCache.get(key);
  if (hit && now - hit.at < facetsTtlMs) return hit.facets;
  const facets = readFacets(tx, today);
  facets.catch(() => facetsCache.delete(key));
  if (facetsCache.size >= 1000) facetsCache.clear();
  facetsCache.set(key, { at: now, facets });
  return facets;
}

/** Forgets a workspace's facet lists (a course of it changed). */
export function forgetCatalogueFacets(tenantId: string): void {
  for (const key of facetsCache.keys()) if (key.startsWith(`${tenantId}:`)) facetsCache.delete(key);
}

async function readFacets(tx: Tx, today: IsoDate): Promise<CatalogueFacets> {
  const rows = await tx
    .selectDistinct({ subject: courses.subject, phase: courses.phase, programme: courses.programme })
    .from(courses)
    .where(and(eq(courses.status, 'published'), gte(courses.startsOn, today)));
  const sorted = (values: string[]) => [...new Set(values.filter(Boolean))].sort();
  return {
    subjects: sorted(rows.map((r) => r.subject)),
    phases: sorted(rows.map((r) => r.phase)),
    programmes: [...new Set(rows.map((r) => r.programme))],
  };
}
