import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { invitations } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { invitationState, withdrawInvitation } from './manage-invitations';

const notFound = () => new DomainError({ code: 'NOT_FOUND', message: 'That invitation does not exist.' });

/**
 * A headteacher (or business manager) withdraws an invitation to a school they lead that is still waiting,
 * whoever sent it (they, a colleague or the manager). Every other invitation — another school's, or one to the
 * workspace's own staff — is "not found" to them, as it is absent from their Colleagues page.
 */
export async function withdrawColleagueInvitation(tx: Tx, actor: Actor, input: { invitationId: string }) {
  const [row] = await tx
    .select({
      schoolId: invitations.schoolId,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(eq(invitations.id, input.invitationId));
  const schoolId = row?.schoolId;
  if (!row || !schoolId) throw notFound();
  if (!actor.memberships.some((m) => m.role === 'school_admin' && m.schoolId === schoolId)) throw notFound();
  const state = invitationState(row);
  if (state === 'withdrawn')
    throw new DomainError({ code: 'CONFLICT', message: 'This invitation has already been withdrawn.' });
  if (state === 'expired')
    throw new DomainError({
      code: 'CONFLICT',
      message: 'This invitation has expired: its link no longer works, so there is nothing to withdraw.',
    });
  // Accepted ones are refused here, with the manager's message.
  return withdrawInvitation(tx, input);
}
