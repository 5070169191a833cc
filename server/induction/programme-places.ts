import { and, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { catalogueItems, entitlementEntries, packageEntitlements, subscriptions } from '~/db/schema';
import { academicYearOf, type IsoDate } from '../catalogue/academic-year';
import { grantEntitlement } from '../entitlements/grant-entitlement';
import { ectsInInductionAt } from './ects-in-induction';

/**
 * Per-ECT entitlement from the induction package. In an Appropriate Body workspace, a package's
 * `ect_induction` line is a place on the induction programme for each ECT the school registers, not a number
 * bought up front: registering an ECT at a school that holds the package grants that ECT's place (once per
 * ECT, so a transfer to another school brings no second place), and a school that subscribes after
 * registering gets a place for each ECT already in induction there. The programme course draws from it.
 */
export const programmeSource = 'ect_registration';

/** The academic year whose package a newly registered ECT's place comes from: this one, or the year they start. */
export const programmeYearFor = (startsOn: IsoDate, today: IsoDate) =>
  academicYearOf(startsOn > today ? startsOn : today);

/** The `ect_induction` lines of the packages the school holds in the year. */
export async function inductionPackageLines(tx: Tx, schoolId: string, academicYear: number) {
  return tx
    .select({
      itemName: catalogueItems.name,
      description: packageEntitlements.description,
      quantityHundredths: packageEntitlements.quantityHundredths,
      category: packageEntitlements.category,
    })
    .from(subscriptions)
    .innerJoin(catalogueItems, eq(catalogueItems.id, subscriptions.itemId))
    .innerJoin(packageEntitlements, eq(packageEntitlements.itemId, catalogueItems.id))
    .where(
      and(
        eq(subscriptions.schoolId, schoolId),
        eq(subscriptions.academicYear, academicYear),
        eq(subscriptions.status, 'active'),
        eq(packageEntitlements.unit, 'ect_induction'),
      ),
    );
}

/**
 * Grants one ECT's programme place from the school's induction package, if it holds one and the ECT has
 * had none yet. Returns how many lines were granted (0: no package, or already granted).
 */
export async function grantProgrammePlace(
  tx: Tx,
  input: {
    tenantId: string;
    ect: { id: string; name: string };
    schoolId: string;
    academicYear: number;
    actorUserId: string | null;
  },
): Promise<number> {
  const lines = await inductionPackageLines(tx, input.schoolId, input.academicYear);
  if (lines.length === 0) return 0;
  const [already] = await tx
    .select({ id: entitlementEntries.id })
    .from(entitlementEntries)
    .where(
      and(
        eq(entitlementEntries.sourceType, programmeSource),
        eq(entitlementEntries.sourceId, input.ect.id),
        eq(entitlementEntries.kind, 'grant'),
      ),
    )
    .limit(1);
  if (already) return 0;
  for (const line of lines)
    await grantEntitlement(tx, {
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      academicYear: input.academicYear,
      unit: 'ect_induction',
      category: line.category,
      quantityHundredths: line.quantityHundredths,
      description: `${line.itemName}: induction programme place for ${input.ect.name}`,
      actorUserId: input.actorUserId,
      sourceType: programmeSource,
      sourceId: input.ect.id,
    });
  return lines.length;
}

/** After a school subscribes: a place for each ECT already in induction there (those without one). */
export async function grantPlacesForRegisteredEcts(
  tx: Tx,
  input: { tenantId: string; schoolId: string; academicYear: number; actorUserId: string | null },
): Promise<number> {
  const inInduction = await ectsInInductionAt(tx, input.schoolId);
  let granted = 0;
  for (const ect of inInduction) granted += (await grantProgrammePlace(tx, { ...input, ect })) > 0 ? 1 : 0;
  return granted;
}
