ALTER TYPE "public"."governor_category" ADD VALUE 'trustee';--> statement-breakpoint
ALTER TYPE "public"."governor_category" ADD VALUE 'local_governor';