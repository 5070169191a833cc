import { DomainError } from '~/server/errors/domain-error';
import { and, eq, gte, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { renewalInvitations, renewalRounds, schools } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { reminderDue } from '../jobs/job-periods';
import { inviteToRenew, type InvitationContext } from './invite-to-renew';

type ReminderContext = Omit<InvitationContext, 'toYear' | 'closesOn'>;

/**
 * Emails a fresh link to every school in the round that has not answered yet, or (`invitationIds`) to those
 * of them named.
 */
export async function sendRenewalReminders(
  tx: Tx,
  input: ReminderContext & { roundId: string; invitationIds?: string[] },
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
    .where(
      and(
        eq(renewalInvitations.roundId, round.id),
        eq(renewalInvitations.decision, 'pending'),
        // A school that has closed since it was invited is not chased to renew.
        ne(schools.status, 'closed'),
        input.invitationIds ? inArray(renewalInvitations.id, input.invitationIds) : undefined,
      ),
    );
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

/**
 * The scheduled reminder: in every open round with a reminder interval, reminds the schools that have not
 * answered and whose invitation or last reminder (sent by hand or by this job) is at least the interval old.
 * A school reminded today is not due again until the interval has passed, so a second run does nothing.
 */
export async function sendDueRenewalReminders(tx: Tx, input: ReminderContext & { today: IsoDate }) {
  const rounds = await tx
    .select()
    .from(renewalRounds)
    .where(and(gte(renewalRounds.closesOn, input.today), isNotNull(renewalRounds.reminderIntervalDays)));
  let schoolsReminded = 0;
  let emails = 0;
  for (const round of rounds) {
    const pending = await tx
      .select({
        id: renewalInvitations.id,
        lastContactOn: sql<string>`to_char(coalesce(${renewalInvitations.lastRemindedAt}, ${renewalRounds.openedAt}) at time zone 'Europe/London', 'YYYY-MM-DD')`,
      })
      .from(renewalInvitations)
      .innerJoin(
        renewalRounds,
        and(
          eq(renewalRounds.tenantId, renewalInvitations.tenantId),
          eq(renewalRounds.id, renewalInvitations.roundId),
        ),
      )
      .where(and(eq(renewalInvitations.roundId, round.id), eq(renewalInvitations.decision, 'pending')));
    const due = pending.filter((p) =>
      reminderDue({
        today: input.today,
        closesOn: round.closesOn,
        intervalDays: round.reminderIntervalDays,
        lastContactOn: p.lastContactOn,
      }),
    );
    if (due.length === 0) continue;
    const sent = await sendRenewalReminders(tx, {
      ...input,
      roundId: round.id,
      invitationIds: due.map((d) => d.id),
    });
    schoolsReminded += sent.reminded;
    emails += sent.emails;
  }
  return { rounds: rounds.length, schoolsReminded, emails };
}
