CREATE TYPE "public"."induction_deadline_reminder_kind" AS ENUM('recommendation', 'decision');--> statement-breakpoint
CREATE TABLE "induction_deadline_reminders" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ect_id" uuid NOT NULL,
	"kind" "induction_deadline_reminder_kind" NOT NULL,
	"stage" integer NOT NULL,
	"due_on" date NOT NULL,
	"overdue" boolean NOT NULL,
	"emails" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "induction_deadline_reminders_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "induction_deadline_reminders_once" UNIQUE("tenant_id","ect_id","kind","stage")
);
--> statement-breakpoint
ALTER TABLE "induction_deadline_reminders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "induction_appeals" ADD COLUMN "result_outcome_id" uuid;--> statement-breakpoint
ALTER TABLE "induction_deadline_reminders" ADD CONSTRAINT "induction_deadline_reminders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_deadline_reminders" ADD CONSTRAINT "induction_deadline_reminders_tenant_id_ect_id_ects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ect_id") REFERENCES "public"."ects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_appeals" ADD CONSTRAINT "induction_appeals_result_outcome_fk" FOREIGN KEY ("tenant_id","result_outcome_id") REFERENCES "public"."induction_outcomes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "induction_deadline_reminders_tenant_isolation" ON "induction_deadline_reminders" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);