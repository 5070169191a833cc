CREATE TYPE "public"."email_status" AS ENUM('queued', 'sent', 'kept');--> statement-breakpoint
CREATE TYPE "public"."renewal_decision" AS ENUM('pending', 'renewed', 'changed', 'declined');--> statement-breakpoint
CREATE TABLE "renewal_invitations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"decision" "renewal_decision" DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"responded_by_user_id" uuid,
	"responded_at" timestamp with time zone,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	CONSTRAINT "renewal_invitations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "renewal_invitations_round_school" UNIQUE("tenant_id","round_id","school_id")
);
--> statement-breakpoint
ALTER TABLE "renewal_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "renewal_links" (
	"tenant_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"invitation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_links_tenant_id_token_hash_pk" PRIMARY KEY("tenant_id","token_hash")
);
--> statement-breakpoint
ALTER TABLE "renewal_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "renewal_rounds" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"closes_on" date NOT NULL,
	"target_percent" integer DEFAULT 90 NOT NULL,
	"opened_by_user_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "renewal_rounds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "renewal_rounds_tenant_to_year" UNIQUE("tenant_id","to_year")
);
--> statement-breakpoint
ALTER TABLE "renewal_rounds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "status" "email_status" DEFAULT 'kept' NOT NULL;--> statement-breakpoint
ALTER TABLE "renewal_invitations" ADD CONSTRAINT "renewal_invitations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_invitations" ADD CONSTRAINT "renewal_invitations_tenant_id_round_id_renewal_rounds_tenant_id_id_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "public"."renewal_rounds"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_invitations" ADD CONSTRAINT "renewal_invitations_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_links" ADD CONSTRAINT "renewal_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_links" ADD CONSTRAINT "renewal_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_links" ADD CONSTRAINT "renewal_links_tenant_id_invitation_id_renewal_invitations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","invitation_id") REFERENCES "public"."renewal_invitations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_rounds" ADD CONSTRAINT "renewal_rounds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "renewal_links_invitation" ON "renewal_links" USING btree ("tenant_id","invitation_id");--> statement-breakpoint
CREATE POLICY "renewal_invitations_tenant_isolation" ON "renewal_invitations" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "renewal_links_tenant_isolation" ON "renewal_links" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "renewal_rounds_tenant_isolation" ON "renewal_rounds" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);