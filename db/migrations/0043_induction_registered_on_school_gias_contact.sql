ALTER TABLE "schools" ADD COLUMN "telephone" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "trust_name" text;--> statement-breakpoint
ALTER TABLE "induction_periods" ADD COLUMN "registered_on" date;