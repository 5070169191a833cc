import { and, count, eq, inArray, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { membershipHistory, memberships, type Role } from '~/db/schema';
import type { Actor } from '../access/actor';
import { staff } from '../access/role-groups';
import { DomainError } from '../errors/domain-error';
import { invitableRoles, roleLabelIn } from '../workspaces/role-labels';

export const ZSetOwnRolesInput = z.object({
  roles: z
    .array(z.enum(staff, { message: 'Choose roles of the workspace’s staff.' }))
    .min(1, 'Keep at least one role.')
    .max(staff.length),
});
export type TSetOwnRolesInput = z.infer<typeof ZSetOwnRolesInput>;

/**
 * The staff roles a workspace's manager may hold themselves: those the workspace has (an appropriate body's
 * induction officers, no LA officers outside an LA), never a school's roles, which belong to one school.
 */
export function ownRoleChoices(actor: Pick<Actor, 'kind' | 'modules'>): Role[] {
  const staffRoles: readonly Role[] = staff;
  return invitableRoles(actor.kind, actor.modules).filter((role) => staffRoles.includes(role));
}

/** The caller's own staff memberships in this workspace (they can also read their own in other workspaces). */
function ownStaffMemberships(tx: Tx, actor: Actor) {
  return tx
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, actor.tenantId),
        eq(memberships.userId, actor.userId),
        inArray(memberships.role, [...staff]),
        isNull(memberships.schoolId),
      ),
    );
}

/** The caller's own staff roles here and the ones they may choose, for the people page. */
export async function listOwnRoles(tx: Tx, actor: Actor) {
  const held = await ownStaffMemberships(tx, actor);
  return {
    held: held.map((m) => m.role),
    choices: ownRoleChoices(actor).map((role) => ({ value: role, label: roleLabelIn(actor.kind, role) })),
  };
}

/**
 * A manager takes on (or gives up) staff roles themselves — the partnership manager who also advises schools
 * or runs courses — without inviting their own address. Only the manager's procedure reaches this, so nobody
 * else grants themselves a role; the last manager cannot give up managing (nobody could give it back). A role
 * given up is kept in the membership history, as a removal is; the procedure's audit row names both lists.
 */
export async function setOwnRoles(tx: Tx, actor: Actor, input: TSetOwnRolesInput) {
  const choices = ownRoleChoices(actor);
  const wanted = [...new Set(input.roles)];
  const unknown = wanted.find((role) => !choices.includes(role));
  if (unknown)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'roles',
      message: `This workspace has no ${roleLabelIn(actor.kind, unknown).toLowerCase()} role to take on.`,
    });
  const held = await ownStaffMemberships(tx, actor);
  const added = wanted.filter((role) => !held.some((m) => m.role === role));
  const dropped = held.filter((m) => !wanted.includes(m.role as (typeof wanted)[number]));
  if (dropped.some((m) => m.role === 'tenant_admin')) {
    const [others] = await tx
      .select({ n: count() })
      .from(memberships)
      .where(
        and(
          eq(memberships.tenantId, actor.tenantId),
          eq(memberships.role, 'tenant_admin'),
          ne(memberships.userId, actor.userId),
        ),
      );
    if ((others?.n ?? 0) === 0)
      throw new DomainError({
        code: 'CONFLICT',
        field: 'roles',
        message:
          'You are this workspace’s only manager, so you keep the manager role: invite another manager first, then give it up.',
      });
  }
  if (added.length > 0)
    await tx
      .insert(memberships)
      .values(added.map((role) => ({ tenantId: actor.tenantId, userId: actor.userId, role })))
      .onConflictDoNothing();
  if (dropped.length > 0) {
    await tx.insert(membershipHistory).values(
      dropped.map((m) => ({
        tenantId: actor.tenantId,
        membershipId: m.id,
        userId: m.userId,
        role: m.role,
        schoolId: m.schoolId,
        startedAt: m.createdAt,
        endedBy: actor.userId,
        reason: 'removed' as const,
      })),
    );
    await tx.delete(memberships).where(
      and(
        eq(memberships.tenantId, actor.tenantId),
        inArray(
          memberships.id,
          dropped.map((m) => m.id),
        ),
      ),
    );
  }
  // The audit row keeps whose roles changed (its ids); which ones is in the memberships and their history.
  return { userId: actor.userId, added, removed: dropped.map((m) => m.role) };
}
