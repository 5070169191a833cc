CREATE TYPE "public"."erasure_scope" AS ENUM('full', 'contact');--> statement-breakpoint
CREATE TYPE "public"."erasure_subject_kind" AS ENUM('ect', 'governor', 'delegate');--> statement-breakpoint
CREATE TABLE "personal_data_erasures" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subject_kind" "erasure_subject_kind" NOT NULL,
	"subject_id" uuid,
	"placeholder" text NOT NULL,
	"scope" "erasure_scope" NOT NULL,
	"reason" text NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"erased_by_user_id" uuid,
	"erased_by_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "personal_data_erasures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "personal_data_erasures_actor" CHECK (erased_by_user_id is not null or erased_by_label is not null)
);
--> statement-breakpoint
ALTER TABLE "personal_data_erasures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"tenant_id" uuid NOT NULL,
	"governor_years" integer NOT NULL,
	"ect_years" integer NOT NULL,
	"delegate_years" integer NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_settings_tenant_id_pk" PRIMARY KEY("tenant_id"),
	CONSTRAINT "retention_settings_years" CHECK ("retention_settings"."governor_years" between 1 and 50 and "retention_settings"."ect_years" between 1 and 50 and "retention_settings"."delegate_years" between 1 and 50)
);
--> statement-breakpoint
ALTER TABLE "retention_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ects" DROP CONSTRAINT "ects_trn_seven_digits";--> statement-breakpoint
ALTER TABLE "personal_data_erasures" ADD CONSTRAINT "personal_data_erasures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "personal_data_erasures_created" ON "personal_data_erasures" USING btree ("tenant_id","created_at");--> statement-breakpoint
ALTER TABLE "ects" ADD CONSTRAINT "ects_trn_seven_digits" CHECK ("ects"."trn" ~ '^[0-9]{7}$' or "ects"."trn" ~ '^erased-[0-9a-f]{8}$');--> statement-breakpoint
CREATE POLICY "personal_data_erasures_tenant_isolation" ON "personal_data_erasures" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "retention_settings_tenant_isolation" ON "retention_settings" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);