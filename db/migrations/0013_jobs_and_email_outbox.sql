CREATE TYPE "public"."job_run_status" AS ENUM('done', 'failed');--> statement-breakpoint
ALTER TYPE "public"."email_status" ADD VALUE 'failed';--> statement-breakpoint
CREATE TABLE "job_runs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"job" text NOT NULL,
	"period_key" text NOT NULL,
	"status" "job_run_status" NOT NULL,
	"trigger" text DEFAULT 'schedule' NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "job_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "job_runs_period" UNIQUE("tenant_id","job","period_key")
);
--> statement-breakpoint
ALTER TABLE "job_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "outbox_emails" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "actor_user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "tenant_id" uuid DEFAULT nullif(current_setting('app.tenant_id', true), '')::uuid;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "actor_label" text;--> statement-breakpoint
ALTER TABLE "renewal_rounds" ADD COLUMN "reminder_interval_days" integer;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_runs_tenant_started" ON "job_runs" USING btree ("tenant_id","started_at");--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD CONSTRAINT "outbox_emails_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_emails_status" ON "outbox_emails" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "outbox_emails_tenant" ON "outbox_emails" USING btree ("tenant_id","created_at");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor" CHECK (actor_user_id is not null or actor_label is not null);--> statement-breakpoint
CREATE POLICY "outbox_emails_tenant_isolation" ON "outbox_emails" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "outbox_emails_mailroom" ON "outbox_emails" AS PERMISSIVE FOR ALL TO "stride_app" USING (current_setting('app.mailroom', true) = 'on') WITH CHECK (current_setting('app.mailroom', true) = 'on');--> statement-breakpoint
CREATE POLICY "job_runs_tenant_isolation" ON "job_runs" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);