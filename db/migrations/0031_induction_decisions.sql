CREATE TYPE "public"."induction_appeal_result" AS ENUM('pending', 'upheld', 'dismissed', 'varied');--> statement-breakpoint
CREATE TABLE "induction_appeals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ect_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"lodged_on" date NOT NULL,
	"result" "induction_appeal_result" DEFAULT 'pending' NOT NULL,
	"result_on" date,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "induction_appeals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "induction_appeals_one_per_outcome" UNIQUE("tenant_id","outcome_id")
);
--> statement-breakpoint
ALTER TABLE "induction_appeals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "induction_recommendations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"ect_id" uuid NOT NULL,
	"recommendation" "induction_outcome" NOT NULL,
	"recommended_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"representations" text,
	"representations_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "induction_recommendations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "induction_recommendations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "induction_appeals" ADD CONSTRAINT "induction_appeals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_appeals" ADD CONSTRAINT "induction_appeals_tenant_id_ect_id_ects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ect_id") REFERENCES "public"."ects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_appeals" ADD CONSTRAINT "induction_appeals_tenant_id_outcome_id_induction_outcomes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","outcome_id") REFERENCES "public"."induction_outcomes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_recommendations" ADD CONSTRAINT "induction_recommendations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "induction_recommendations" ADD CONSTRAINT "induction_recommendations_tenant_id_ect_id_ects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ect_id") REFERENCES "public"."ects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "induction_recommendations_ect" ON "induction_recommendations" USING btree ("tenant_id","ect_id","recommended_on");--> statement-breakpoint
CREATE POLICY "induction_appeals_tenant_isolation" ON "induction_appeals" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "induction_recommendations_tenant_isolation" ON "induction_recommendations" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);