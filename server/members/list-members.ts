import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, schools, users } from '~/db/schema';

/**
 * The workspace's people (its own memberships only: the caller's in other workspaces are visible to them too),
 * or only those at the given schools (a headteacher's colleagues).
 */
export function listMembers(tx: Tx, tenantId: string, schoolIds?: readonly string[]) {
  return tx
    .select({
      membershipId: memberships.id,
      userId: memberships.userId,
      schoolId: memberships.schoolId,
      role: memberships.role,
      userName: users.name,
      email: users.email,
      jobTitle: users.jobTitle,
      schoolName: schools.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(schools, and(eq(schools.tenantId, memberships.tenantId), eq(schools.id, memberships.schoolId)))
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        schoolIds ? inArray(memberships.schoolId, [...schoolIds]) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(memberships.role));
}
