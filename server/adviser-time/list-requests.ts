import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '~/db/client';
import { adviserRequests, adviserVisits, catalogueItems, schools, users } from '~/db/schema';

const adviser = alias(users, 'adviser');

/** Requests with school, service and adviser names, newest first, narrowed as the caller's role requires. */
export async function listRequests(tx: Tx, input: { schoolId?: string; adviserUserId?: string }) {
  const rows = await tx
    .select({
      id: adviserRequests.id,
      status: adviserRequests.status,
      preferredDates: adviserRequests.preferredDates,
      details: adviserRequests.details,
      createdAt: adviserRequests.createdAt,
      schoolId: schools.id,
      schoolName: schools.name,
      serviceName: catalogueItems.name,
      serviceBasis: catalogueItems.pricingBasis,
      serviceDrawsUnit: catalogueItems.drawsUnit,
      serviceDrawsCategory: catalogueItems.drawsCategory,
      adviserUserId: adviserRequests.adviserUserId,
      adviserName: adviser.name,
    })
    .from(adviserRequests)
    .innerJoin(
      schools,
      and(eq(schools.tenantId, adviserRequests.tenantId), eq(schools.id, adviserRequests.schoolId)),
    )
    .innerJoin(
      catalogueItems,
      and(
        eq(catalogueItems.tenantId, adviserRequests.tenantId),
        eq(catalogueItems.id, adviserRequests.serviceId),
      ),
    )
    .leftJoin(adviser, eq(adviser.id, adviserRequests.adviserUserId))
    .where(
      and(
        input.schoolId ? eq(adviserRequests.schoolId, input.schoolId) : undefined,
        input.adviserUserId ? eq(adviserRequests.adviserUserId, input.adviserUserId) : undefined,
      ),
    )
    .orderBy(desc(adviserRequests.createdAt));
  const visits =
    rows.length === 0
      ? []
      : await tx
          .select()
          .from(adviserVisits)
          .where(
            inArray(
              adviserVisits.requestId,
              rows.map((r) => r.id),
            ),
          );
  return rows.map((r) => ({ ...r, visits: visits.filter((v) => v.requestId === r.id) }));
}
