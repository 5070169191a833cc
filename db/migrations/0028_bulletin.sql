CREATE TABLE "governor_bulletin_recipients" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bulletin_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"school_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governor_bulletin_recipients_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governor_bulletin_recipients_once" UNIQUE("tenant_id","bulletin_id","email")
);
--> statement-breakpoint
ALTER TABLE "governor_bulletin_recipients" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governor_bulletin_unsubscribes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governor_bulletin_unsubscribes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governor_bulletin_unsubscribes_email" UNIQUE("tenant_id","email")
);
--> statement-breakpoint
ALTER TABLE "governor_bulletin_unsubscribes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governor_bulletins" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"include_all_governors" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_by_user_id" uuid,
	"skipped_unsubscribed" integer DEFAULT 0 NOT NULL,
	"skipped_no_email" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "governor_bulletins_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "governor_bulletins" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "induction_support_plans" ADD COLUMN "closed_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "induction_support_plans" ADD COLUMN "closing_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "governor_bulletin_recipients" ADD CONSTRAINT "governor_bulletin_recipients_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_bulletin_recipients" ADD CONSTRAINT "governor_bulletin_recipients_tenant_id_bulletin_id_governor_bulletins_tenant_id_id_fk" FOREIGN KEY ("tenant_id","bulletin_id") REFERENCES "public"."governor_bulletins"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_bulletin_recipients" ADD CONSTRAINT "governor_bulletin_recipients_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_bulletin_unsubscribes" ADD CONSTRAINT "governor_bulletin_unsubscribes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governor_bulletins" ADD CONSTRAINT "governor_bulletins_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "governor_bulletin_recipients_tenant_isolation" ON "governor_bulletin_recipients" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "governor_bulletin_unsubscribes_tenant_isolation" ON "governor_bulletin_unsubscribes" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "governor_bulletins_tenant_isolation" ON "governor_bulletins" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);