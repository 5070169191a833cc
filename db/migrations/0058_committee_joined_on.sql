ALTER TABLE "governor_committee_members" ADD COLUMN "joined_on" date DEFAULT current_date NOT NULL;--> statement-breakpoint
-- Memberships kept before joined_on began the day they were saved: that day in London, as they were shown.
UPDATE "governor_committee_members" SET "joined_on" = ("created_at" AT TIME ZONE 'Europe/London')::date;
