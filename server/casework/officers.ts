import { DomainError } from '~/server/errors/domain-error';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, users } from '~/db/schema';
import { officers } from '../access/role-groups';
import { membershipsHere } from '~/server/workspaces/memberships-here';

/** The workspace's officers (LA officers and admin), who can record the DCS's decisions. */
export async function listOfficers(tx: Tx) {
  const rows = await tx
    .selectDistinct({ userId: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.role, [...officers]), membershipsHere))
    .orderBy(asc(users.name));
  return rows;
}

/** Refuses a "decided by" who is not an officer of this workspace. */
export async function assertOfficer(tx: Tx, userId: string): Promise<void> {
  const [row] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, [...officers]), membershipsHere))
    .limit(1);
  if (!row)
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'Choose the officer who made the decision from this workspace’s officers.',
    });
}
