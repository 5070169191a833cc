import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { invitations, schools } from '~/db/schema';
import { DomainError } from '../errors/domain-error';
import { invitePerson, type Inviter } from './invite-person';

export type InvitationState = 'pending' | 'accepted' | 'expired' | 'withdrawn';

export function invitationState(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationState {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'withdrawn';
  if (row.expiresAt <= now) return 'expired';
  return 'pending';
}

/** The workspace's invitations (or those to the given schools), newest first, with what became of each. */
export async function listInvitations(tx: Tx, schoolIds?: readonly string[]) {
  const rows = await tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      schoolName: schools.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .leftJoin(schools, and(eq(schools.tenantId, invitations.tenantId), eq(schools.id, invitations.schoolId)))
    .where(schoolIds ? inArray(invitations.schoolId, [...schoolIds]) : undefined)
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return rows.map((r) => ({ ...r, state: invitationState(r) }));
}

async function findInvitation(tx: Tx, invitationId: string) {
  const [row] = await tx.select().from(invitations).where(eq(invitations.id, invitationId));
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That invitation does not exist.' });
  return row;
}

/** Sends a fresh link (the old one stops working); for an invitation not yet accepted. */
export async function resendInvitation(tx: Tx, inviter: Inviter, input: { invitationId: string }) {
  const row = await findInvitation(tx, input.invitationId);
  if (row.acceptedAt)
    throw new DomainError({
      code: 'CONFLICT',
      message: `${row.email} has already accepted this invitation.`,
    });
  return invitePerson(tx, inviter, { email: row.email, role: row.role, schoolId: row.schoolId ?? undefined });
}

/** Withdraws an invitation not yet accepted: its link stops working. */
export async function withdrawInvitation(tx: Tx, input: { invitationId: string }) {
  const row = await findInvitation(tx, input.invitationId);
  if (row.acceptedAt)
    throw new DomainError({
      code: 'CONFLICT',
      message: `${row.email} has already accepted this invitation.`,
    });
  await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.id, row.id), isNull(invitations.revokedAt)));
  return { invitationId: row.id };
}
