CREATE TYPE "public"."adviser_visit_outcome" AS ENUM('drawn', 'charged');--> statement-breakpoint
ALTER TABLE "adviser_visits" ADD COLUMN "value_pence" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "adviser_visits" ADD COLUMN "outcome" "adviser_visit_outcome" NOT NULL;