-- Bind table owners to the tenant policies too, so only a superuser (migrations, seeding) can see across tenants.
-- Re-run this block in any migration that adds a tenant-owned table; the isolation tests check every one.
DO $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.table_name);
  END LOOP;
END $$;
--> statement-breakpoint
-- The provider may update a commissioned school row (policy contract_schools_provider_assign) only to assign
-- its partner; everything else on the row belongs to the commissioning LA.
CREATE OR REPLACE FUNCTION contract_schools_provider_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.tenant_id IS DISTINCT FROM nullif(current_setting('app.tenant_id', true), '')::uuid
     AND nullif(current_setting('app.tenant_id', true), '') IS NOT NULL
     AND (NEW.tenant_id, NEW.contract_id, NEW.school_id, NEW.provider_tenant_id, NEW.urn, NEW.school_name,
          NEW.funded_days_hundredths, NEW.support_summary)
       IS DISTINCT FROM (OLD.tenant_id, OLD.contract_id, OLD.school_id, OLD.provider_tenant_id, OLD.urn,
          OLD.school_name, OLD.funded_days_hundredths, OLD.support_summary) THEN
    RAISE EXCEPTION 'A provider may only assign its partner to a commissioned school.' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER contract_schools_provider_guard BEFORE UPDATE ON contract_schools
  FOR EACH ROW EXECUTE FUNCTION contract_schools_provider_guard();
