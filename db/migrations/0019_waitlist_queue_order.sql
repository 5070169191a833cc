DROP INDEX "course_waitlist_queue";--> statement-breakpoint
ALTER TABLE "course_waitlist_entries" ADD COLUMN "queued_order" bigserial NOT NULL;--> statement-breakpoint
CREATE INDEX "course_waitlist_queue" ON "course_waitlist_entries" USING btree ("tenant_id","course_id","status","queued_order");