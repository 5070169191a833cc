import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { memberships, users } from '~/db/schema';
import { academicYearLabel } from '../catalogue/academic-year';
import { formatPence } from '../catalogue/money';
import { priceWithVatLine, vatAmountWording } from '../invoicing/vat-wording';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import type { RenewalOffer } from './get-renewal-offer';
import { membershipsHere } from '~/server/workspaces/memberships-here';

/**
 * What a school chose, in the words the thank-you page and both emails use: a sentence, and for a renewal or a
 * change one line per package with its price, then the price before VAT, the school's VAT and the total to pay
 * (as the subscribe page states them), and the purchase-order number.
 */
export function renewalChoice(
  offer: Pick<RenewalOffer, 'decision' | 'declineReason' | 'round' | 'school' | 'chosen'>,
) {
  const year = academicYearLabel(offer.round.toYear);
  if (offer.decision === 'declined')
    return {
      summary: `${offer.school.name} declined its services for ${year}.`,
      items: offer.declineReason ? [`Reason given: ${offer.declineReason}`] : [],
    };
  if (offer.decision === 'pending')
    return { summary: `${offer.school.name} has not answered yet.`, items: [] };
  const net = offer.chosen.reduce((sum, p) => sum + p.netPence, 0);
  const vat = offer.chosen.reduce((sum, p) => sum + p.vatPence, 0);
  // One VAT wording for the total when the packages share it (they usually do: one school, one rule).
  const [first, ...rest] = offer.chosen;
  const sameVat = first && rest.every((p) => p.vat.label === first.vat.label) ? first.vat : null;
  const po = offer.chosen.find((p) => p.purchaseOrderNumber)?.purchaseOrderNumber;
  return {
    summary: `${offer.school.name} ${offer.decision === 'renewed' ? 'renewed its services' : 'chose new services'} for ${year}.`,
    items: [
      ...offer.chosen.map(
        (p) =>
          `${p.name}${p.units > 1 ? ` × ${p.units}` : ''}: ${priceWithVatLine(p.netPence, p.vatPence, p.vat)}`,
      ),
      `Price before VAT: ${formatPence(net)}`,
      `VAT: ${sameVat ? vatAmountWording(vat, sameVat) : formatPence(vat)}`,
      `Total to pay: ${formatPence(net + vat)}`,
      po ? `Purchase-order number: ${po}` : 'No purchase-order number given',
    ],
  };
}

/**
 * Once a school answers: its headteachers and business managers are emailed what it chose (so whoever did not
 * answer knows too), and the workspace's managers are told.
 */
export async function confirmRenewalAnswer(
  tx: Tx,
  input: { offer: RenewalOffer; providerName: string; answeredBy: string },
) {
  const { offer } = input;
  const choice = renewalChoice(offer);
  const year = academicYearLabel(offer.round.toYear);
  const [schoolLeaders, managers] = await Promise.all([
    tx
      .select({ name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.schoolId, offer.school.id), eq(memberships.role, 'school_admin'))),
    tx
      .select({ name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.role, 'tenant_admin'), isNull(memberships.schoolId), membershipsHere)),
  ]);
  const sent = new Set<string>();
  const send = async (
    people: { name: string; email: string }[],
    notice: { subject: string; heading: string; paragraphs: string[]; footnote?: string },
  ) => {
    for (const person of people) {
      const to = person.email.toLowerCase();
      if (sent.has(to)) continue;
      sent.add(to);
      await queueEmail(tx, {
        to: person.email,
        ...emailOf('notice', { ...notice, recipientName: person.name, items: choice.items }),
      });
    }
  };
  await send(schoolLeaders, {
    subject: `${offer.school.name}: your services for ${year}`,
    heading: `Your answer for ${year}`,
    paragraphs: [`${choice.summary} ${input.answeredBy} answered on the school’s behalf.`],
    footnote: `To change this, contact ${input.providerName}.`,
  });
  await send(managers, {
    subject: `Buy-back: ${offer.school.name} ${offer.decision === 'declined' ? 'declined' : offer.decision} for ${year}`,
    heading: `${offer.school.name} answered for ${year}`,
    paragraphs: [`${choice.summary} ${input.answeredBy} answered.`],
  });
  return sent.size;
}
