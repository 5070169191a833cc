import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * Runs after every migration, on PostgreSQL and PGlite alike: enables and forces row-level security on every
 * table that has a tenant_id, so a new tenant table is covered without anyone remembering to. Forcing binds
 * the tables' owner too, so only a superuser (migrations, seeding) can see across tenants. Idempotent.
 */
export async function enforceRowLevelSecurity(db: Db): Promise<void> {
  await db.execute(sql`
    DO $$
    DECLARE t record;
    BEGIN
      FOR t IN
        SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        JOIN pg_class pc ON pc.relname = c.table_name AND pc.relnamespace = 'public'::regnamespace
        WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
          AND NOT (pc.relrowsecurity AND pc.relforcerowsecurity)
      LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.table_name);
      END LOOP;
    END $$;`);
}
