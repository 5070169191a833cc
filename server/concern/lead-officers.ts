import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, users } from '~/db/schema';
import { membershipsHere } from '~/server/workspaces/memberships-here';

const leadRoles = ['tenant_admin', 'la_officer', 'adviser'] as const;

/** People of the workspace who may lead a case: officers, advisers and the Head of School Improvement. */
export async function listLeadOfficers(tx: Tx) {
  const rows = await tx
    .selectDistinct({ userId: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.role, [...leadRoles]), membershipsHere))
    .orderBy(asc(users.name));
  return rows;
}

export async function findLeadOfficer(tx: Tx, userId: string) {
  const all = await listLeadOfficers(tx);
  return all.find((u) => u.userId === userId);
}
