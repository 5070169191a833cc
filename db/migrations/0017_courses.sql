CREATE TYPE "public"."course_attendance_status" AS ENUM('attended', 'absent', 'late');--> statement-breakpoint
CREATE TYPE "public"."course_booking_funding" AS ENUM('entitlement', 'charge', 'free');--> statement-breakpoint
CREATE TYPE "public"."course_booking_status" AS ENUM('pending_approval', 'confirmed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."course_format" AS ENUM('in_person', 'online', 'hybrid', 'twilight');--> statement-breakpoint
CREATE TYPE "public"."course_programme" AS ENUM('cpd', 'ect_induction', 'governor_training');--> statement-breakpoint
CREATE TYPE "public"."course_session_kind" AS ENUM('full_day', 'half_day', 'twilight', 'session');--> statement-breakpoint
CREATE TYPE "public"."course_status" AS ENUM('draft', 'published', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."course_waitlist_status" AS ENUM('waiting', 'offered', 'claimed', 'expired', 'withdrawn');--> statement-breakpoint
CREATE TABLE "course_attendance" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"status" "course_attendance_status" NOT NULL,
	"marked_by_user_id" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_attendance_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "course_attendance" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "course_bookings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"delegate_name" text NOT NULL,
	"delegate_email" text NOT NULL,
	"delegate_role" text DEFAULT '' NOT NULL,
	"delegate_user_id" uuid,
	"booked_by_user_id" uuid,
	"status" "course_booking_status" NOT NULL,
	"funding" "course_booking_funding",
	"price_pence" integer DEFAULT 0 NOT NULL,
	"entitlement_entry_id" uuid,
	"chargeable_item_id" uuid,
	"penalty_charge_item_id" uuid,
	"previous_delegates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"access_token_hash" text,
	"cancelled_at" timestamp with time zone,
	"cancelled_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_bookings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "course_bookings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "course_evaluations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"ratings" jsonb NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_evaluations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "course_evaluations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "course_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"kind" "course_session_kind" DEFAULT 'session' NOT NULL,
	"on" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	CONSTRAINT "course_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "course_sessions_ends_after_start" CHECK ("course_sessions"."ends_at" > "course_sessions"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "course_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "course_waitlist_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"delegate_name" text NOT NULL,
	"delegate_email" text NOT NULL,
	"delegate_role" text DEFAULT '' NOT NULL,
	"delegate_user_id" uuid,
	"added_by_user_id" uuid,
	"status" "course_waitlist_status" DEFAULT 'waiting' NOT NULL,
	"offered_at" timestamp with time zone,
	"hold_expires_at" timestamp with time zone,
	"claim_token_hash" text,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "course_waitlist_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "course_waitlist_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "courses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"programme" "course_programme" DEFAULT 'cpd' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"audiences" text[] DEFAULT '{}'::text[] NOT NULL,
	"phase" text DEFAULT 'All phases' NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"key_stage" text DEFAULT '' NOT NULL,
	"format" "course_format" NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"joining_link" text DEFAULT '' NOT NULL,
	"facilitators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "course_status" DEFAULT 'draft' NOT NULL,
	"capacity" integer NOT NULL,
	"places_taken" integer DEFAULT 0 NOT NULL,
	"booking_deadline" date,
	"minimum_numbers" integer DEFAULT 0 NOT NULL,
	"go_no_go_on" date,
	"member_price_pence" integer DEFAULT 0 NOT NULL,
	"non_member_price_pence" integer DEFAULT 0 NOT NULL,
	"out_of_area_price_pence" integer DEFAULT 0 NOT NULL,
	"vat_rate_basis_points" integer DEFAULT 0 NOT NULL,
	"entitlement_unit" "entitlement_unit",
	"entitlement_category" text DEFAULT '' NOT NULL,
	"cancellation_terms" jsonb NOT NULL,
	"hold_hours" integer DEFAULT 48 NOT NULL,
	"staff_booking_needs_approval" boolean DEFAULT false NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"duplicated_from_id" uuid,
	"cancelled_reason" text,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || subject || ' ' || description)) STORED,
	CONSTRAINT "courses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "courses_places_within_capacity" CHECK ("courses"."places_taken" >= 0 and "courses"."places_taken" <= "courses"."capacity"),
	CONSTRAINT "courses_capacity_positive" CHECK ("courses"."capacity" > 0),
	CONSTRAINT "courses_prices_non_negative" CHECK ("courses"."member_price_pence" >= 0 and "courses"."non_member_price_pence" >= 0 and "courses"."out_of_area_price_pence" >= 0)
);
--> statement-breakpoint
ALTER TABLE "courses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_tenant_id_booking_id_course_bookings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","booking_id") REFERENCES "public"."course_bookings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_attendance" ADD CONSTRAINT "course_attendance_tenant_id_session_id_course_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."course_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD CONSTRAINT "course_bookings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD CONSTRAINT "course_bookings_tenant_id_course_id_courses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","course_id") REFERENCES "public"."courses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_bookings" ADD CONSTRAINT "course_bookings_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_evaluations" ADD CONSTRAINT "course_evaluations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_evaluations" ADD CONSTRAINT "course_evaluations_tenant_id_booking_id_course_bookings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","booking_id") REFERENCES "public"."course_bookings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_evaluations" ADD CONSTRAINT "course_evaluations_tenant_id_course_id_courses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","course_id") REFERENCES "public"."courses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_tenant_id_course_id_courses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","course_id") REFERENCES "public"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_waitlist_entries" ADD CONSTRAINT "course_waitlist_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_waitlist_entries" ADD CONSTRAINT "course_waitlist_entries_tenant_id_course_id_courses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","course_id") REFERENCES "public"."courses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_waitlist_entries" ADD CONSTRAINT "course_waitlist_entries_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_attendance_one_mark" ON "course_attendance" USING btree ("tenant_id","booking_id","session_id");--> statement-breakpoint
CREATE INDEX "course_bookings_course" ON "course_bookings" USING btree ("tenant_id","course_id","status");--> statement-breakpoint
CREATE INDEX "course_bookings_school" ON "course_bookings" USING btree ("tenant_id","school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_bookings_one_per_delegate" ON "course_bookings" USING btree ("tenant_id","course_id",lower("delegate_email")) WHERE status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "course_bookings_access_token" ON "course_bookings" USING btree ("access_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "course_evaluations_one_per_booking" ON "course_evaluations" USING btree ("tenant_id","booking_id");--> statement-breakpoint
CREATE INDEX "course_evaluations_course" ON "course_evaluations" USING btree ("tenant_id","course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "course_sessions_sequence" ON "course_sessions" USING btree ("tenant_id","course_id","sequence");--> statement-breakpoint
CREATE INDEX "course_waitlist_queue" ON "course_waitlist_entries" USING btree ("tenant_id","course_id","status","created_at");--> statement-breakpoint
CREATE INDEX "course_waitlist_holds" ON "course_waitlist_entries" USING btree ("hold_expires_at") WHERE status = 'offered';--> statement-breakpoint
CREATE UNIQUE INDEX "course_waitlist_one_per_delegate" ON "course_waitlist_entries" USING btree ("tenant_id","course_id",lower("delegate_email")) WHERE status in ('waiting', 'offered');--> statement-breakpoint
CREATE UNIQUE INDEX "course_waitlist_claim_token" ON "course_waitlist_entries" USING btree ("claim_token_hash");--> statement-breakpoint
CREATE INDEX "courses_catalogue" ON "courses" USING btree ("tenant_id","status","starts_on");--> statement-breakpoint
CREATE INDEX "courses_search" ON "courses" USING gin ("search");--> statement-breakpoint
CREATE POLICY "course_attendance_tenant_isolation" ON "course_attendance" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "course_bookings_tenant_isolation" ON "course_bookings" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "course_evaluations_tenant_isolation" ON "course_evaluations" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "course_sessions_tenant_isolation" ON "course_sessions" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "course_waitlist_entries_tenant_isolation" ON "course_waitlist_entries" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "courses_tenant_isolation" ON "courses" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);