import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, schools, users } from '~/db/schema';

export function listMembers(tx: Tx) {
  return tx
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      userName: users.name,
      email: users.email,
      jobTitle: users.jobTitle,
      schoolName: schools.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(schools, and(eq(schools.tenantId, memberships.tenantId), eq(schools.id, memberships.schoolId)))
    .orderBy(asc(users.name), asc(memberships.role));
}
