import { and, count, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { membershipHistory, memberships, roles, schools, type Membership } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { roleLabels } from '../workspaces/role-labels';
import { isSchoolBound } from './invite-person';

export const ZChangeRoleInput = z.object({
  membershipId: z.uuid(),
  role: z.enum(roles, { message: 'Choose a role.' }),
  schoolId: z
    .uuid({ message: 'Choose a school.' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

async function findMembership(tx: Tx, actor: Actor, membershipId: string): Promise<Membership> {
  // The caller can also read their own memberships in other workspaces: keep to this one.
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, actor.tenantId), eq(memberships.id, membershipId)));
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That person is not in this workspace.' });
  return row;
}

/** A workspace always keeps one manager: nobody removes or demotes the last one (they could not undo it). */
async function assertNotLastManager(tx: Tx, row: Membership) {
  if (row.role !== 'tenant_admin') return;
  const [others] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, row.tenantId),
        eq(memberships.role, 'tenant_admin'),
        ne(memberships.id, row.id),
      ),
    );
  if ((others?.n ?? 0) === 0)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'This is the workspace’s only manager. Invite another manager first.',
    });
}

async function keepHistory(tx: Tx, actor: Actor, row: Membership, reason: 'removed' | 'role_changed') {
  await tx.insert(membershipHistory).values({
    tenantId: actor.tenantId,
    membershipId: row.id,
    userId: row.userId,
    role: row.role,
    schoolId: row.schoolId,
    startedAt: row.createdAt,
    endedBy: actor.userId,
    reason,
  });
}

/** Changes a person's role (and school, for school roles); the old role is kept in the membership history. */
export async function changeRole(tx: Tx, actor: Actor, input: z.infer<typeof ZChangeRoleInput>) {
  const row = await findMembership(tx, actor, input.membershipId);
  if (isSchoolBound(input.role)) {
    if (!input.schoolId)
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'schoolId',
        message: `Choose the school for a ${roleLabels[input.role].toLowerCase()}.`,
      });
    const [school] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, input.schoolId));
    if (!school)
      throw new DomainError({
        code: 'NOT_FOUND',
        field: 'schoolId',
        message: 'That school is not in this workspace.',
      });
  } else if (input.schoolId) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'schoolId',
      message: `${roleLabels[input.role]} is not tied to one school: leave the school empty.`,
    });
  }
  const schoolId = isSchoolBound(input.role) ? (input.schoolId ?? null) : null;
  if (row.role === input.role && row.schoolId === schoolId) return { membershipId: row.id };
  if (input.role !== 'tenant_admin') await assertNotLastManager(tx, row);
  await keepHistory(tx, actor, row, 'role_changed');
  const [updated] = await tx
    .update(memberships)
    .set({ role: input.role, schoolId, createdAt: new Date() })
    .where(eq(memberships.id, row.id))
    .returning({ id: memberships.id })
    .catch((error: unknown) => {
      throw new DomainError({
        code: 'CONFLICT',
        message: 'This person already has that role.',
        cause: error,
      });
    });
  return { membershipId: updated?.id ?? row.id };
}

/** Ends a membership; who had it, in what role, from when to when and who ended it stay in the history. */
export async function removeMembership(tx: Tx, actor: Actor, input: { membershipId: string }) {
  const row = await findMembership(tx, actor, input.membershipId);
  await assertNotLastManager(tx, row);
  await keepHistory(tx, actor, row, 'removed');
  await tx.delete(memberships).where(eq(memberships.id, row.id));
  return { membershipId: row.id, userId: row.userId };
}

/** Memberships that ended, newest first. */
export function listMembershipHistory(tx: Tx) {
  return tx
    .select({
      id: membershipHistory.id,
      userId: membershipHistory.userId,
      role: membershipHistory.role,
      reason: membershipHistory.reason,
      startedAt: membershipHistory.startedAt,
      endedAt: membershipHistory.endedAt,
    })
    .from(membershipHistory)
    .orderBy(membershipHistory.endedAt)
    .limit(200);
}
