import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { governors, invitations, memberships, users, type Role } from '~/db/schema';
import type { Actor } from '../access/actor';
import { governanceOfficers } from '../access/role-groups';
import { DomainError } from '../errors/domain-error';
import { invitePerson, inviterOf } from '../people/invite-person';
import { invitationState } from '../people/manage-invitations';
import { assertMayManageBoard } from './board-access';
import { isCurrent } from './board-rules';
import type { IsoDate } from '../catalogue/academic-year';

/**
 * Whether a board member can use Stride for the board: `access` (a governor or headteacher membership at the
 * school, or a governance officer's), `invited` (an invitation to the school waiting for them, as a governor or
 * as its headteacher), `expired` (the last one ran out unanswered), or `none` (never invited, or the last
 * invitation was withdrawn).
 */
export type RegisterAccess =
  | { state: 'access'; role: Role }
  | { state: 'invited'; role: Role; invitedAt: Date; expiresAt: Date }
  | { state: 'expired'; invitedAt: Date; expiresAt: Date }
  | { state: 'none' };

/** The roles that open this board to a member: governor or headteacher here, or a governance officer. */
const opensBoard = (role: Role, membershipSchoolId: string | null, schoolId: string) =>
  (governanceOfficers as readonly Role[]).includes(role) ||
  ((role === 'governor' || role === 'school_admin') && membershipSchoolId === schoolId);

/**
 * Each register entry's access, by entry id: by its linked account, else by an account with its email. The
 * headteacher ex officio joins as headteacher, so is never offered a governor invitation.
 */
export async function registerAccess(
  tx: Tx,
  tenantId: string,
  schoolId: string,
  entries: readonly { id: string; email: string; userId: string | null }[],
): Promise<Map<string, RegisterAccess>> {
  const emails = [...new Set(entries.map((e) => e.email.trim().toLowerCase()).filter(Boolean))];
  const userIds = [...new Set(entries.flatMap((e) => (e.userId ? [e.userId] : [])))];
  const result = new Map<string, RegisterAccess>();
  if (entries.length === 0) return result;
  const [held, invited] = await Promise.all([
    emails.length + userIds.length === 0
      ? []
      : tx
          .select({
            userId: users.id,
            email: users.email,
            role: memberships.role,
            schoolId: memberships.schoolId,
          })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              // Row-level security also shows a person their own memberships elsewhere: this workspace's only.
              eq(memberships.tenantId, tenantId),
              or(
                userIds.length ? inArray(users.id, userIds) : undefined,
                emails.length ? inArray(sql`lower(${users.email})`, emails) : undefined,
              ),
            ),
          ),
    emails.length === 0
      ? []
      : tx
          .select({
            email: invitations.email,
            role: invitations.role,
            createdAt: invitations.createdAt,
            expiresAt: invitations.expiresAt,
            acceptedAt: invitations.acceptedAt,
            revokedAt: invitations.revokedAt,
          })
          .from(invitations)
          .where(
            and(
              eq(invitations.tenantId, tenantId),
              inArray(invitations.email, emails),
              eq(invitations.schoolId, schoolId),
              inArray(invitations.role, ['governor', 'school_admin']),
            ),
          )
          .orderBy(desc(invitations.createdAt)),
  ]);
  for (const entry of entries) {
    const email = entry.email.trim().toLowerCase();
    const membership = held.find(
      (m) =>
        (m.userId === entry.userId || (email !== '' && m.email.toLowerCase() === email)) &&
        opensBoard(m.role, m.schoolId, schoolId),
    );
    if (membership) {
      result.set(entry.id, { state: 'access', role: membership.role });
      continue;
    }
    // The latest invitation decides: one withdrawn (or used, by someone since removed) leaves them uninvited,
    // whatever older invitation ran out before it.
    const latest = invited.find((i) => i.email === email);
    const state = latest ? invitationState(latest) : 'withdrawn';
    if (latest && state === 'pending')
      result.set(entry.id, {
        state: 'invited',
        role: latest.role,
        invitedAt: latest.createdAt,
        expiresAt: latest.expiresAt,
      });
    else if (latest && state === 'expired')
      result.set(entry.id, { state: 'expired', invitedAt: latest.createdAt, expiresAt: latest.expiresAt });
    else result.set(entry.id, { state: 'none' });
  }
  return result;
}

export const ZInviteFromRegisterInput = z.object({ governorId: z.uuid() });

/**
 * Invites a current board member with an email address to the workspace as a governor of the school (the clerk
 * too: a clerk is a governor-role member whose register entry is the clerk, which lets them keep the register
 * and book the board's training). Accepting links the entry to their account (see acceptInvitation). Sent by
 * those who keep the register; sending again replaces the waiting link.
 */
export async function inviteFromRegister(
  tx: Tx,
  actor: Actor,
  input: z.output<typeof ZInviteFromRegisterInput> & { today: IsoDate },
) {
  const [entry] = await tx.select().from(governors).where(eq(governors.id, input.governorId));
  if (!entry) throw new DomainError({ code: 'NOT_FOUND', message: 'That governor was not found.' });
  await assertMayManageBoard(tx, actor, entry.schoolId);
  if (!isCurrent(entry, input.today))
    throw new DomainError({
      code: 'CONFLICT',
      message: `${entry.name} is no longer on the board.`,
    });
  if (!entry.email.trim())
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'email',
      message: `Add ${entry.name}’s email address to the register first: the invitation goes to it.`,
    });
  if (entry.category === 'headteacher')
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'The headteacher joins Stride as the school’s headteacher: invite them from People and roles.',
    });
  const access = (await registerAccess(tx, actor.tenantId, entry.schoolId, [entry])).get(entry.id);
  if (access?.state === 'access')
    throw new DomainError({
      code: 'CONFLICT',
      message: `${entry.name} already has access to Stride for this board.`,
    });
  const why =
    entry.category === 'clerk'
      ? 'You are on the governing board’s register as its clerk: in Stride you keep the board’s register and book its training.'
      : entry.office === 'chair'
        ? 'You are on the governing board’s register as its chair: in Stride you see your record, keep the board’s register and book its training.'
        : 'You are on the governing board’s register: in Stride you see your record and book governor training.';
  const sent = await invitePerson(
    tx,
    inviterOf(actor),
    { email: entry.email.trim().toLowerCase(), name: entry.name, role: 'governor', schoolId: entry.schoolId },
    why,
  );
  return { governorId: entry.id, email: sent.email, expiresAt: sent.expiresAt };
}
