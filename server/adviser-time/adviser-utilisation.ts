import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  adviserProfiles,
  adviserRequests,
  adviserVisits,
  catalogueItems,
  memberships,
  users,
} from '~/db/schema';
import { academicYearEnd, academicYearStart } from '../catalogue/academic-year';

/** Per adviser: days delivered, cost and income; per service: income against adviser cost. For one year. */
export async function adviserUtilisation(tx: Tx, input: { academicYear: number }) {
  const inYear = and(
    gte(adviserVisits.visitDate, academicYearStart(input.academicYear)),
    lte(adviserVisits.visitDate, academicYearEnd(input.academicYear)),
  );
  const byAdviser = await tx
    .select({
      userId: users.id,
      name: users.name,
      kind: adviserProfiles.kind,
      dayRatePence: adviserProfiles.dayRatePence,
      visits: sql<number>`count(${adviserVisits.id})::int`,
      daysHundredths: sql<number>`coalesce(sum(${adviserVisits.daysHundredths}), 0)::int`,
      costPence: sql<number>`coalesce(sum(${adviserVisits.costPence}), 0)::int`,
      valuePence: sql<number>`coalesce(sum(${adviserVisits.valuePence}), 0)::int`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      adviserProfiles,
      and(eq(adviserProfiles.tenantId, memberships.tenantId), eq(adviserProfiles.userId, memberships.userId)),
    )
    .leftJoin(
      adviserVisits,
      and(
        eq(adviserVisits.tenantId, memberships.tenantId),
        eq(adviserVisits.adviserUserId, users.id),
        inYear,
      ),
    )
    .where(eq(memberships.role, 'adviser'))
    .groupBy(users.id, users.name, adviserProfiles.kind, adviserProfiles.dayRatePence)
    .orderBy(users.name);
  const byService = await tx
    .select({
      serviceId: catalogueItems.id,
      name: catalogueItems.name,
      visits: sql<number>`count(${adviserVisits.id})::int`,
      costPence: sql<number>`coalesce(sum(${adviserVisits.costPence}), 0)::int`,
      valuePence: sql<number>`coalesce(sum(${adviserVisits.valuePence}), 0)::int`,
      chargedPence: sql<number>`coalesce(sum(${adviserVisits.valuePence}) filter (where ${adviserVisits.outcome} = 'charged'), 0)::int`,
    })
    .from(adviserVisits)
    .innerJoin(
      adviserRequests,
      and(
        eq(adviserRequests.tenantId, adviserVisits.tenantId),
        eq(adviserRequests.id, adviserVisits.requestId),
      ),
    )
    .innerJoin(
      catalogueItems,
      and(
        eq(catalogueItems.tenantId, adviserRequests.tenantId),
        eq(catalogueItems.id, adviserRequests.serviceId),
      ),
    )
    .where(inYear)
    .groupBy(catalogueItems.id, catalogueItems.name)
    .orderBy(catalogueItems.name);
  return { byAdviser, byService };
}
