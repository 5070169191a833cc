import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { plannedVisits, schoolMonitoring, schools } from '~/db/schema';
import { diffPlan, planYear, type PlanSchool } from './plan-visits';
import type { ResolvedStatutorySettings } from './statutory-settings';

/** The register's schools as the planner needs them. */
export function loadPlanSchools(tx: Tx): Promise<PlanSchool[]> {
  return tx
    .select({
      schoolId: schools.id,
      type: schools.type,
      typeGroup: schools.typeGroup,
      phase: schools.phase,
      status: schools.status,
      laCategory: schoolMonitoring.laCategory,
      capacitySecure: schoolMonitoring.capacitySecure,
      hasSixthForm: schoolMonitoring.hasSixthForm,
      linkAdviserUserId: schoolMonitoring.linkAdviserUserId,
    })
    .from(schoolMonitoring)
    .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId));
}

/**
 * Writes the year's plan, idempotently: only the sequences a school lacks are added (each given to the
 * school's link adviser); done and existing visits are never touched. Planned visits beyond a school's new
 * count are reported so an officer can cancel them.
 */
export async function generatePlan(
  tx: Tx,
  settings: ResolvedStatutorySettings,
  input: { tenantId: string; academicYear: number },
) {
  const drafts = planYear(await loadPlanSchools(tx), settings, input.academicYear);
  const existing = await tx
    .select({
      id: plannedVisits.id,
      schoolId: plannedVisits.schoolId,
      sequence: plannedVisits.sequence,
      status: plannedVisits.status,
    })
    .from(plannedVisits)
    .where(eq(plannedVisits.academicYear, input.academicYear));
  const { toAdd, surplus } = diffPlan(drafts, existing);
  if (toAdd.length > 0) {
    await tx
      .insert(plannedVisits)
      .values(toAdd.map((d) => ({ ...d, tenantId: input.tenantId })))
      .onConflictDoNothing();
  }
  return {
    academicYear: input.academicYear,
    added: toAdd.length,
    alreadyPlanned: drafts.length - toAdd.length,
    surplus: surplus.map((v) => ({ id: v.id, schoolId: v.schoolId, sequence: v.sequence })),
  };
}
