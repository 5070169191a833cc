import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { plannedVisits, schoolMonitoring, schools } from '~/db/schema';
import { latestOfstedCategories } from './latest-ofsted-category';
import {
  additionalSequenceStart,
  diffPlan,
  planYear,
  visitRuleFor,
  type IsoDate,
  type PlanSchool,
} from './plan-visits';
import type { ResolvedStatutorySettings } from './statutory-settings';
import { sixthFormOf } from './sixth-form';

/** The active register's schools as the planner needs them, with the Ofsted category each stands in. */
export async function loadPlanSchools(tx: Tx, schoolId?: string): Promise<PlanSchool[]> {
  const rows = await tx
    .select({
      schoolId: schools.id,
      type: schools.type,
      typeGroup: schools.typeGroup,
      phase: schools.phase,
      status: schools.status,
      laCategory: schoolMonitoring.laCategory,
      capacitySecure: schoolMonitoring.capacitySecure,
      hasSixthForm: sixthFormOf,
      linkAdviserUserId: schoolMonitoring.linkAdviserUserId,
    })
    .from(schoolMonitoring)
    .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
    .where(
      and(isNull(schoolMonitoring.leftOn), schoolId ? eq(schoolMonitoring.schoolId, schoolId) : undefined),
    );
  const ofsted = await latestOfstedCategories(tx, schoolId ? [schoolId] : undefined);
  return rows.map((r) => ({ ...r, ofstedCategory: ofsted.get(r.schoolId) ?? null }));
}

/**
 * Writes the year's plan, from `today` on, idempotently: only the sequences a school lacks are added (each given to the
 * school's link adviser); done and existing visits are never touched. Planned visits beyond a school's new
 * count are reported so an officer can cancel them. With `schoolId`, that one school's plan only (its
 * category changed).
 */
export async function generatePlan(
  tx: Tx,
  settings: ResolvedStatutorySettings,
  input: { tenantId: string; academicYear: number; today: IsoDate; schoolId?: string },
) {
  const planSchools = await loadPlanSchools(tx, input.schoolId);
  const existing = await tx
    .select({
      id: plannedVisits.id,
      schoolId: plannedVisits.schoolId,
      sequence: plannedVisits.sequence,
      status: plannedVisits.status,
    })
    .from(plannedVisits)
    .where(
      and(
        eq(plannedVisits.academicYear, input.academicYear),
        input.schoolId ? eq(plannedVisits.schoolId, input.schoolId) : undefined,
      ),
    );
  const wholeYear = planYear(planSchools, settings, input.academicYear);
  // Once the year is under way only the visits still to come are added: a school new to the plan in December
  // gets the year's visits after it joins, not a backlog overdue the day it joins, and one whose category rises
  // gets the extra visits of its new rule still to come. Sequences stay the whole year's, so regenerating on a
  // later day adds nothing that exists; what is surplus is judged against the whole year.
  const drafts = wholeYear.filter((d) => d.dueBy >= input.today);
  const { toAdd } = diffPlan(drafts, existing);
  const { surplus } = diffPlan(wholeYear, existing);
  if (toAdd.length > 0) {
    await tx
      .insert(plannedVisits)
      .values(toAdd.map((d) => ({ ...d, tenantId: input.tenantId })))
      .onConflictDoNothing();
  }
  const rules = planSchools.map((s) => ({ school: s, rule: visitRuleFor(s, settings) }));
  return {
    academicYear: input.academicYear,
    /** Schools planned at the heavier rule until someone records their capacity to improve. */
    capacityToAssess: rules.filter((r) => r.rule.capacityToAssess).map((r) => r.school.schoolId),
    /** Schools on the register with no LA category yet: nothing is planned for them until one is set. */
    notCategorised: rules.filter((r) => r.rule.notCategorised).length,
    added: toAdd.length,
    alreadyPlanned: drafts.length - toAdd.length,
    surplus: surplus.map((v) => ({ id: v.id, schoolId: v.schoolId, sequence: v.sequence })),
  };
}

/** True once the year's plan has been generated: a visit the rules made exists for some school. */
export async function planGenerated(tx: Tx, academicYear: number): Promise<boolean> {
  const [one] = await tx
    .select({ id: plannedVisits.id })
    .from(plannedVisits)
    .where(
      and(eq(plannedVisits.academicYear, academicYear), lt(plannedVisits.sequence, additionalSequenceStart)),
    )
    .limit(1);
  return one !== undefined;
}
