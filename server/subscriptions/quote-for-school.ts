import { DomainError } from '~/server/errors/domain-error';
import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { schools } from '~/db/schema';
import type { IsoDate } from '../catalogue/academic-year';
import { getCatalogueItem } from '../catalogue/list-catalogue';
import { loadTermDates } from '../calendar/term-dates';
import { grantsFor } from '../entitlements/pro-rata-grant';
import { packageSaving, pupilCountNeeded, quoteSubscription } from '../catalogue/pricing';
import { ectsInInductionAt } from '../induction/ects-in-induction';
import { loadVatContext, vatForSchool } from '../invoicing/vat-for-school';
import { vatLabel } from '../invoicing/vat-wording';

export async function loadBuyer(tx: Tx, schoolId: string) {
  const [school] = await tx
    .select({
      id: schools.id,
      name: schools.name,
      laCode: schools.laCode,
      type: schools.type,
      phase: schools.phase,
      numberOfPupils: schools.numberOfPupils,
      isPartnershipMember: schools.isPartnershipMember,
      status: schools.status,
      closedOn: schools.closedOn,
    })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  return school;
}

/**
 * A school's own price for an item, with the saving against buying the contents separately. When the price
 * depends on pupil numbers the school has not given, `needsPupilCount` says so (and the quote is not to be
 * shown or used). VAT is the school's own (vatForSchool: the decision its invoice applies), so an academy is
 * quoted net, VAT and total, and a school that pays no VAT sees why (`vat.label`).
 */
export async function quoteForSchool(
  tx: Tx,
  input: { schoolId: string; itemId: string; units: number; today: IsoDate; perRegisteredEct?: boolean },
) {
  const [buyer, item] = await Promise.all([
    loadBuyer(tx, input.schoolId),
    getCatalogueItem(tx, input.itemId),
  ]);
  const [termDates, { vat: workspaceVat, laCodes }] = await Promise.all([
    loadTermDates(tx, item.academicYear),
    loadVatContext(tx, item.tenantId),
  ]);
  const decision = vatForSchool(workspaceVat, buyer, laCodes, {
    kind: item.kind,
    rateBasisPoints: item.vatRateBasisPoints,
    treatment: item.vatTreatment,
  });
  const quote = quoteSubscription(
    item,
    item.bands,
    buyer,
    input.units,
    input.today,
    termDates,
    decision.rateBasisPoints,
  );
  const vat = {
    ...decision,
    /** "VAT at 20%", "Exempt", "No VAT: we are not registered for VAT" (worded as every quote words it). */
    label: vatLabel(decision, Boolean(workspaceVat.vatNumber)),
  };
  const saving = packageSaving(item.lines, input.units, quote.fullPricePence);
  // At an Appropriate Body a package priced per ECT bills the ECTs registered, not units bought: say how many
  // are in induction at the school now (each charged on subscribing) instead of asking for a number.
  const perEct =
    input.perRegisteredEct && item.pricingBasis === 'ect' && item.kind === 'package'
      ? { inInductionNow: (await ectsInInductionAt(tx, input.schoolId)).length }
      : null;
  // What each line gives this school now, and how a late joiner's share was worked out (the grant's own rule).
  // At an Appropriate Body an induction line is granted per ECT registered, so it is not among them.
  const grants = grantsFor(
    item.lines.filter((line) => !(input.perRegisteredEct && line.unit === 'ect_induction')),
    input.units,
    quote,
  ).map(({ line, ...grant }) => ({
    unit: line.unit,
    category: line.category,
    description: line.description,
    ...grant,
  }));
  return {
    buyer,
    item,
    quote,
    vat,
    saving,
    perEct,
    grants,
    needsPupilCount: pupilCountNeeded(item.bands, buyer),
  };
}
