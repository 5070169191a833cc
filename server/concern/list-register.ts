import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { executeRows } from '~/db/client';
import type { Tx } from '~/db/client';
import { ofstedInspections, schoolMonitoring, schools, sccCases, type SccCase } from '~/db/schema';
import type { TenantMembership } from '~/server/workspaces/list-memberships';
import { DomainError } from '~/server/errors/domain-error';
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

type OpenCaseRow = {
  id: string;
  schoolId: string;
  status: SccCase['status'];
  identifiedOn: string;
  designatedOn: string | null;
  nextReviewOn: string | null;
  triggers: SccCase['triggers'] | string;
  leadOfficerUserId: string | null;
  schoolName: string;
  urn: number;
  type: string;
  typeGroup: string;
  leadOfficerName: string | null;
};

/**
 * The open cases with their schools and lead officers, in plain rows: only the columns the list shows and
 * checks (not the cases' long texts, read on each case's own page), and without the query builder's mapping,
 * which cost more CPU than the query for a register of tens of cases.
 */
async function openCasesWithSchools(tx: Tx) {
  const rows = await executeRows<OpenCaseRow>(
    tx,
    sql`select c.id, c.school_id as "schoolId", c.status, c.identified_on::text as "identifiedOn",
        c.designated_on::text as "designatedOn", c.next_review_on::text as "nextReviewOn", c.triggers,
        c.lead_officer_user_id as "leadOfficerUserId", s.name as "schoolName", s.urn, s.type,
        s.type_group as "typeGroup", u.name as "leadOfficerName"
      from scc_cases c
      join schools s on s.tenant_id = c.tenant_id and s.id = c.school_id
      left join users u on u.id = c.lead_officer_user_id
      where c.status in ('candidate', 'designated')
      order by s.name`,
  );
  return rows.map((r) => ({
    found: {
      id: r.id,
      schoolId: r.schoolId,
      status: r.status,
      identifiedOn: r.identifiedOn,
      designatedOn: r.designatedOn,
      nextReviewOn: r.nextReviewOn,
      triggers: typeof r.triggers === 'string' ? (JSON.parse(r.triggers) as SccCase['triggers']) : r.triggers,
      leadOfficerUserId: r.leadOfficerUserId,
    },
    school: { id: r.schoolId, name: r.schoolName, urn: r.urn, type: r.type, typeGroup: r.typeGroup },
    leadOfficerName: r.leadOfficerName,
  }));
}

type RegisterRow = {
  id: string;
  name: string;
  urn: number;
  type: string;
  typeGroup: string;
  laCategory: string | null;
  inspectedOn: string | null;
  framework: InspectionResult['framework'] | null;
  overallGrade: number | null;
  grades: InspectionResult['grades'] | string | null;
  safeguarding: InspectionResult['safeguarding'];
  categoryOfConcern: InspectionResult['categoryOfConcern'];
};

/**
 * The schools on the LA register an officer's list needs, with their category and latest graded inspection, in
 * one query of plain rows: those with an open case (the list shows their category and Ofsted triggers) and those
 * that may be candidates. "May be" is a superset of `evaluateOfstedTrigger` over every framework and reading (a
 * category of concern, an overall or sub-grade of 3 or 4, an urgent-improvement or needs-attention area,
 * safeguarding not met) or an LA category that causes concern; the exact rule then runs on these rows only. At a
 * 500-school LA that is tens of rows a view instead of all 500, each with its grades parsed.
 */
async function registerWithLatestInspections(tx: Tx, concernCategories: readonly string[]) {
  const rows = await executeRows<RegisterRow>(
    tx,
    sql`select s.id, s.name, s.urn, s.type, s.type_group as "typeGroup", m.la_category as "laCategory",
        i.inspected_on::text as "inspectedOn", i.framework, i.overall_grade as "overallGrade", i.grades,
        i.safeguarding, i.category_of_concern as "categoryOfConcern"
      from school_monitoring m
      join schools s on s.tenant_id = m.tenant_id and s.id = m.school_id
      left join lateral (
        select o.inspected_on, o.framework, o.overall_grade, o.grades, o.safeguarding, o.category_of_concern
        from ofsted_inspections o
        where o.tenant_id = m.tenant_id and o.school_id = m.school_id and o.kind = 'graded'
        order by o.inspected_on desc
        limit 1
      ) i on true
      where s.status = 'open' and m.left_on is null
        and (
          exists (
            select 1 from scc_cases c
            where c.tenant_id = m.tenant_id and c.school_id = m.school_id and c.status in ('candidate', 'designated')
          )
          or ${
            concernCategories.length > 0
              ? sql`m.la_category in (${sql.join(
                  concernCategories.map((key) => sql`${key}`),
                  sql`, `,
                )})`
              : sql`false`
          }
          or i.category_of_concern is not null
          or i.overall_grade in (3, 4)
          or i.safeguarding = 'not_met'
          or exists (
            select 1 from jsonb_each_text(i.grades) g
            where g.value in ('urgent_improvement', 'needs_attention')
              or g.value ~ '^ *0*[34]([.]0*)? *$'
          )
        )
      order by s.name`,
  );
  return rows.map((r) => ({
    school: { id: r.id, name: r.name, urn: r.urn, type: r.type, typeGroup: r.typeGroup },
    record: { laCategory: r.laCategory },
    latest:
      r.inspectedOn && r.framework
        ? {
            inspectedOn: r.inspectedOn,
            framework: r.framework,
            overallGrade: r.overallGrade,
            grades:
              typeof r.grades === 'string'
                ? (JSON.parse(r.grades) as InspectionResult['grades'])
                : (r.grades ?? {}),
            safeguarding: r.safeguarding,
            categoryOfConcern: r.categoryOfConcern,
            kind: 'graded',
          }
        : undefined,
  }));
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
  const officer = isConcernOfficer(input.caller.memberships);
  const onRegister = and(eq(schools.status, 'open'), isNull(schoolMonitoring.leftOn));
  // The open cases, the register and (for officers, who see every case) the inspections of both, sent
  // together: one round trip, and never one query per school or per case.
  const [openRows, officersRegister, monitoring, withoutCase] = await Promise.all([
    openCasesWithSchools(tx),
    officer
      ? registerWithLatestInspections(
          tx,
          input.settings.statutory.categories.filter((c) => c.causesConcern).map((c) => c.key),
        )
      : undefined,
    officer
      ? undefined
      : tx
          .select({ record: { laCategory: schoolMonitoring.laCategory }, school: schoolColumns })
          .from(schoolMonitoring)
          .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
          .where(onRegister)
          .orderBy(asc(schools.name)),
    // Every school on the register with no open case, for officers to open one on a trigger they record.
    officer
      ? tx
          .select({ record: { laCategory: schoolMonitoring.laCategory }, school: schoolColumns })
          .from(schoolMonitoring)
          .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
          .where(
            and(
              onRegister,
              sql`not exists (select 1 from ${sccCases} c where c.tenant_id = ${schools.tenantId} and c.school_id = ${schools.id}
                and c.status in ('candidate', 'designated'))`,
            ),
          )
          .orderBy(asc(schools.name))
      : [],
  ]);
  const visible = await casesSeenInFull(tx, input.caller, openRows);
  const register = officersRegister ?? (monitoring ?? []).map((m) => ({ ...m, latest: undefined }));
  const categoryOf = new Map(register.map((m) => [m.school.id, m.record.laCategory]));
  const inspections = officersRegister
    ? new Map<string, InspectionResult[]>(
        officersRegister.flatMap((m) => (m.latest ? [[m.school.id, [m.latest]]] : [])),
      )
    : await inspectionsBySchool(
        tx,
        visible.map((r) => r.school.id),
      );
  // A case's school that has left the register still has its inspections read.
  const missing = visible.filter((r) => officersRegister && !categoryOf.has(r.school.id));
  if (missing.length > 0) {
    for (const [id, list] of await inspectionsBySchool(
      tx,
      missing.map((r) => r.school.id),
    ))
      inspections.set(id, list);
  }

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
    ? register
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
  // The rest of the register: a case may still be opened for one on a trigger the officer records with its
  // evidence (safeguarding, a breakdown in leadership…), which neither Ofsted nor the LA category shows.
  const candidateIds = new Set(candidates.map((c) => c.schoolId));
  const others = withoutCase
    .filter(({ school }) => !candidateIds.has(school.id))
    .map(({ record, school }) => ({
      schoolId: school.id,
      schoolName: school.name,
      urn: school.urn,
      academy: isAcademy(school),
      laCategory: categoryByKey(input.settings.statutory, record.laCategory)?.label ?? null,
      reasons: [] as string[],
    }));

  return { cases, candidates, others };
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

/**
 * A school on the LA register with no open case, for the page where an officer opens its case: a possible
 * candidate with the reasons the register's list gives, or another school with none (its case rests on a trigger
 * recorded with its evidence); refused once the school has an open case or has left the register.
 */
export async function findCandidate(
  tx: Tx,
  input: {
    caller: { userId: string; memberships: readonly TenantMembership[] };
    settings: ConcernSettings;
    schoolId: string;
  },
) {
  const { candidates, others } = await listRegister(tx, input);
  const candidate = candidates.find((c) => c.schoolId === input.schoolId);
  if (candidate) return candidate;
  const other = others.find((c) => c.schoolId === input.schoolId);
  if (!other)
    throw new DomainError({
      code: 'NOT_FOUND',
      message:
        'A case cannot be opened for that school: it already has an open case, or is not on the register.',
    });
  return other;
}
