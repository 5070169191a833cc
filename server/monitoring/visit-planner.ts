import { asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { schoolMonitoring, schools } from '~/db/schema';
import { listMonitoringAdvisers } from './list-advisers';
import { listSchedule } from './list-visits';
import { underServed, worstFirst } from './visit-progress';

/** Visits shown per page of the planner: an LA of 450 schools plans over 700 a year. */
export const plannerPageSize = 50;
/**
 * The overdue and under-served lists above the schedule show the worst this many; the rest are one filter away
 * (mid-year at a 450-school LA either list can run to hundreds, which buried the schedule below it).
 */
export const plannerListCap = 20;

export const ZVisitPlannerInput = z.object({
  academicYear: z.number().int().min(2000).max(2100).optional(),
  adviserUserId: z.uuid().optional(),
  status: z.enum(['planned', 'done', 'cancelled']).optional(),
  overdueOnly: z.boolean().optional(),
  page: z.number().int().min(1).max(10_000).optional(),
});
export type TVisitPlannerInput = z.infer<typeof ZVisitPlannerInput>;

/**
 * Everything the visits planner shows, read in one transaction: one page of the (filtered) schedule, the
 * first overdue visits, the schools furthest behind and the advisers. The year's visits are read once and the
 * overdue list, the under-served schools and the page are all cut from them. `adviserUserId` for an adviser is
 * always their own (the router decides).
 */
export async function loadVisitPlanner(
  tx: Tx,
  input: Omit<TVisitPlannerInput, 'academicYear'> & {
    academicYear: number;
    today: string;
    /** Officers see every school; an adviser only their own visits. */
    officer: boolean;
  },
) {
  const [year, advisers] = await Promise.all([
    listSchedule(tx, {
      academicYear: input.academicYear,
      adviserUserId: input.officer ? undefined : input.adviserUserId,
      today: input.today,
    }),
    listMonitoringAdvisers(tx),
  ]);
  const filtered = year.filter(
    (v) =>
      (!input.officer || !input.adviserUserId || v.adviserUserId === input.adviserUserId) &&
      (!input.status || v.status === input.status) &&
      (!input.overdueOnly || v.overdue),
  );
  const pages = Math.max(1, Math.ceil(filtered.length / plannerPageSize));
  const page = Math.min(input.page ?? 1, pages);
  const names = new Map(year.map((v) => [v.schoolId, v]));
  const overdue = year.filter((v) => v.overdue);
  const behind = input.officer
    ? underServed(year, input.academicYear, input.today)
        .map((p) => ({
          ...p,
          schoolName: names.get(p.schoolId)?.schoolName ?? '',
          urn: names.get(p.schoolId)?.urn,
        }))
        .sort(worstFirst)
    : [];
  return {
    visits: filtered.slice((page - 1) * plannerPageSize, page * plannerPageSize),
    total: filtered.length,
    page,
    pages,
    pageSize: plannerPageSize,
    overdue: overdue.slice(0, plannerListCap),
    overdueTotal: overdue.length,
    underServed: behind.slice(0, plannerListCap),
    underServedTotal: behind.length,
    advisers,
  };
}

/** What the additional-visit form offers: every school on the active register (with its link adviser), the advisers. */
export async function loadAdditionalVisitOptions(tx: Tx) {
  const [schoolOptions, advisers] = await Promise.all([
    tx
      .select({
        schoolId: schools.id,
        name: schools.name,
        linkAdviserUserId: schoolMonitoring.linkAdviserUserId,
      })
      .from(schoolMonitoring)
      .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
      .where(isNull(schoolMonitoring.leftOn))
      .orderBy(asc(schools.name)),
    listMonitoringAdvisers(tx),
  ]);
  return { schools: schoolOptions, advisers };
}
