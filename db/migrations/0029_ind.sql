ALTER TABLE "outbox_emails" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "ects" ADD COLUMN "reduction_reason" text DEFAULT '' NOT NULL;