import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { schoolMonitoring, schools, type TenantSettings } from '~/db/schema';
import { latestOfstedCategories } from '../monitoring/latest-ofsted-category';
import { effectiveCategory } from '../monitoring/plan-visits';
import { statutorySettingsOf } from '../monitoring/statutory-settings';
import { isMaintainedSchool } from '../schools/maintained';
import { type OfstedCategoryOfConcern } from './rules';

export type SchoolFacts = {
  schoolId: string;
  name: string;
  urn: number;
  typeGroup: string;
  maintained: boolean;
  laCategory: string | null;
  laCategoryLabel: string | null;
  /** The category the rules read: the LA's own, or the one Ofsted's category of concern maps onto. */
  laCategoryKey: string | null;
  laCategoryRequiresStatement: boolean;
  latestOfstedCategory: OfstedCategoryOfConcern | null;
};

/** What the casework rules need to know about a school: type, LA category (from settings) and latest Ofsted. */
export async function loadSchoolFacts(
  tx: Tx,
  settings: TenantSettings,
  schoolId: string,
): Promise<SchoolFacts> {
  const [school] = await tx
    .select({
      id: schools.id,
      name: schools.name,
      urn: schools.urn,
      type: schools.type,
      typeGroup: schools.typeGroup,
    })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new Error(`school ${schoolId} not found`);
  const [[monitoring], ofsted] = await Promise.all([
    tx
      .select({ laCategory: schoolMonitoring.laCategory })
      .from(schoolMonitoring)
      .where(eq(schoolMonitoring.schoolId, schoolId)),
    latestOfstedCategories(tx, [schoolId]),
  ]);
  const laCategory = monitoring?.laCategory ?? null;
  // The category of concern derived from the latest graded inspection (mapped onto the LA's own categories)
  // rules over an LA category nobody has changed yet.
  const latestOfstedCategory = ofsted.get(schoolId) ?? null;
  const setting = effectiveCategory(
    { laCategory, ofstedCategory: latestOfstedCategory },
    statutorySettingsOf(settings),
  );
  return {
    schoolId: school.id,
    name: school.name,
    urn: school.urn,
    typeGroup: school.typeGroup,
    maintained: isMaintainedSchool(school),
    laCategory,
    laCategoryLabel: setting?.label ?? laCategory,
    laCategoryKey: setting?.key ?? laCategory,
    laCategoryRequiresStatement: setting?.statementOfAction === true,
    latestOfstedCategory,
  };
}
