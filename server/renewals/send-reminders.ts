import { DomainError } from '~/server/errors/domain-error';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { renewalInvitations, renewalRounds, schools } from '~/db/schema';
import { inviteToRenew, type InvitationContext } from './invite-to-renew';

/** Emails a fresh link to every school that has not answered yet. */
export async function sendRenewalReminders(
  tx: Tx,
  input: Omit<InvitationContext, 'toYear' | 'closesOn'> & { roundId: string },
) {
  const [round] = await tx.select().from(renewalRounds).where(eq(renewalRounds.id, input.roundId));
  if (!round) throw new DomainError({ code: 'NOT_FOUND', message: 'That renewal round was not found.' });
  const pending = await tx
    .select({ id: renewalInvitations.id, schoolId: schools.id, schoolName: schools.name })
    .from(renewalInvitations)
    .innerJoin(
      schools,
      and(eq(schools.tenantId, renewalInvitations.tenantId), eq(schools.id, renewalInvitations.schoolId)),
    )
    .where(and(eq(renewalInvitations.roundId, round.id), eq(renewalInvitations.decision, 'pending')));
  let emails = 0;
  for (const invitation of pending) {
    emails += await inviteToRenew(tx, {
      ...input,
      toYear: round.toYear,
      closesOn: round.closesOn,
      invitationId: invitation.id,
      schoolId: invitation.schoolId,
      schoolName: invitation.schoolName,
      reminder: true,
    });
    await tx
      .update(renewalInvitations)
      .set({ remindersSent: sql`${renewalInvitations.remindersSent} + 1`, lastRemindedAt: sql`now()` })
      .where(eq(renewalInvitations.id, invitation.id));
  }
  return { id: round.id, reminded: pending.length, emails };
}
