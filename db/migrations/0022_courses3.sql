ALTER TABLE "course_bookings" ADD COLUMN "evaluation_token_hash" text;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD COLUMN "reminder_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD COLUMN "evaluation_requested_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "course_bookings_evaluation_token" ON "course_bookings" USING btree ("evaluation_token_hash");