import { desc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ofstedInspections, schoolMonitoring, schools, type TenantSettings } from '~/db/schema';
import { statutorySettingsOf } from '../monitoring/statutory-settings';
import { isMaintained, type OfstedCategoryOfConcern } from './rules';

export type SchoolFacts = {
  schoolId: string;
  name: string;
  urn: number;
  typeGroup: string;
  maintained: boolean;
  laCategory: string | null;
  laCategoryLabel: string | null;
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
    .select({ id: schools.id, name: schools.name, urn: schools.urn, typeGroup: schools.typeGroup })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new Error(`school ${schoolId} not found`);
  const [[monitoring], [latest]] = await Promise.all([
    tx
      .select({ laCategory: schoolMonitoring.laCategory })
      .from(schoolMonitoring)
      .where(eq(schoolMonitoring.schoolId, schoolId)),
    tx
      .select({ categoryOfConcern: ofstedInspections.categoryOfConcern })
      .from(ofstedInspections)
      .where(eq(ofstedInspections.schoolId, schoolId))
      .orderBy(desc(ofstedInspections.inspectedOn))
      .limit(1),
  ]);
  const laCategory = monitoring?.laCategory ?? null;
  const setting = statutorySettingsOf(settings).categories.find((c) => c.key === laCategory);
  return {
    schoolId: school.id,
    name: school.name,
    urn: school.urn,
    typeGroup: school.typeGroup,
    maintained: isMaintained(school.typeGroup),
    laCategory,
    laCategoryLabel: setting?.label ?? laCategory,
    laCategoryRequiresStatement: setting?.statementOfAction === true,
    latestOfstedCategory: latest?.categoryOfConcern ?? null,
  };
}
