CREATE TYPE "public"."dcs_designation_role" AS ENUM('dcs', 'delegate');--> statement-breakpoint
ALTER TYPE "public"."scc_letter_kind" ADD VALUE 'categorisation';--> statement-breakpoint
CREATE TABLE "dcs_designations" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "dcs_designation_role" NOT NULL,
	"designated_on" date NOT NULL,
	"designated_by_user_id" uuid,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dcs_designations_tenant_id_user_id_designated_on_pk" PRIMARY KEY("tenant_id","user_id","designated_on")
);
--> statement-breakpoint
ALTER TABLE "dcs_designations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "school_monitoring" ADD COLUMN "joined_on" date;--> statement-breakpoint
ALTER TABLE "school_monitoring" ADD COLUMN "joined_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "school_monitoring" ADD COLUMN "left_on" date;--> statement-breakpoint
ALTER TABLE "school_monitoring" ADD COLUMN "left_reason" text;--> statement-breakpoint
ALTER TABLE "warning_notices" ADD COLUMN "preconditions" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "warning_notices" ADD COLUMN "recommended_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "dcs_designations" ADD CONSTRAINT "dcs_designations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dcs_designations" ADD CONSTRAINT "dcs_designations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dcs_designations" ADD CONSTRAINT "dcs_designations_designated_by_user_id_users_id_fk" FOREIGN KEY ("designated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_notices" ADD CONSTRAINT "warning_notices_recommended_by_user_id_users_id_fk" FOREIGN KEY ("recommended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_monitoring" ADD CONSTRAINT "school_monitoring_left_reason" CHECK ("school_monitoring"."left_on" is null or coalesce(length(trim("school_monitoring"."left_reason")), 0) > 0);--> statement-breakpoint
CREATE POLICY "dcs_designations_tenant_isolation" ON "dcs_designations" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);