import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ofstedInspections, schoolMonitoring, schools, sccCases, users, type SccCase } from '~/db/schema';
import type { TenantMembership } from '~/server/workspaces/list-memberships';
import { todayInLondon } from '../catalogue/academic-year';
import { categoryByKey } from '../monitoring/statutory-settings';
import { caseViewFor, isConcernOfficer } from './case-access';
import { isAcademy, type ConcernSettings } from './concern-settings';
import {
  evaluateOfstedTrigger,
  evaluateTriggers,
  latestGraded,
  type InspectionResult,
} from './evaluate-triggers';

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

/** Every school's inspections, grouped by school, for the schools asked about. */
export async function inspectionsBySchool(tx: Tx, schoolIds: readonly string[]) {
  const bySchool = new Map<string, InspectionResult[]>();
  if (schoolIds.length === 0) return bySchool;
  const rows = await tx
    .select()
    .from(ofstedInspections)
    .where(inArray(ofstedInspections.schoolId, [...schoolIds]));
  for (const row of rows) bySchool.set(row.schoolId, [...(bySchool.get(row.schoolId) ?? []), row]);
  return bySchool;
}

/**
 * The register of schools causing concern: open cases the caller may see (officers all, advisers those they
 * advise) with the triggers met, status, LA category, lead officer and days on the register; and, for
 * officers, the possible candidates — schools on the LA register with no open case whose Ofsted trigger is
 * met or whose LA category causes concern.
 */
export async function listRegister(
  tx: Tx,
  input: {
    caller: { userId: string; memberships: readonly TenantMembership[] };
    settings: ConcernSettings;
    today?: string;
  },
) {
  const today = input.today ?? todayInLondon();
  const openRows = await tx
    .select({ found: sccCases, school: schools, leadOfficerName: users.name })
    .from(sccCases)
    .innerJoin(schools, eq(schools.id, sccCases.schoolId))
    .leftJoin(users, eq(users.id, sccCases.leadOfficerUserId))
    .where(inArray(sccCases.status, ['candidate', 'designated']))
    .orderBy(asc(schools.name));
  const visible: typeof openRows = [];
  for (const row of openRows)
    if (await caseViewFor(tx, input.caller, row.found).then((v) => v === 'full')) visible.push(row);

  const monitoring = await tx
    .select({ record: schoolMonitoring, school: schools })
    .from(schoolMonitoring)
    .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
    .where(and(eq(schools.status, 'open'), isNull(schoolMonitoring.leftOn)))
    .orderBy(asc(schools.name));
  const categoryOf = new Map(monitoring.map((m) => [m.school.id, m.record.laCategory]));
  const officer = isConcernOfficer(input.caller.memberships);
  const inspections = await inspectionsBySchool(tx, [
    ...visible.map((r) => r.school.id),
    ...(officer ? monitoring.map((m) => m.school.id) : []),
  ]);

  const cases = visible.map(({ found, school, leadOfficerName }) => {
    const latest = latestGraded(inspections.get(school.id) ?? []);
    const category = categoryByKey(input.settings.statutory, categoryOf.get(school.id));
    return {
      caseId: found.id,
      schoolId: school.id,
      schoolName: school.name,
      urn: school.urn,
      academy: isAcademy(school),
      status: found.status,
      identifiedOn: found.identifiedOn,
      designatedOn: found.designatedOn,
      daysOnRegister: daysBetween(found.identifiedOn, today),
      nextReviewOn: found.nextReviewOn,
      laCategory: category?.label ?? null,
      leadOfficerName,
      triggers: evaluateTriggers({
        latestInspection: latest,
        recorded: found.triggers,
        reading: input.settings.reading,
      }),
    };
  });

  const open = new Set(openRows.map((r) => r.school.id));
  const candidates = officer
    ? monitoring
        .filter((m) => !open.has(m.school.id))
        .map(({ record, school }) => {
          const category = categoryByKey(input.settings.statutory, record.laCategory);
          const ofsted = evaluateOfstedTrigger(
            latestGraded(inspections.get(school.id) ?? []),
            input.settings.reading,
          );
          const reasons = [...ofsted.reasons];
          if (category?.causesConcern) reasons.push(`LA category: ${category.label}.`);
          return {
            schoolId: school.id,
            schoolName: school.name,
            urn: school.urn,
            academy: isAcademy(school),
            laCategory: category?.label ?? null,
            reasons,
          };
        })
        .filter((c) => c.reasons.length > 0)
    : [];

  return { cases, candidates };
}

export type RegisterCase = Awaited<ReturnType<typeof listRegister>>['cases'][number];

/** An open case of this school, if any (one at a time). */
export async function findOpenCase(tx: Tx, schoolId: string): Promise<SccCase | undefined> {
  const [found] = await tx
    .select()
    .from(sccCases)
    .where(and(eq(sccCases.schoolId, schoolId), inArray(sccCases.status, ['candidate', 'designated'])))
    .limit(1);
  return found;
}
