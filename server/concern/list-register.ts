import { and, asc, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ofstedInspections, schoolMonitoring, schools, sccCases, users, type SccCase } from '~/db/schema';
import type { TenantMembership } from '~/server/workspaces/list-memberships';
import { todayInLondon } from '../catalogue/academic-year';
import { categoryByKey } from '../monitoring/statutory-settings';
import { casesSeenInFull, isConcernOfficer } from './case-access';
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
  if (schoolIds.length === 0) return new Map<string, InspectionResult[]>();
  return groupBySchool(
    await latestGradedInspections(tx, inArray(ofstedInspections.schoolId, [...new Set(schoolIds)])),
  );
}

/**
 * Each school's latest graded inspection, and only the columns the triggers read: the register needs no
 * older result, and mapping every inspection of 500 schools cost more CPU than the page's rendering.
 */
function latestGradedInspections(tx: Tx, which: SQL | undefined) {
  return tx
    .selectDistinctOn([ofstedInspections.schoolId], {
      schoolId: ofstedInspections.schoolId,
      inspectedOn: ofstedInspections.inspectedOn,
      framework: ofstedInspections.framework,
      overallGrade: ofstedInspections.overallGrade,
      grades: ofstedInspections.grades,
      safeguarding: ofstedInspections.safeguarding,
      categoryOfConcern: ofstedInspections.categoryOfConcern,
      kind: ofstedInspections.kind,
    })
    .from(ofstedInspections)
    .where(and(eq(ofstedInspections.kind, 'graded'), which))
    .orderBy(ofstedInspections.schoolId, desc(ofstedInspections.inspectedOn));
}

function groupBySchool<T extends InspectionResult & { schoolId: string }>(rows: readonly T[]) {
  const bySchool = new Map<string, InspectionResult[]>();
  for (const row of rows) {
    const list = bySchool.get(row.schoolId);
    if (list) list.push(row);
    else bySchool.set(row.schoolId, [row]);
  }
  return bySchool;
}

/** The columns of a school the list shows (mapping every column of 500 schools cost more than the query). */
const schoolColumns = {
  id: schools.id,
  name: schools.name,
  urn: schools.urn,
  type: schools.type,
  typeGroup: schools.typeGroup,
};

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
  const officer = isConcernOfficer(input.caller.memberships);
  const openCase = inArray(sccCases.status, ['candidate', 'designated']);
  const onRegister = and(eq(schools.status, 'open'), isNull(schoolMonitoring.leftOn));
  // The open cases, the register and (for officers, who see every case) the inspections of both, sent
  // together: one round trip, and never one query per school or per case.
  const [openRows, monitoring, officersInspections] = await Promise.all([
    tx
      .select({ found: sccCases, school: schoolColumns, leadOfficerName: users.name })
      .from(sccCases)
      .innerJoin(schools, eq(schools.id, sccCases.schoolId))
      .leftJoin(users, eq(users.id, sccCases.leadOfficerUserId))
      .where(openCase)
      .orderBy(asc(schools.name)),
    tx
      .select({ record: { laCategory: schoolMonitoring.laCategory }, school: schoolColumns })
      .from(schoolMonitoring)
      .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
      .where(onRegister)
      .orderBy(asc(schools.name)),
    officer
      ? latestGradedInspections(
          tx,
          or(
            inArray(
              ofstedInspections.schoolId,
              tx.select({ id: sccCases.schoolId }).from(sccCases).where(openCase),
            ),
            inArray(
              ofstedInspections.schoolId,
              tx
                .select({ id: schoolMonitoring.schoolId })
                .from(schoolMonitoring)
                .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
                .where(onRegister),
            ),
          ),
        )
      : undefined,
  ]);
  const visible = await casesSeenInFull(tx, input.caller, openRows);
  const categoryOf = new Map(monitoring.map((m) => [m.school.id, m.record.laCategory]));
  const inspections = officersInspections
    ? groupBySchool(officersInspections)
    : await inspectionsBySchool(
        tx,
        visible.map((r) => r.school.id),
      );

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
