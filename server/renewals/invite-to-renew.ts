import { and, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, renewalLinks, users } from '~/db/schema';
import { academicYearLabel } from '../catalogue/academic-year';
import { queueEmail } from '../email/send-email';
import { newRenewalToken } from './renewal-token';
import { emailOf } from '../email/templates';
import { longDate } from '../format/dates';

export type InvitationContext = {
  tenantId: string;
  tenantSlug: string;
  providerName: string;
  appUrl: string;
  toYear: number;
  closesOn: string;
};

/** Emails each of the school's headteachers / business managers their own one-click link. */
export async function inviteToRenew(
  tx: Tx,
  input: InvitationContext & {
    invitationId: string;
    schoolId: string;
    schoolName: string;
    reminder: boolean;
  },
) {
  const recipients = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.schoolId, input.schoolId), eq(memberships.role, 'school_admin')));
  for (const person of recipients) {
    const { token, tokenHash } = newRenewalToken();
    await tx.insert(renewalLinks).values({
      tenantId: input.tenantId,
      tokenHash,
      invitationId: input.invitationId,
      userId: person.id,
    });
    const message = emailOf('renewal-invitation', {
      recipientName: person.name,
      schoolName: input.schoolName,
      providerName: input.providerName,
      yearLabel: academicYearLabel(input.toYear),
      closesOn: longDate(input.closesOn),
      url: `${input.appUrl}/renew/${input.tenantSlug}/${token}`,
      reminder: input.reminder,
    });
    await queueEmail(tx, { to: person.email, ...message });
  }
  return recipients.length;
}
