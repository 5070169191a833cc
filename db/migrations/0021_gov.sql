CREATE TYPE "public"."governor_category" AS ENUM('headteacher', 'parent', 'staff', 'la', 'co_opted', 'foundation', 'partnership', 'associate_member', 'clerk');--> statement-breakpoint
CREATE TYPE "public"."governor_office" AS ENUM('chair', 'vice_chair');--> statement-breakpoint
CREATE TABLE "governing_body_constitutions" (
	"tenant_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"places" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governing_body_constitutions_tenant_id_school_id_pk" PRIMARY KEY("tenant_id","school_id")
);
--> statement-breakpoint
ALTER TABLE "governing_body_constitutions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governor_training_records" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"governor_id" uuid NOT NULL,
	"title" text NOT NULL,
	"on" date NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governor_training_records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "governor_training_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governors" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"category" "governor_category" NOT NULL,
	"office" "governor_office",
	"appointing_body" text DEFAULT '' NOT NULL,
	"appointed_on" date NOT NULL,
	"term_years" integer,
	"term_ends_on" date,
	"stepped_down_on" date,
	"business_interests" text DEFAULT '' NOT NULL,
	"business_interests_url" text DEFAULT '' NOT NULL,
	"attendance" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	"term_end_alerted_for" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governors_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "governors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "statutory_free_for_governors" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "governing_body_constitutions" ADD CONSTRAINT "governing_body_constitutions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governing_body_constitutions" ADD CONSTRAINT "governing_body_constitutions_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_training_records" ADD CONSTRAINT "governor_training_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_training_records" ADD CONSTRAINT "governor_training_records_tenant_id_governor_id_governors_tenant_id_id_fk" FOREIGN KEY ("tenant_id","governor_id") REFERENCES "public"."governors"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governors" ADD CONSTRAINT "governors_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governors" ADD CONSTRAINT "governors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governors" ADD CONSTRAINT "governors_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governor_training_governor" ON "governor_training_records" USING btree ("tenant_id","governor_id");--> statement-breakpoint
CREATE INDEX "governors_school" ON "governors" USING btree ("tenant_id","school_id");--> statement-breakpoint
CREATE INDEX "governors_email" ON "governors" USING btree ("tenant_id",lower("email"));--> statement-breakpoint
CREATE INDEX "governors_user" ON "governors" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE POLICY "governing_body_constitutions_tenant_isolation" ON "governing_body_constitutions" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "governor_training_records_tenant_isolation" ON "governor_training_records" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "governors_tenant_isolation" ON "governors" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);