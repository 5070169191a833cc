import { DomainError } from '~/server/errors/domain-error';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { catalogueItems, renewalInvitations, renewalRounds, subscriptions } from '~/db/schema';
import { academicYearStart } from '../catalogue/academic-year';
import { listCatalogue } from '../catalogue/list-catalogue';
import { packageSaving, quoteSubscription } from '../catalogue/pricing';
import { loadBuyer } from '../subscriptions/quote-for-school';

/**
 * What a school is offered for next year: its current packages carried forward (matched by code) at its own
 * full-year price, and every package on offer, should it want to change.
 */
export async function getRenewalOffer(tx: Tx, invitationId: string) {
  const [row] = await tx
    .select({ invitation: renewalInvitations, round: renewalRounds })
    .from(renewalInvitations)
    .innerJoin(
      renewalRounds,
      and(
        eq(renewalRounds.tenantId, renewalInvitations.tenantId),
        eq(renewalRounds.id, renewalInvitations.roundId),
      ),
    )
    .where(eq(renewalInvitations.id, invitationId));
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That renewal was not found.' });
  const { invitation, round } = row;
  const [school, current, nextYear] = await Promise.all([
    loadBuyer(tx, invitation.schoolId),
    tx
      .select({
        code: catalogueItems.code,
        name: catalogueItems.name,
        units: subscriptions.units,
        netPence: subscriptions.netPricePence,
      })
      .from(subscriptions)
      .innerJoin(
        catalogueItems,
        and(eq(catalogueItems.tenantId, subscriptions.tenantId), eq(catalogueItems.id, subscriptions.itemId)),
      )
      .where(
        and(
          eq(subscriptions.schoolId, invitation.schoolId),
          eq(subscriptions.academicYear, round.fromYear),
          eq(subscriptions.status, 'active'),
        ),
      ),
    listCatalogue(tx, { academicYear: round.toYear, activeOnly: true }),
  ]);
  const joinDate = academicYearStart(round.toYear);
  const packages = nextYear
    .filter((i) => i.kind === 'package')
    .map((item) => {
      const units = current.find((c) => c.code === item.code)?.units ?? 1;
      const quote = quoteSubscription(item, item.bands, school, units, joinDate);
      return {
        id: item.id,
        code: item.code,
        name: item.name,
        description: item.description,
        pricingBasis: item.pricingBasis,
        lines: item.lines,
        units,
        quote,
        saving: packageSaving(item.lines, units, quote.fullPricePence),
        current: current.find((c) => c.code === item.code) ?? null,
      };
    });
  return {
    invitationId: invitation.id,
    decision: invitation.decision,
    declineReason: invitation.declineReason,
    respondedAt: invitation.respondedAt,
    round: { fromYear: round.fromYear, toYear: round.toYear, closesOn: round.closesOn },
    school: { id: school.id, name: school.name, isPartnershipMember: school.isPartnershipMember },
    renewals: packages.filter((p) => p.current !== null),
    packages,
  };
}
