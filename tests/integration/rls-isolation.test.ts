import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withCommissionedRead, withPlatform, withTenant, type Database } from '~/db/client';
import { failureOf, openTestDatabase, rowsOf, tenantBySlug } from './harness';

/** Every table that carries tenant_id is tenant-owned, whatever its name: new tables join this test on their own. */
async function tenantTables(database: Database): Promise<string[]> {
  const result = await database.db.execute(sql`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`);
  return rowsOf<{ table_name: string }>(result).map((r) => r.table_name);
}

describe('row-level security (runtime role stride_app)', () => {
  let database: Database;
  let tables: string[];
  let a: string;
  let b: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    tables = await tenantTables(database);
    a = (await tenantBySlug(database.db, 'bep')).id;
    b = (await tenantBySlug(database.db, 'harrow')).id;
  });

  it('finds the tenant-owned tables', () => {
    expect(tables).toEqual(expect.arrayContaining(['schools', 'memberships', 'audit_log']));
  });

  it('enables and forces row-level security on every tenant-owned table', async () => {
    const result = await database.db.execute(sql`
      select relname, relrowsecurity, relforcerowsecurity from pg_class
      where relnamespace = 'public'::regnamespace and relkind = 'r'`);
    const flags = new Map(
      rowsOf<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(result).map((r) => [
        r.relname,
        r,
      ]),
    );
    for (const table of tables) {
      expect(flags.get(table), table).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    }
  });

  it("reads the tenant setting once per query in every table's isolation policy, not once per row", async () => {
    const result = await database.db.execute(sql`
      select c.relname as table, pg_get_expr(p.polqual, p.polrelid) as using
      from pg_policy p join pg_class c on c.oid = p.polrelid
      where p.polname = c.relname || '_tenant_isolation'`);
    const policies = rowsOf<{ table: string; using: string }>(result);
    expect(policies.map((p) => p.table)).toEqual(expect.arrayContaining(tables));
    for (const policy of policies) {
      // A sub-select is planned as an InitPlan: evaluated once, then compared like a constant.
      expect(policy.using, policy.table).toMatch(/^\(tenant_id = \( SELECT /);
    }
  });

  it('runs requests as a role that owns no table', async () => {
    const result = await withTenant(database.db, a, (tx) =>
      tx.execute(
        sql`select current_user as who, (select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user)::int as owned`,
      ),
    );
    expect(rowsOf<{ who: string; owned: number }>(result)[0]).toEqual({ who: 'stride_app', owned: 0 });
  });

  it("shows tenant A none of another tenant's rows in any table, with no WHERE clause", async () => {
    // A (BEP) is commissioned by Birmingham: the contract and the schools it covers are the only foreign rows
    // it sees, and only Birmingham's. (Their SCC cases need an explicit opt-in: the next test.)
    const commissioner = (await tenantBySlug(database.db, 'birmingham')).id;
    const sharedByCommissioning = ['commissioning_contracts', 'contract_schools'];
    for (const table of tables) {
      const seen = await withTenant(database.db, a, (tx) =>
        tx.execute(
          sql`select count(*) filter (where tenant_id <> ${a})::int as foreign_rows,
                     count(*) filter (where tenant_id not in (${a}, ${commissioner}))::int as unlinked_rows
              from ${sql.identifier(table)}`,
        ),
      );
      const counts = rowsOf<{ foreign_rows: number; unlinked_rows: number }>(seen)[0];
      if (sharedByCommissioning.includes(table)) expect(counts?.unlinked_rows, table).toBe(0);
      else expect(counts?.foreign_rows, table).toBe(0);
    }
  });

  it('lets a commissioned provider read covered schools’ SCC cases and plans only inside withCommissionedRead', async () => {
    const commissioner = (await tenantBySlug(database.db, 'birmingham')).id;
    const count = (table: string) =>
      sql`select count(*)::int as n, count(*) filter (where tenant_id not in (${a}, ${commissioner}))::int as unlinked
          from ${sql.identifier(table)}`;
    for (const table of ['scc_cases', 'action_plans', 'action_plan_items']) {
      const opted = await withTenant(database.db, a, (tx) =>
        withCommissionedRead(tx, () => tx.execute(count(table))),
      );
      const counts = rowsOf<{ n: number; unlinked: number }>(opted)[0];
      expect(counts?.n, table).toBeGreaterThan(0);
      expect(counts?.unlinked, table).toBe(0);
      // The switch is off again afterwards, and never on by default.
      const after = await withTenant(database.db, a, async (tx) => {
        await withCommissionedRead(tx, async () => undefined);
        return tx.execute(count(table));
      });
      expect(rowsOf<{ n: number }>(after)[0]?.n, table).toBe(0);
    }
    // Harrow commissions HSIP, not BEP: Harrow's cases stay invisible to BEP even when it opts in.
    const harrowCases = await withTenant(database.db, a, (tx) =>
      withCommissionedRead(tx, () =>
        tx.execute(sql`select count(*)::int as n from scc_cases where tenant_id = ${b}`),
      ),
    );
    expect(rowsOf<{ n: number }>(harrowCases)[0]?.n).toBe(0);
  });

  it("tenant B's rows exist and B sees its own (so the test above could fail)", async () => {
    for (const table of ['schools', 'memberships']) {
      const seen = await withTenant(database.db, b, (tx) =>
        tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
      );
      expect(rowsOf<{ n: number }>(seen)[0]?.n, table).toBeGreaterThan(0);
    }
  });

  it('shows nothing when no tenant is set', async () => {
    for (const table of tables) {
      const seen = await withPlatform(database.db, (tx) =>
        tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
      );
      expect(rowsOf<{ n: number }>(seen)[0]?.n, table).toBe(0);
    }
  });

  it("refuses to write a row into tenant B from tenant A's context", async () => {
    const failure = await failureOf(
      withTenant(database.db, a, (tx) =>
        tx.execute(sql`insert into schools (tenant_id, urn, la_code, la_name, establishment_number, name, type, type_group, phase)
                       values (${b}, 999001, '310', 'Harrow', '2999', 'Smuggled School', 'Community school', 'Local authority maintained schools', 'Primary')`),
      ),
    );
    expect(failure).toMatch(/row-level security/);
  });

  it("cannot move its own rows into tenant B, nor update or delete B's rows", async () => {
    const failure = await failureOf(
      withTenant(database.db, a, (tx) =>
        tx.execute(sql`update schools set tenant_id = ${b} where tenant_id = ${a}`),
      ),
    );
    expect(failure).toMatch(/row-level security/);
    const updated = await withTenant(database.db, a, (tx) =>
      tx.execute(sql`update schools set notes = 'tampered' where tenant_id = ${b} returning id`),
    );
    expect(rowsOf(updated)).toHaveLength(0);
    const deleted = await withTenant(database.db, a, (tx) =>
      tx.execute(sql`delete from audit_log where tenant_id = ${b} returning id`),
    );
    expect(rowsOf(deleted)).toHaveLength(0);
  });

  it('keeps personal-data tables (retention settings, the erasure log) to their tenant', async () => {
    // The seed leaves them empty: give B a row in each, so A's view below could fail.
    await withTenant(database.db, b, async (tx) => {
      await tx.execute(sql`insert into retention_settings (tenant_id, governor_years, ect_years, delegate_years)
                           values (${b}, 7, 7, 4) on conflict (tenant_id) do nothing`);
      await tx.execute(sql`insert into personal_data_erasures (tenant_id, subject_kind, placeholder, scope, reason, erased_by_label)
                           values (${b}, 'delegate', 'Erased person 0000', 'full', 'RLS test', 'job:test')`);
    });
    for (const table of ['retention_settings', 'personal_data_erasures']) {
      const count = sql`select count(*) filter (where tenant_id = ${b})::int as n from ${sql.identifier(table)}`;
      const fromA = await withTenant(database.db, a, (tx) => tx.execute(count));
      expect(rowsOf<{ n: number }>(fromA)[0]?.n, table).toBe(0);
      const fromB = await withTenant(database.db, b, (tx) => tx.execute(count));
      expect(rowsOf<{ n: number }>(fromB)[0]?.n, table).toBeGreaterThan(0);
    }
    const failure = await failureOf(
      withTenant(database.db, a, (tx) =>
        tx.execute(sql`insert into personal_data_erasures (tenant_id, subject_kind, placeholder, scope, reason, erased_by_label)
                       values (${b}, 'delegate', 'Erased person 0001', 'full', 'smuggled', 'job:test')`),
      ),
    );
    expect(failure).toMatch(/row-level security/);
  });
});
