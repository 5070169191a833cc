CREATE TABLE "governor_committee_members" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"governor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governor_committee_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governor_committee_members_once" UNIQUE("tenant_id","committee_id","governor_id")
);
--> statement-breakpoint
ALTER TABLE "governor_committee_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governor_committees" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governor_committees_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "governor_committees" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governor_meeting_expected" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"governor_id" uuid NOT NULL,
	CONSTRAINT "governor_meeting_expected_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governor_meeting_expected_once" UNIQUE("tenant_id","meeting_id","governor_id")
);
--> statement-breakpoint
ALTER TABLE "governor_meeting_expected" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "governor_meetings" ADD COLUMN "committee_id" uuid;--> statement-breakpoint
ALTER TABLE "governor_meetings" ADD COLUMN "members_listed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "governor_committee_members" ADD CONSTRAINT "governor_committee_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_committee_members" ADD CONSTRAINT "governor_committee_members_tenant_id_committee_id_governor_committees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","committee_id") REFERENCES "public"."governor_committees"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_committee_members" ADD CONSTRAINT "governor_committee_members_tenant_id_governor_id_governors_tenant_id_id_fk" FOREIGN KEY ("tenant_id","governor_id") REFERENCES "public"."governors"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_committees" ADD CONSTRAINT "governor_committees_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_committees" ADD CONSTRAINT "governor_committees_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_meeting_expected" ADD CONSTRAINT "governor_meeting_expected_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_meeting_expected" ADD CONSTRAINT "governor_meeting_expected_tenant_id_meeting_id_governor_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."governor_meetings"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_meeting_expected" ADD CONSTRAINT "governor_meeting_expected_tenant_id_governor_id_governors_tenant_id_id_fk" FOREIGN KEY ("tenant_id","governor_id") REFERENCES "public"."governors"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governor_committee_members_governor" ON "governor_committee_members" USING btree ("tenant_id","governor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governor_committees_name" ON "governor_committees" USING btree ("tenant_id","school_id",lower("name"));--> statement-breakpoint
CREATE INDEX "governor_meeting_expected_governor" ON "governor_meeting_expected" USING btree ("tenant_id","governor_id");--> statement-breakpoint
ALTER TABLE "governor_meetings" ADD CONSTRAINT "governor_meetings_tenant_id_committee_id_governor_committees_tenant_id_id_fk" FOREIGN KEY ("tenant_id","committee_id") REFERENCES "public"."governor_committees"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "governor_meetings_committee" ON "governor_meetings" USING btree ("tenant_id","committee_id");--> statement-breakpoint
CREATE POLICY "governor_committee_members_tenant_isolation" ON "governor_committee_members" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "governor_committees_tenant_isolation" ON "governor_committees" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "governor_meeting_expected_tenant_isolation" ON "governor_meeting_expected" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid)) WITH CHECK (tenant_id = (select nullif(current_setting('app.tenant_id', true), '')::uuid));