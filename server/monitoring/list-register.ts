import { desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { ofstedInspections, schoolMonitoring, schools, users, type School } from '~/db/schema';
import type { CategoryOfConcern, InspectionResult } from './ofsted-results';
import { filterablePhases } from '../schools/phases';
import { isAcademy } from './plan-visits';
import { categoryByKey, type ResolvedStatutorySettings } from './statutory-settings';
import { sixthFormOf } from './sixth-form';

/** The LA's register: every school with a monitoring row, filtered and sorted as the officer asks. */

/** The category filter's value for schools with no LA category yet (no category has this key). */
export const notCategorisedFilter = 'none';

export const ZRegisterFilters = z.object({
  /** A category's key, or `notCategorisedFilter` for the schools with none yet. */
  category: z.string().trim().max(60).optional(),
  phase: z.string().trim().max(40).optional(),
  governance: z.enum(['maintained', 'academy']).optional(),
  linkAdviserUserId: z.uuid().optional(),
  causingConcern: z.enum(['yes', 'no']).optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(['name', 'category', 'inspected', 'pupils']).default('name'),
  /** The active register (default), or the schools that have left it (closed or removed), with their history. */
  register: z.enum(['active', 'left']).optional(),
});
export type RegisterFilters = z.infer<typeof ZRegisterFilters>;

export type RegisterRow = {
  schoolId: string;
  name: string;
  urn: number;
  type: string;
  typeGroup: string;
  phase: string;
  status: School['status'];
  pupils: number | null;
  governance: 'maintained' | 'academy';
  laCategory: string | null;
  laCategoryLabel: string;
  causingConcern: boolean;
  capacitySecure: boolean | null;
  hasSixthForm: boolean;
  linkAdviserUserId: string | null;
  linkAdviserName: string | null;
  secondAdviserUserId: string | null;
  secondAdviserName: string | null;
  riskNotes: string;
  riseInvolvement: string;
  latestInspection: InspectionResult | null;
  /** The category of concern of the latest graded inspection (an ungraded one changes nothing). */
  ofstedCategory: CategoryOfConcern | null;
  joinedOn: string | null;
  joinedReason: string;
  leftOn: string | null;
  leftReason: string | null;
};

const linkAdviser = alias(users, 'link_adviser');
const secondAdviser = alias(users, 'second_adviser');

/**
 * Every school on the register with its latest inspection (unfiltered): the active register, the schools that
 * have left it, or one school whichever it is.
 */
export async function loadRegister(
  tx: Tx,
  settings: ResolvedStatutorySettings,
  schoolId?: string,
  register: 'active' | 'left' = 'active',
) {
  const onRegister = schoolId
    ? eq(schoolMonitoring.schoolId, schoolId)
    : register === 'active'
      ? isNull(schoolMonitoring.leftOn)
      : isNotNull(schoolMonitoring.leftOn);
  // Both statements at once (one round trip): the inspections of the register's schools are chosen by a
  // sub-select rather than a list of every school's id.
  const [rows, inspections] = await Promise.all([
    tx
      .select({
        // Only the columns a register row shows: mapping whole rows of 500 schools cost more than the query.
        school: {
          id: schools.id,
          name: schools.name,
          urn: schools.urn,
          type: schools.type,
          typeGroup: schools.typeGroup,
          phase: schools.phase,
          status: schools.status,
          numberOfPupils: schools.numberOfPupils,
        },
        monitoring: {
          laCategory: schoolMonitoring.laCategory,
          capacitySecure: schoolMonitoring.capacitySecure,
          hasSixthForm: sixthFormOf,
          linkAdviserUserId: schoolMonitoring.linkAdviserUserId,
          secondAdviserUserId: schoolMonitoring.secondAdviserUserId,
          riskNotes: schoolMonitoring.riskNotes,
          riseInvolvement: schoolMonitoring.riseInvolvement,
          joinedOn: schoolMonitoring.joinedOn,
          joinedReason: schoolMonitoring.joinedReason,
          leftOn: schoolMonitoring.leftOn,
          leftReason: schoolMonitoring.leftReason,
        },
        linkAdviserName: linkAdviser.name,
        secondAdviserName: secondAdviser.name,
      })
      .from(schoolMonitoring)
      .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
      .leftJoin(linkAdviser, eq(linkAdviser.id, schoolMonitoring.linkAdviserUserId))
      .leftJoin(secondAdviser, eq(secondAdviser.id, schoolMonitoring.secondAdviserUserId))
      .where(onRegister),
    tx
      .select()
      .from(ofstedInspections)
      .where(
        inArray(
          ofstedInspections.schoolId,
          tx.select({ id: schoolMonitoring.schoolId }).from(schoolMonitoring).where(onRegister),
        ),
      )
      .orderBy(desc(ofstedInspections.inspectedOn), desc(ofstedInspections.createdAt)),
  ]);
  const latest = new Map<string, InspectionResult>();
  const latestGraded = new Map<string, CategoryOfConcern | null>();
  for (const i of inspections) {
    if (!latest.has(i.schoolId)) latest.set(i.schoolId, i);
    if (i.kind === 'graded' && !latestGraded.has(i.schoolId))
      latestGraded.set(i.schoolId, i.categoryOfConcern);
  }
  return rows.map(({ school, monitoring, linkAdviserName, secondAdviserName }): RegisterRow => {
    const category = categoryByKey(settings, monitoring.laCategory);
    return {
      schoolId: school.id,
      name: school.name,
      urn: school.urn,
      type: school.type,
      typeGroup: school.typeGroup,
      phase: school.phase,
      status: school.status,
      pupils: school.numberOfPupils,
      governance: isAcademy(school.typeGroup) ? 'academy' : 'maintained',
      laCategory: monitoring.laCategory,
      laCategoryLabel: category?.label ?? (monitoring.laCategory ? monitoring.laCategory : 'Not categorised'),
      causingConcern: category?.causesConcern ?? false,
      capacitySecure: monitoring.capacitySecure,
      hasSixthForm: monitoring.hasSixthForm,
      linkAdviserUserId: monitoring.linkAdviserUserId,
      linkAdviserName,
      secondAdviserUserId: monitoring.secondAdviserUserId,
      secondAdviserName,
      riskNotes: monitoring.riskNotes,
      riseInvolvement: monitoring.riseInvolvement,
      latestInspection: latest.get(school.id) ?? null,
      ofstedCategory: latestGraded.get(school.id) ?? null,
      joinedOn: monitoring.joinedOn,
      joinedReason: monitoring.joinedReason,
      leftOn: monitoring.leftOn,
      leftReason: monitoring.leftReason,
    };
  });
}

/** The filters and sort of the register page, as a pure function of the rows. */
export function filterRegister(
  rows: readonly RegisterRow[],
  filters: RegisterFilters,
  settings: ResolvedStatutorySettings,
): RegisterRow[] {
  const search = filters.search?.toLowerCase();
  const kept = rows.filter(
    (r) =>
      (!filters.category ||
        (filters.category === notCategorisedFilter
          ? r.laCategory === null
          : r.laCategory === filters.category)) &&
      (!filters.phase || r.phase === filters.phase) &&
      (!filters.governance || r.governance === filters.governance) &&
      (!filters.linkAdviserUserId || r.linkAdviserUserId === filters.linkAdviserUserId) &&
      (!filters.causingConcern || r.causingConcern === (filters.causingConcern === 'yes')) &&
      (!search || r.name.toLowerCase().includes(search) || String(r.urn) === search),
  );
  const categoryOrder = (r: RegisterRow) => {
    const index = settings.categories.findIndex((c) => c.key === r.laCategory);
    return index === -1 ? settings.categories.length : index;
  };
  const byName = (a: RegisterRow, b: RegisterRow) => a.name.localeCompare(b.name, 'en-GB');
  const compare: Record<RegisterFilters['sort'], (a: RegisterRow, b: RegisterRow) => number> = {
    name: byName,
    category: (a, b) => categoryOrder(a) - categoryOrder(b) || byName(a, b),
    // Most recently inspected first; never inspected last.
    inspected: (a, b) =>
      (b.latestInspection?.inspectedOn ?? '').localeCompare(a.latestInspection?.inspectedOn ?? '') ||
      byName(a, b),
    pupils: (a, b) => (b.pupils ?? -1) - (a.pupils ?? -1) || byName(a, b),
  };
  return [...kept].sort(compare[filters.sort]);
}

export async function listRegister(tx: Tx, settings: ResolvedStatutorySettings, filters: RegisterFilters) {
  return filterRegister(await loadRegister(tx, settings, undefined, filters.register), filters, settings);
}

/**
 * The filtered register with the phases its schools have (for the phase filter: GIAS order, no "Not applicable"),
 * from one load.
 */
export async function listRegisterWithPhases(
  tx: Tx,
  settings: ResolvedStatutorySettings,
  filters: RegisterFilters,
) {
  const all = await loadRegister(tx, settings, undefined, filters.register);
  return {
    rows: filterRegister(all, filters, settings),
    phases: filterablePhases(all.map((r) => r.phase)),
  };
}
