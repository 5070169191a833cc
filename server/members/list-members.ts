import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, schools, users } from '~/db/schema';

/** The workspace's people (its own memberships only: the caller's in other workspaces are visible to them too). */
export function listMembers(tx: Tx, tenantId: string) {
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
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(users.name), asc(memberships.role));
}
