import { sql, type SQL } from 'drizzle-orm';
import { notFound } from 'next/navigation';
import { getDatabase } from '~/server/database';
import { benchRoutesEnabled } from '~/server/env';

/**
 * The pages bench's floor (tests/bench/pages.ts): the rows of the register, the visits planner or the SCC
 * list in ONE query, rendered as a plain table, with no session, layout data or access checks. It exists only
 * with STRIDE_BENCH_ROUTES=1 (which env() refuses in a real deployment); otherwise it is a 404.
 */
export const dynamic = 'force-dynamic';

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
    order by v.due_by, s.name`,
  concern: (tenantId: SQL) => sql`
    select s.name, s.urn, c.status, c.identified_on, c.designated_on, c.next_review_on, u.name as lead_officer
    from scc_cases c
    join schools s on s.tenant_id = c.tenant_id and s.id = c.school_id
    left join users u on u.id = c.lead_officer_user_id
    where c.tenant_id = ${tenantId} and c.status in ('candidate', 'designated')
    order by s.name`,
} as const;

export default async function BenchFloor({ params }: { params: Promise<{ tenant: string; view: string }> }) {
  if (!benchRoutesEnabled()) notFound();
  const { tenant, view } = await params;
  if (!(view in queries)) notFound();
  const { db } = await getDatabase();
  const result = await db.execute(sql`
    with t as (select id from tenants where slug = ${tenant})
    select r.* from t, lateral (${queries[view as keyof typeof queries](sql`t.id`)}) r`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];
  const columns = Object.keys(rows[0] ?? {});
  return (
    <main className="p-4">
      <h1 className="text-2xl font-bold">Bench floor: {view}</h1>
      <p>{rows.length} rows</p>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>{row[c] === null ? '—' : String(row[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
