import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, users } from '~/db/schema';
import { membershipsHere } from '../workspaces/memberships-here';

/** The workspace's advisers, who may be a school's link or second adviser or be given a visit. */
export function listMonitoringAdvisers(tx: Tx) {
  return tx
    .selectDistinct({ userId: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(membershipsHere, eq(memberships.role, 'adviser')))
    .orderBy(asc(users.name));
}

/** True when the user holds the adviser role in this workspace (not only in another of theirs). */
export async function isAdviserHere(tx: Tx, userId: string): Promise<boolean> {
  const [found] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(membershipsHere, eq(memberships.userId, userId), eq(memberships.role, 'adviser')))
    .limit(1);
  return found !== undefined;
}
