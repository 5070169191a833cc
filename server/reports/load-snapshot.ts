import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  actionPlanItems,
  commissionedDeliveries,
  laCategoryChanges,
  ofstedInspections,
  plannedVisits,
  sccCases,
  sccMeetings,
  schoolMonitoring,
  schools,
  users,
  type TenantSettings,
} from '~/db/schema';
import { statutorySettingsOf } from '~/server/monitoring/statutory-settings';
import type { Snapshot } from './build-reports';

/**
 * Everything the reports read, in one pass under the LA's tenant context. Commissioned deliveries are the
 * provider's rows the LA may read through its contracts (row-level security decides which).
 */
export async function loadSnapshot(
  tx: Tx,
  tenant: { tenantId: string; settings: TenantSettings },
): Promise<Snapshot> {
  const [register, inspections, categoryChanges, cases, planItems, visits, meetings, deliveries] =
    await Promise.all([
      tx
        .select({
          id: schools.id,
          urn: schools.urn,
          name: schools.name,
          typeGroup: schools.typeGroup,
          phase: schools.phase,
          status: schools.status,
          numberOfPupils: schools.numberOfPupils,
          laCategory: schoolMonitoring.laCategory,
          joinedOn: schoolMonitoring.joinedOn,
          leftOn: schoolMonitoring.leftOn,
        })
        .from(schoolMonitoring)
        .innerJoin(
          schools,
          // Same tenant by construction (composite key); RLS binds both to the caller's tenant.
          eq(schools.id, schoolMonitoring.schoolId),
        ),
      tx
        .select({
          schoolId: ofstedInspections.schoolId,
          inspectedOn: ofstedInspections.inspectedOn,
          publishedOn: ofstedInspections.publishedOn,
          kind: ofstedInspections.kind,
          framework: ofstedInspections.framework,
          overallGrade: ofstedInspections.overallGrade,
          grades: ofstedInspections.grades,
          safeguarding: ofstedInspections.safeguarding,
          categoryOfConcern: ofstedInspections.categoryOfConcern,
        })
        .from(ofstedInspections),
      tx
        .select({
          schoolId: laCategoryChanges.schoolId,
          toCategory: laCategoryChanges.toCategory,
          changedOn: laCategoryChanges.changedOn,
        })
        .from(laCategoryChanges),
      tx
        .select({
          id: sccCases.id,
          schoolId: sccCases.schoolId,
          status: sccCases.status,
          identifiedOn: sccCases.identifiedOn,
          designatedOn: sccCases.designatedOn,
          closedOn: sccCases.closedOn,
          concerns: sccCases.concerns,
          triggers: sccCases.triggers,
          leadOfficerName: users.name,
          proposedStructuralSolution: sccCases.proposedStructuralSolution,
          tenantId: sccCases.tenantId,
        })
        .from(sccCases)
        .leftJoin(users, eq(users.id, sccCases.leadOfficerUserId)),
      tx
        .select({
          schoolId: actionPlanItems.schoolId,
          action: actionPlanItems.action,
          dueOn: actionPlanItems.dueOn,
          rag: actionPlanItems.rag,
          completedOn: actionPlanItems.completedOn,
          tenantId: actionPlanItems.tenantId,
        })
        .from(actionPlanItems),
      tx
        .select({
          schoolId: plannedVisits.schoolId,
          dueBy: plannedVisits.dueBy,
          status: plannedVisits.status,
          completedOn: plannedVisits.completedOn,
        })
        .from(plannedVisits),
      tx.select({ schoolId: sccMeetings.schoolId, heldOn: sccMeetings.heldOn }).from(sccMeetings),
      tx
        .select({
          urn: commissionedDeliveries.urn,
          deliveredOn: commissionedDeliveries.deliveredOn,
          daysHundredths: commissionedDeliveries.daysHundredths,
          laTenantId: commissionedDeliveries.laTenantId,
        })
        .from(commissionedDeliveries),
    ]);
  // Policies also let a commissioned provider read an LA's cases, and an LA read its providers' deliveries:
  // a report covers the workspace's own register and the deliveries made to it, nothing else.
  const own = new Set(register.map((s) => s.id));
  return {
    settings: statutorySettingsOf(tenant.settings),
    schools: register,
    inspections: inspections.filter((i) => own.has(i.schoolId)),
    categoryChanges: categoryChanges.filter((c) => own.has(c.schoolId)),
    cases: cases.filter((c) => c.tenantId === tenant.tenantId && own.has(c.schoolId)),
    planItems: planItems.filter((i) => i.tenantId === tenant.tenantId && own.has(i.schoolId)),
    visits,
    meetings,
    deliveries: deliveries.filter((d) => d.laTenantId === tenant.tenantId),
  };
}
