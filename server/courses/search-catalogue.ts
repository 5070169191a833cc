import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courseFormat, courses } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
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
 * The public catalogue: published courses that have not started, filtered and paged on the server. The
 * free-text search uses the courses' full-text index; the rest use the (tenant, status, starts_on) index.
 */
export async function searchCatalogue(tx: Tx, input: TCatalogueFilters & { today: IsoDate }) {
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
  const offset = (input.page - 1) * catalogueFilterLimits.pageSize;
  const rows = await tx
    .select({
      id: courses.id,
      title: courses.title,
      description: sql<string>`left(${courses.description}, 240)`,
      programme: courses.programme,
      audiences: courses.audiences,
      phase: courses.phase,
      subject: courses.subject,
      keyStage: courses.keyStage,
      format: courses.format,
      venue: courses.venue,
      startsOn: courses.startsOn,
      endsOn: courses.endsOn,
      placesLeft: sql<number>`${courses.capacity} - ${courses.placesTaken}`,
      memberPricePence: courses.memberPricePence,
      nonMemberPricePence: courses.nonMemberPricePence,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(courses)
    .where(and(...where))
    .orderBy(asc(courses.startsOn), asc(courses.title), asc(courses.id))
    .limit(catalogueFilterLimits.pageSize)
    .offset(offset);
  const total = rows[0]?.total ?? (input.page > 1 ? await countOnly(tx, where) : 0);
  return {
    courses: rows.map(({ total: _t, ...r }) => r),
    total,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / catalogueFilterLimits.pageSize)),
  };
}

async function countOnly(tx: Tx, where: SQL[]) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(courses)
    .where(and(...where));
  return row?.n ?? 0;
}

/** The subjects and phases on offer, for the filter lists. */
export async function catalogueFacets(tx: Tx, today: IsoDate) {
  const rows = await tx
    .selectDistinct({ subject: courses.subject, phase: courses.phase })
    .from(courses)
    .where(and(eq(courses.status, 'published'), gte(courses.startsOn, today)));
  const sorted = (values: string[]) => [...new Set(values.filter(Boolean))].sort();
  return { subjects: sorted(rows.map((r) => r.subject)), phases: sorted(rows.map((r) => r.phase)) };
}
