import { and, eq, isNull, or } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governors } from '~/db/schema';
import type { Actor } from '../access/actor';
import { governanceOfficers, hasRole } from '../access/role-groups';
import { DomainError } from '../errors/domain-error';

/**
 * Who may keep a school's board register: the workspace's managers and officers (every board), the school's
 * headteacher, and the board's own chair or clerk (their governor record is linked to their account).
 */
export async function mayManageBoard(tx: Tx, actor: Actor, schoolId: string): Promise<boolean> {
  if (hasRole(actor.roles, governanceOfficers)) return true;
  if (actor.memberships.some((m) => m.role === 'school_admin' && m.schoolId === schoolId)) return true;
  if (!actor.memberships.some((m) => m.role === 'governor' && m.schoolId === schoolId)) return false;
  const [own] = await tx
    .select({ id: governors.id })
    .from(governors)
    .where(
      and(
        eq(governors.schoolId, schoolId),
        eq(governors.userId, actor.userId),
        isNull(governors.steppedDownOn),
        or(eq(governors.category, 'clerk'), eq(governors.office, 'chair')),
      ),
    )
    .limit(1);
  return own !== undefined;
}

/** Refuses anyone but the board's keepers, in words: outsiders learn nothing of another school's board. */
export async function assertMayManageBoard(tx: Tx, actor: Actor, schoolId: string): Promise<void> {
  if (await mayManageBoard(tx, actor, schoolId)) return;
  const ownSchool = actor.memberships.some((m) => m.schoolId === schoolId);
  if (!ownSchool)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That governing board was not found.' });
  throw new DomainError({
    code: 'FORBIDDEN',
    message: 'Only the chair, the clerk or the headteacher can keep the board’s register.',
  });
}

/** May read the board's published information: its keepers, and any member of the school in Stride. */
export function assertMayReadSchool(actor: Actor, schoolId: string): void {
  if (hasRole(actor.roles, governanceOfficers)) return;
  if (actor.memberships.some((m) => m.schoolId === schoolId)) return;
  throw new DomainError({ code: 'NOT_FOUND', message: 'That governing board was not found.' });
}
