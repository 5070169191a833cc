-- The runtime role: owns nothing, so row-level security always applies to it.
-- Roles are cluster-wide, so another database on the same server may already have made it.
DO $$ BEGIN
  CREATE ROLE stride_app NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
-- The migrating (owner) role switches to stride_app inside every request transaction.
DO $$ BEGIN
  EXECUTE format('GRANT stride_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO stride_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO stride_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO stride_app;
