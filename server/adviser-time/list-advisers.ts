import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { adviserProfiles, memberships, users } from '~/db/schema';
import { membershipsHere } from '../workspaces/memberships-here';

/** The workspace's advisers with their terms, for assigning requests. */
export function listAdvisers(tx: Tx) {
  return tx
    .select({
      userId: users.id,
      name: users.name,
      jobTitle: users.jobTitle,
      kind: adviserProfiles.kind,
      dayRatePence: adviserProfiles.dayRatePence,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      adviserProfiles,
      and(eq(adviserProfiles.tenantId, memberships.tenantId), eq(adviserProfiles.userId, memberships.userId)),
    )
    .where(and(membershipsHere, eq(memberships.role, 'adviser')))
    .orderBy(asc(users.name));
}
