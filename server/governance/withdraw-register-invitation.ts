import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { governors, invitations } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { withdrawInvitation } from '../people/manage-invitations';
import { assertMayManageBoard } from './board-access';

export const ZWithdrawRegisterInvitationInput = z.object({ governorId: z.uuid() });

/**
 * Withdraws the governor invitation waiting for a board member (sent from the register, or as a governor of the
 * school from People and roles): its link stops working and the register reads "No access, not invited". Those
 * who invite from the register withdraw; the invitation itself is withdrawn by People and roles' own rule. Only
 * a governor invitation: a headteacher's or business manager's is the manager's (or the head's) to withdraw.
 */
export async function withdrawRegisterInvitation(
  tx: Tx,
  actor: Actor,
  input: z.output<typeof ZWithdrawRegisterInvitationInput>,
) {
  const [entry] = await tx.select().from(governors).where(eq(governors.id, input.governorId));
  if (!entry) throw new DomainError({ code: 'NOT_FOUND', message: 'That governor was not found.' });
  await assertMayManageBoard(tx, actor, entry.schoolId);
  const email = entry.email.trim().toLowerCase();
  const [waiting] = email
    ? await tx
        .select({ id: invitations.id })
        .from(invitations)
        .where(
          and(
            eq(invitations.tenantId, actor.tenantId),
            eq(invitations.email, email),
            eq(invitations.schoolId, entry.schoolId),
            eq(invitations.role, 'governor'),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, new Date()),
          ),
        )
        .orderBy(desc(invitations.createdAt))
        .limit(1)
    : [];
  if (!waiting)
    throw new DomainError({
      code: 'CONFLICT',
      message: `${entry.name} has no invitation waiting, so there is nothing to withdraw.`,
    });
  await withdrawInvitation(tx, { invitationId: waiting.id });
  return { governorId: entry.id, email };
}
