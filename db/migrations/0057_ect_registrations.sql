CREATE TYPE "public"."ect_registration_status" AS ENUM('awaiting', 'accepted', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "ect_registrations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"status" "ect_registration_status" DEFAULT 'awaiting' NOT NULL,
	"trn" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"date_of_birth" date,
	"starts_on" date NOT NULL,
	"fte_hundredths" integer NOT NULL,
	"tutor_name" text NOT NULL,
	"tutor_email" text NOT NULL,
	"mentor_name" text NOT NULL,
	"mentor_email" text NOT NULL,
	"previous_induction" text DEFAULT '' NOT NULL,
	"continue_induction" boolean DEFAULT false NOT NULL,
	"submitted_on" date NOT NULL,
	"submitted_by_user_id" uuid NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"rejection_reason" text DEFAULT '' NOT NULL,
	"ect_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ect_registrations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "ect_registrations_trn_seven_digits" CHECK ("ect_registrations"."trn" ~ '^[0-9]{7}$'),
	CONSTRAINT "ect_registrations_fte" CHECK ("ect_registrations"."fte_hundredths" between 10 and 100)
);
--> statement-breakpoint
ALTER TABLE "ect_registrations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ect_registrations" ADD CONSTRAINT "ect_registrations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_registrations" ADD CONSTRAINT "ect_registrations_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ect_registrations" ADD CONSTRAINT "ect_registrations_tenant_id_ect_id_ects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","ect_id") REFERENCES "public"."ects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ect_registrations_school" ON "ect_registrations" USING btree ("tenant_id","school_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "ect_registrations_one_awaiting" ON "ect_registrations" USING btree ("tenant_id","trn") WHERE "ect_registrations"."status" = 'awaiting';--> statement-breakpoint
CREATE POLICY "ect_registrations_tenant_isolation" ON "ect_registrations" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));