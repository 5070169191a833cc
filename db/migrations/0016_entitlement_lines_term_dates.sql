CREATE TYPE "public"."school_term" AS ENUM('autumn', 'spring', 'summer');--> statement-breakpoint
ALTER TYPE "public"."entitlement_unit" ADD VALUE 'resource';--> statement-breakpoint
ALTER TYPE "public"."adviser_visit_outcome" ADD VALUE 'part_drawn';--> statement-breakpoint
CREATE TABLE "term_dates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"academic_year" integer NOT NULL,
	"term" "school_term" NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "term_dates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "term_dates_one_per_term" UNIQUE("tenant_id","academic_year","term"),
	CONSTRAINT "term_dates_in_order" CHECK ("term_dates"."starts_on" <= "term_dates"."ends_on")
);
--> statement-breakpoint
ALTER TABLE "term_dates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "entitlement_entries" ALTER COLUMN "created_at" SET DEFAULT clock_timestamp();--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD COLUMN "draws_category" text;--> statement-breakpoint
ALTER TABLE "adviser_visits" ADD COLUMN "drawn_category" text;--> statement-breakpoint
ALTER TABLE "term_dates" ADD CONSTRAINT "term_dates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "term_dates_tenant_isolation" ON "term_dates" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);