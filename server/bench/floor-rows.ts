import { sql, type SQL } from 'drizzle-orm';
import { getDatabase } from '../database';

/**
 * The pages bench's floor (tests/bench/pages.ts): the rows of the register, the visits planner or the SCC
 * list in ONE query, with no session, layout data or access checks (the planner's first page: 50 visits). Only the floor route calls it, and that
 * route exists only with STRIDE_BENCH_ROUTES=1 (refused in a real deployment).
 */
const queries = {
  register: (tenantId: SQL) => sql`
    select s.name, s.urn, s.type, s.phase, s.number_of_pupils as pupils, m.la_category as category,
      la.name as link_adviser, sa.name as second_adviser, i.inspected_on, i.framework, i.overall_grade
    from school_monitoring m
    join schools s on s.tenant_id = m.tenant_id and s.id = m.school_id
    left join users la on la.id = m.link_adviser_user_id
    left join users sa on sa.id = m.second_adviser_user_id
    left join lateral (
      select inspected_on, framework, overall_grade from ofsted_inspections o
      where o.tenant_id = m.tenant_id and o.school_id = m.school_id
      order by inspected_on desc, created_at desc limit 1
    ) i on true
    where m.tenant_id = ${tenantId}
    order by s.name`,
  visits: (tenantId: SQL) => sql`
    select s.name, s.urn, v.kind, v.due_by, v.status, v.completed_on, u.name as adviser
    from planned_visits v
    join schools s on s.tenant_id = v.tenant_id and s.id = v.school_id
    left join users u on u.id = v.adviser_user_id
    where v.tenant_id = ${tenantId}
      and v.academic_year = (select max(academic_year) from planned_visits where tenant_id = ${tenantId})
    order by v.due_by, s.name
    limit 50`,
  concern: (tenantId: SQL) => sql`
    select s.name, s.urn, c.status, c.identified_on, c.designated_on, c.next_review_on, u.name as lead_officer
    from scc_cases c
    join schools s on s.tenant_id = c.tenant_id and s.id = c.school_id
    left join users u on u.id = c.lead_officer_user_id
    where c.tenant_id = ${tenantId} and c.status in ('candidate', 'designated')
    order by s.name`,
} as const;

export type FloorView = keyof typeof queries;
export const isFloorView = (view: string): view is FloorView => view in queries;

export async function benchFloorRows(
  tenantSlug: string,
  view: FloorView,
): Promise<Record<string, unknown>[]> {
  const { db } = await getDatabase();
  const result = await db.execute(sql`
    with t as (select id from tenants where slug = ${tenantSlug})
    select r.* from t, lateral (${queries[view](sql`t.id`)}) r`);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
}
