ALTER TABLE "outbox_emails" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD COLUMN "schools_failed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD COLUMN "current_school" text;--> statement-breakpoint
ALTER TABLE "invoice_settings" ADD COLUMN "logo_data" text;--> statement-breakpoint
ALTER TABLE "invoice_settings" ADD COLUMN "logo_mime_type" text;