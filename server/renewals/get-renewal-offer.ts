import { DomainError } from '~/server/errors/domain-error';
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { catalogueItems, renewalInvitations, renewalRounds, subscriptions } from '~/db/schema';
import { academicYearLabel, academicYearStart } from '../catalogue/academic-year';
import { sameProductNextYear } from '../catalogue/catalogue-codes';
import { formatPence } from '../catalogue/money';
import { listCatalogue } from '../catalogue/list-catalogue';
import { packageSaving, quoteSubscription, vatOn } from '../catalogue/pricing';
import { loadVatContext, vatForSchool, type VatProduct } from '../invoicing/vat-for-school';
import { vatLabel } from '../invoicing/vat-wording';
import { loadBuyer } from '../subscriptions/quote-for-school';

/**
 * What a school is offered for next year: its current packages carried forward (matched by code) at its own
 * full-year price, and every package on offer, should it want to change. Each package carried forward is compared
 * with this year's full-year price for the same school and units, not with what the school paid: a school that
 * joined mid-year paid for the terms left, and comparing that with a full year overstates the rise. Once the
 * school has answered, `chosen` says what it chose. VAT is the school's own, the one decision its invoice will
 * apply (vatForSchool, as the subscribe page quotes it): a maintained school an LA puts outside the scope is
 * offered the price alone, an academy the price before VAT, the VAT and the total.
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
  const [school, current, nextYear, thisYear, { vat: workspaceVat, laCodes }] = await Promise.all([
    loadBuyer(tx, invitation.schoolId),
    tx
      .select({
        itemId: subscriptions.itemId,
        code: catalogueItems.code,
        name: catalogueItems.name,
        units: subscriptions.units,
        netPence: subscriptions.netPricePence,
        termsCharged: subscriptions.termsCharged,
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
    listCatalogue(tx, { academicYear: round.fromYear }),
    loadVatContext(tx, invitation.tenantId),
  ]);
  // What the school's invoice will charge on a package: the decision and its words, as the subscribe page has them.
  const schoolVat = (product: VatProduct) => {
    const decision = vatForSchool(workspaceVat, school, laCodes, product);
    return { ...decision, label: vatLabel(decision, Boolean(workspaceVat.vatNumber)) };
  };
  const joinDate = academicYearStart(round.toYear);
  const thisYearLabel = academicYearLabel(round.fromYear);
  const nextYearLabel = academicYearLabel(round.toYear);
  // This year's price for the whole year, as if the school had joined in September, at its prices today.
  const fullYearPence = (c: (typeof current)[number]) => {
    const item = thisYear.find((i) => i.id === c.itemId);
    return item
      ? quoteSubscription(item, item.bands, school, c.units, academicYearStart(round.fromYear)).fullPricePence
      : c.netPence;
  };
  const packages = nextYear
    .filter((i) => i.kind === 'package')
    .map((item) => {
      // This year's subscription to the same product: the code it had, moved on to next year's.
      const now = current.find((c) => sameProductNextYear(c.code, item.code, round.fromYear));
      const units = now?.units ?? 1;
      const vat = schoolVat({
        kind: item.kind,
        rateBasisPoints: item.vatRateBasisPoints,
        treatment: item.vatTreatment,
      });
      const quote = quoteSubscription(
        item,
        item.bands,
        school,
        units,
        joinDate,
        undefined,
        vat.rateBasisPoints,
      );
      const thisYearFull = now ? fullYearPence(now) : null;
      return {
        id: item.id,
        code: item.code,
        name: item.name,
        description: item.description,
        pricingBasis: item.pricingBasis,
        lines: item.lines,
        units,
        quote,
        vat,
        saving: packageSaving(item.lines, units, quote.fullPricePence),
        current: now && thisYearFull !== null ? { ...now, fullYearPence: thisYearFull } : null,
        /** "This year £3,900.00 for the full year; 2027/28 £4,036.50 (up 3.5%)", like with like. */
        comparison:
          thisYearFull === null
            ? null
            : `${thisYearLabel} ${formatPence(thisYearFull)} for the full year; ${nextYearLabel} ${formatPence(quote.netPence)} (${priceChange(thisYearFull, quote.netPence)})`,
        /** What the school actually paid this year, said separately when it was not the full year. */
        paidThisYear:
          now && thisYearFull !== null && now.netPence !== thisYearFull
            ? `You paid ${formatPence(now.netPence)} in ${thisYearLabel}${now.termsCharged < 3 ? `, for the ${now.termsCharged === 1 ? 'term' : `${now.termsCharged} terms`} after you joined` : ''}.`
            : null,
      };
    });
  const chosenRows =
    invitation.decision === 'renewed' || invitation.decision === 'changed'
      ? await tx
          .select({
            name: catalogueItems.name,
            units: subscriptions.units,
            netPence: subscriptions.netPricePence,
            purchaseOrderNumber: subscriptions.purchaseOrderNumber,
            kind: catalogueItems.kind,
            vatRateBasisPoints: catalogueItems.vatRateBasisPoints,
            vatTreatment: catalogueItems.vatTreatment,
          })
          .from(subscriptions)
          .innerJoin(
            catalogueItems,
            and(
              eq(catalogueItems.tenantId, subscriptions.tenantId),
              eq(catalogueItems.id, subscriptions.itemId),
            ),
          )
          .where(
            and(
              eq(subscriptions.schoolId, invitation.schoolId),
              eq(subscriptions.academicYear, round.toYear),
              eq(subscriptions.status, 'active'),
            ),
          )
          .orderBy(asc(catalogueItems.name))
      : [];
  // The VAT the billing run will charge on what was chosen: the school's own decision on its price.
  const chosen = chosenRows.map(({ kind, vatRateBasisPoints, vatTreatment, ...c }) => {
    const vat = schoolVat({ kind, rateBasisPoints: vatRateBasisPoints, treatment: vatTreatment });
    const vatPence = vatOn(c.netPence, vat.rateBasisPoints);
    return { ...c, vat, vatPence, totalPence: c.netPence + vatPence };
  });
  return {
    invitationId: invitation.id,
    decision: invitation.decision,
    declineReason: invitation.declineReason,
    respondedAt: invitation.respondedAt,
    round: { fromYear: round.fromYear, toYear: round.toYear, closesOn: round.closesOn },
    school: {
      id: school.id,
      name: school.name,
      isPartnershipMember: school.isPartnershipMember,
      status: school.status,
      closedOn: school.closedOn,
    },
    renewals: packages.filter((p) => p.current !== null),
    packages,
    chosen,
  };
}

export type RenewalOffer = Awaited<ReturnType<typeof getRenewalOffer>>;

/** "up 3.5%", "down 2.0%" or "no change" from `before` to `after`. */
export function priceChange(before: number, after: number): string {
  if (before === after) return 'no change';
  if (before <= 0) return 'new';
  const percent = new Intl.NumberFormat('en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format((Math.abs(after - before) * 100) / before);
  return `${after > before ? 'up' : 'down'} ${percent}%`;
}
