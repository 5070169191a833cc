CREATE TYPE "public"."governor_attendance_status" AS ENUM('present', 'apologies', 'absent');--> statement-breakpoint
CREATE TYPE "public"."governor_meeting_kind" AS ENUM('full_board', 'committee');--> statement-breakpoint
CREATE TABLE "governor_meeting_attendance" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"governor_id" uuid NOT NULL,
	"status" "governor_attendance_status" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governor_meeting_attendance_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governor_meeting_attendance_once" UNIQUE("tenant_id","meeting_id","governor_id")
);
--> statement-breakpoint
ALTER TABLE "governor_meeting_attendance" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governor_meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"kind" "governor_meeting_kind" NOT NULL,
	"committee_name" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governor_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "governor_meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "governor_meeting_attendance" ADD CONSTRAINT "governor_meeting_attendance_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_meeting_attendance" ADD CONSTRAINT "governor_meeting_attendance_tenant_id_meeting_id_governor_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."governor_meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_meeting_attendance" ADD CONSTRAINT "governor_meeting_attendance_tenant_id_governor_id_governors_tenant_id_id_fk" FOREIGN KEY ("tenant_id","governor_id") REFERENCES "public"."governors"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_meetings" ADD CONSTRAINT "governor_meetings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_meetings" ADD CONSTRAINT "governor_meetings_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governor_meeting_attendance_governor" ON "governor_meeting_attendance" USING btree ("tenant_id","governor_id");--> statement-breakpoint
CREATE INDEX "governor_meetings_school" ON "governor_meetings" USING btree ("tenant_id","school_id","held_on");--> statement-breakpoint
CREATE POLICY "governor_meeting_attendance_tenant_isolation" ON "governor_meeting_attendance" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "governor_meetings_tenant_isolation" ON "governor_meetings" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));