import { DomainError } from '~/server/errors/domain-error';
import { asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { laCategoryChanges, ofstedInspections, plannedVisits, users } from '~/db/schema';
import { loadRegister } from './list-register';
import { categoryByKey, type ResolvedStatutorySettings } from './statutory-settings';

/** One school's register entry: its monitoring record, full Ofsted history, category history and visits. */
export async function getRegisterSchool(tx: Tx, settings: ResolvedStatutorySettings, schoolId: string) {
  const [entry] = await loadRegister(tx, settings, schoolId);
  if (!entry) throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on the register.' });
  const [inspections, categoryHistory, visits] = await Promise.all([
    tx
      .select()
      .from(ofstedInspections)
      .where(eq(ofstedInspections.schoolId, schoolId))
      .orderBy(desc(ofstedInspections.inspectedOn), desc(ofstedInspections.createdAt)),
    tx
      .select({
        id: laCategoryChanges.id,
        fromCategory: laCategoryChanges.fromCategory,
        toCategory: laCategoryChanges.toCategory,
        changedOn: laCategoryChanges.changedOn,
        rationale: laCategoryChanges.rationale,
        changedByName: users.name,
      })
      .from(laCategoryChanges)
      .leftJoin(users, eq(users.id, laCategoryChanges.changedByUserId))
      .where(eq(laCategoryChanges.schoolId, schoolId))
      .orderBy(desc(laCategoryChanges.changedOn), desc(laCategoryChanges.createdAt)),
    tx
      .select({
        id: plannedVisits.id,
        academicYear: plannedVisits.academicYear,
        sequence: plannedVisits.sequence,
        kind: plannedVisits.kind,
        reason: plannedVisits.reason,
        dueBy: plannedVisits.dueBy,
        status: plannedVisits.status,
        completedOn: plannedVisits.completedOn,
        adviserName: users.name,
      })
      .from(plannedVisits)
      .leftJoin(users, eq(users.id, plannedVisits.adviserUserId))
      .where(eq(plannedVisits.schoolId, schoolId))
      .orderBy(asc(plannedVisits.dueBy)),
  ]);
  const label = (key: string | null) => (key ? (categoryByKey(settings, key)?.label ?? key) : 'None');
  return {
    entry,
    inspections,
    categoryHistory: categoryHistory.map((c) => ({
      ...c,
      fromLabel: label(c.fromCategory),
      toLabel: label(c.toCategory),
    })),
    visits,
  };
}
