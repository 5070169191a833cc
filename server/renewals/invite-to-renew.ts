import { and, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, renewalLinks, users } from '~/db/schema';
import { academicYearLabel } from '../catalogue/academic-year';
import { queueEmail } from '../email/send-email';
import { newRenewalToken } from './renewal-token';
import { emailOf } from '../email/templates';
import { longDate } from '../format/dates';
import { priceWithVatLine } from '../invoicing/vat-wording';
import { getRenewalOffer } from './get-renewal-offer';

export type InvitationContext = {
  tenantId: string;
  tenantSlug: string;
  providerName: string;
  appUrl: string;
  toYear: number;
  closesOn: string;
};

/**
 * Emails each of the school's headteachers / business managers their own one-click link, with what it renews and
 * at what price (before VAT, the school's VAT and the total).
 */
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
  // What the school is offered, priced with its own VAT as the page will price it (read only if anyone is told).
  const renewals =
    recipients.length === 0
      ? []
      : (await getRenewalOffer(tx, input.invitationId)).renewals.map((p) => ({
          name: `${p.name}${p.units > 1 ? ` × ${p.units}` : ''}`,
          price: priceWithVatLine(p.quote.netPence, p.quote.vatPence, p.vat),
        }));
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
      renewals,
    });
    await queueEmail(tx, { to: person.email, ...message });
  }
  return recipients.length;
}
