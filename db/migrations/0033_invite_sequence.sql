ALTER TABLE "course_bookings" ADD COLUMN "invite_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "invite_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Invites already sent carried SEQUENCE = the later updated_at of course and place, in epoch seconds. Places keep
-- that as their starting count, so the next invite (course count + place count, each raised by one per change)
-- still outranks every one sent before.
UPDATE "course_bookings" AS b SET "invite_sequence" = floor(extract(epoch FROM greatest(b."updated_at", c."updated_at")))::integer
FROM "courses" AS c WHERE c."tenant_id" = b."tenant_id" AND c."id" = b."course_id";
