ALTER TABLE "schools" ADD COLUMN "opened_on" date;--> statement-breakpoint
ALTER TABLE "course_waitlist_entries" ADD COLUMN "ended_reason" text;