import { asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { executeRows, type Tx } from '~/db/client';
import { plannedVisits, schoolMonitoring, schools } from '~/db/schema';
import { listMonitoringAdvisers } from './list-advisers';
import { additionalSequenceStart } from './plan-visits';
import { worstFirst } from './visit-progress';

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

type VisitStatus = (typeof plannedVisits.$inferSelect)['status'];

/** One row of the planner's schedule, as the page shows it. */
export type PlannerVisit = {
  id: string;
  schoolId: string;
  schoolName: string;
  urn: number;
  sequence: number;
  kind: (typeof plannedVisits.$inferSelect)['kind'];
  reason: string | null;
  dueBy: string;
  status: VisitStatus;
  completedOn: string | null;
  adviserUserId: string | null;
  adviserName: string | null;
  overdue: boolean;
};

/** The schedule's columns in one place for both reads below; dates as text so both drivers give ISO strings. */
const visitColumns = (today: string) => sql`
  v.id, v.school_id as "schoolId", s.name as "schoolName", s.urn, v.sequence, v.kind, v.reason,
  v.due_by::text as "dueBy", v.status, v.completed_on::text as "completedOn",
  v.adviser_user_id as "adviserUserId", u.name as "adviserName",
  (v.status = 'planned' and v.due_by < ${today}::date) as overdue`;

/**
 * A page of visits and how many match. The page is chosen on the sort keys alone and only its rows are then
 * read in full: a year's visits share a handful of due dates, so the sort runs over every matching visit, and
 * carrying each one's columns (and its adviser) through it cost more than the sort itself.
 */
async function readVisits(tx: Tx, where: SQL, today: string, limit: number, offset: number) {
  const rows = await executeRows<PlannerVisit & { total: number }>(
    tx,
    sql`select ${visitColumns(today)},
          (select count(*) from planned_visits v where ${where})::int as total
        from (
          select v.id, v.due_by, s.name
          from planned_visits v
          join schools s on s.id = v.school_id
          where ${where}
          order by v.due_by, s.name, v.id
          limit ${limit} offset ${offset}
        ) page
        join planned_visits v on v.id = page.id
        join schools s on s.id = v.school_id
        left join users u on u.id = v.adviser_user_id
        order by page.due_by, page.name, page.id`,
  );
  return { rows: rows.map(({ total: _total, ...visit }) => visit), total: rows[0]?.total ?? 0 };
}

/**
 * Everything the visits planner shows, read in one transaction: one page of the (filtered) schedule, the
 * first overdue visits, the schools furthest behind and the advisers. Each part is cut in SQL (a page, the
 * first 20, per-school sums) rather than reading the year's visits, which at a 450-school LA are 700+ rows a
 * view. `adviserUserId` for an adviser is always their own (the router decides).
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
  const year = sql`v.academic_year = ${input.academicYear}`;
  // An adviser's overdue list is their own; an officer's is everyone's, whatever the schedule is filtered to.
  const scope =
    input.officer || !input.adviserUserId
      ? year
      : sql`${year} and v.adviser_user_id = ${input.adviserUserId}`;
  let filter = input.adviserUserId ? sql`${year} and v.adviser_user_id = ${input.adviserUserId}` : year;
  if (input.status) filter = sql`${filter} and v.status = ${input.status}`;
  if (input.overdueOnly) filter = sql`${filter} and v.status = 'planned' and v.due_by < ${input.today}::date`;
  const requested = input.page ?? 1;
  const overdueOnly = sql`${scope} and v.status = 'planned' and v.due_by < ${input.today}::date`;
  const [pageRead, overdue, progress, advisers] = await Promise.all([
    readVisits(tx, filter, input.today, plannerPageSize, (requested - 1) * plannerPageSize),
    readVisits(tx, overdueOnly, input.today, plannerListCap, 0),
    input.officer ? schoolProgress(tx, input.academicYear, input.today) : Promise.resolve([]),
    listMonitoringAdvisers(tx),
  ]);
  let { rows: visits, total } = pageRead;
  if (visits.length === 0 && requested > 1) {
    // Past the end (a bookmarked page of a shorter list): show the last page rather than nothing.
    const count = await executeRows<{ total: number }>(
      tx,
      sql`select count(*)::int as total from planned_visits v where ${filter}`,
    );
    total = count[0]?.total ?? 0;
    const last = Math.max(1, Math.ceil(total / plannerPageSize));
    visits = (await readVisits(tx, filter, input.today, plannerPageSize, (last - 1) * plannerPageSize)).rows;
  }
  const pages = Math.max(1, Math.ceil(total / plannerPageSize));
  const behind = progress.sort(worstFirst);
  return {
    visits,
    total,
    page: Math.min(requested, pages),
    pages,
    pageSize: plannerPageSize,
    overdue: overdue.rows,
    overdueTotal: overdue.total,
    underServed: behind.slice(0, plannerListCap),
    underServedTotal: behind.length,
    advisers,
  };
}

/**
 * The under-served schools from per-school sums in SQL, with the same rule as `progressBySchool`: planned
 * counts the generated (not additional, not cancelled) visits, expected those of them due by today (a plan
 * spreads its visits over the weeks it covers, so this is its own pro rata, from when the school joined it).
 * Only the schools behind leave the database: a 450-school LA that is on track sends no rows rather than 450 a
 * view.
 */
async function schoolProgress(tx: Tx, academicYear: number, today: string) {
  const rows = await executeRows<{
    schoolId: string;
    schoolName: string;
    urn: number;
    planned: number;
    expected: number;
    done: number;
    overdue: number;
  }>(
    tx,
    sql`select p.school_id as "schoolId", s.name as "schoolName", s.urn, p.planned, p.expected, p.done, p.overdue
        from (
          select v.school_id,
            (count(*) filter (where v.sequence < ${additionalSequenceStart} and v.status <> 'cancelled'))::int as planned,
            (count(*) filter (where v.sequence < ${additionalSequenceStart} and v.status <> 'cancelled'
              and v.due_by <= ${today}::date))::int as expected,
            (count(*) filter (where v.status = 'done'))::int as done,
            (count(*) filter (where v.status = 'planned' and v.due_by < ${today}::date))::int as overdue
          from planned_visits v
          where v.academic_year = ${academicYear}
          group by v.school_id
        ) p
        join schools s on s.id = p.school_id
        where p.expected > p.done`,
  );
  return rows.map((r) => ({
    schoolId: r.schoolId,
    planned: r.planned,
    done: r.done,
    expected: r.expected,
    shortfall: r.expected - r.done,
    overdue: r.overdue,
    schoolName: r.schoolName,
    urn: r.urn,
  }));
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
