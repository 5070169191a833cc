CREATE TYPE "public"."induction_checkpoint_kind" AS ENUM('review', 'formal', 'interim');--> statement-breakpoint
CREATE TYPE "public"."induction_checkpoint_status" AS ENUM('due', 'submitted', 'changes_requested', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."induction_judgement" AS ENUM('on_track', 'not_on_track');--> statement-breakpoint
CREATE TYPE "public"."induction_outcome" AS ENUM('pass', 'fail', 'extension');--> statement-breakpoint
CREATE TYPE "public"."induction_status" AS ENUM('in_progress', 'completed');--> statement-breakpoint
CREATE TYPE "public"."induction_support_plan_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "ects" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"trn" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"date_of_birth" date,
	"starts_on" date NOT NULL,
	"reduction_tenths" integer DEFAULT 0 NOT NULL,
	"extension_tenths" integer DEFAULT 0 NOT NULL,
	"previous_induction" text DEFAULT '' NOT NULL,
	"status" "induction_status" DEFAULT 'in_progress' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "ects_tenant_trn" UNIQUE("tenant_id","trn"),
	CONSTRAINT "ects_trn_seven_digits" CHECK ("ects"."trn" ~ '^[0-9]{7}$'),
	CONSTRAINT "ects_reduction_range" CHECK ("ects"."reduction_tenths" between 0 and 50)
);
--> statement-breakpoint
ALTER TABLE "ects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "induction_absences" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ect_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"days" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "induction_absences_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "induction_absences_days" CHECK ("induction_absences"."days" > 0)
);
--> statement-breakpoint
ALTER TABLE "induction_absences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "induction_checkpoints" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ect_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"kind" "induction_checkpoint_kind" NOT NULL,
	"term_number" integer,
	"due_on" date NOT NULL,
	"status" "induction_checkpoint_status" DEFAULT 'due' NOT NULL,
	"judgement" "induction_judgement",
	"evidence" text DEFAULT '' NOT NULL,
	"submitted_by_user_id" uuid,
	"submitted_at" timestamp with time zone,
	"ab_comment" text DEFAULT '' NOT NULL,
	"reviewed_by_user_id" uuid,
	"reviewed_at" timestamp with time zone,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "induction_checkpoints_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "induction_checkpoints_term" UNIQUE("tenant_id","ect_id","term_number")
);
--> statement-breakpoint
ALTER TABLE "induction_checkpoints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "induction_outcomes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ect_id" uuid NOT NULL,
	"outcome" "induction_outcome" NOT NULL,
	"decided_on" date NOT NULL,
	"terms_served_tenths" integer NOT NULL,
	"extension_tenths" integer,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "induction_outcomes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "induction_outcomes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "induction_periods" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ect_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"fte_hundredths" integer NOT NULL,
	"tutor_name" text NOT NULL,
	"tutor_email" text NOT NULL,
	"mentor_name" text NOT NULL,
	"mentor_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "induction_periods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "induction_periods_fte" CHECK ("induction_periods"."fte_hundredths" between 10 and 100)
);
--> statement-breakpoint
ALTER TABLE "induction_periods" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "induction_support_plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ect_id" uuid NOT NULL,
	"checkpoint_id" uuid NOT NULL,
	"status" "induction_support_plan_status" DEFAULT 'open' NOT NULL,
	"actions" text DEFAULT '' NOT NULL,
	"adviser_request_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "induction_support_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "induction_support_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ects" ADD CONSTRAINT "ects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_absences" ADD CONSTRAINT "induction_absences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_absences" ADD CONSTRAINT "induction_absences_tenant_id_ect_id_ects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ect_id") REFERENCES "public"."ects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_checkpoints" ADD CONSTRAINT "induction_checkpoints_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_checkpoints" ADD CONSTRAINT "induction_checkpoints_tenant_id_ect_id_ects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ect_id") REFERENCES "public"."ects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_checkpoints" ADD CONSTRAINT "induction_checkpoints_tenant_id_period_id_induction_periods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","period_id") REFERENCES "public"."induction_periods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_outcomes" ADD CONSTRAINT "induction_outcomes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_outcomes" ADD CONSTRAINT "induction_outcomes_tenant_id_ect_id_ects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ect_id") REFERENCES "public"."ects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_periods" ADD CONSTRAINT "induction_periods_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_periods" ADD CONSTRAINT "induction_periods_tenant_id_ect_id_ects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ect_id") REFERENCES "public"."ects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_periods" ADD CONSTRAINT "induction_periods_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_support_plans" ADD CONSTRAINT "induction_support_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_support_plans" ADD CONSTRAINT "induction_support_plans_tenant_id_ect_id_ects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ect_id") REFERENCES "public"."ects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_support_plans" ADD CONSTRAINT "induction_support_plans_tenant_id_checkpoint_id_induction_checkpoints_tenant_id_id_fk" FOREIGN KEY ("tenant_id","checkpoint_id") REFERENCES "public"."induction_checkpoints"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "induction_checkpoints_due" ON "induction_checkpoints" USING btree ("tenant_id","status","due_on");--> statement-breakpoint
CREATE INDEX "induction_periods_school" ON "induction_periods" USING btree ("tenant_id","school_id");--> statement-breakpoint
CREATE POLICY "ects_tenant_isolation" ON "ects" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "induction_absences_tenant_isolation" ON "induction_absences" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "induction_checkpoints_tenant_isolation" ON "induction_checkpoints" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "induction_outcomes_tenant_isolation" ON "induction_outcomes" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "induction_periods_tenant_isolation" ON "induction_periods" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "induction_support_plans_tenant_isolation" ON "induction_support_plans" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);