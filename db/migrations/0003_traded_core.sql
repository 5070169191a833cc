CREATE TYPE "public"."school_contact_role" AS ENUM('headteacher', 'business_manager', 'finance', 'bookings');--> statement-breakpoint
CREATE TYPE "public"."catalogue_item_kind" AS ENUM('package', 'service');--> statement-breakpoint
CREATE TYPE "public"."entitlement_unit" AS ENUM('adviser_day', 'adviser_half_day', 'adviser_hour', 'course_place', 'network_place', 'governor_item', 'ect_induction');--> statement-breakpoint
CREATE TYPE "public"."pricing_basis" AS ENUM('school', 'governing_body', 'ect', 'place', 'day', 'half_day', 'hour');--> statement-breakpoint
CREATE TYPE "public"."subscription_status" AS ENUM('active', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."chargeable_status" AS ENUM('uninvoiced', 'invoiced', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."entitlement_entry_kind" AS ENUM('grant', 'drawdown', 'reversal', 'expiry', 'adjustment');--> statement-breakpoint
CREATE TYPE "public"."adviser_kind" AS ENUM('employed', 'associate');--> statement-breakpoint
CREATE TYPE "public"."adviser_request_status" AS ENUM('requested', 'assigned', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "school_contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"role" "school_contact_role" NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "school_contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "catalogue_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"academic_year" integer NOT NULL,
	"kind" "catalogue_item_kind" NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"pricing_basis" "pricing_basis" NOT NULL,
	"member_price_pence" integer NOT NULL,
	"non_member_price_pence" integer NOT NULL,
	"minimum_price_pence" integer,
	"vat_rate_basis_points" integer DEFAULT 0 NOT NULL,
	"member_discount_percent" integer DEFAULT 0 NOT NULL,
	"pro_rata_by_term" boolean DEFAULT true NOT NULL,
	"draws_unit" "entitlement_unit",
	"draws_quantity_hundredths" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogue_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "catalogue_items_tenant_year_code" UNIQUE("tenant_id","academic_year","code"),
	CONSTRAINT "catalogue_items_prices_non_negative" CHECK ("catalogue_items"."member_price_pence" >= 0 and "catalogue_items"."non_member_price_pence" >= 0),
	CONSTRAINT "catalogue_items_discount_range" CHECK ("catalogue_items"."member_discount_percent" between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "catalogue_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "package_entitlements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"unit" "entitlement_unit" NOT NULL,
	"quantity_hundredths" integer,
	"category" text,
	"description" text NOT NULL,
	"standalone_unit_price_pence" integer,
	CONSTRAINT "package_entitlements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "package_entitlements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "price_bands" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"phase" text,
	"min_pupils" integer,
	"max_pupils" integer,
	"member_price_pence" integer NOT NULL,
	"non_member_price_pence" integer NOT NULL,
	CONSTRAINT "price_bands_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "price_bands" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "subscription_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"event" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subscription_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "subscription_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"academic_year" integer NOT NULL,
	"status" "subscription_status" DEFAULT 'active' NOT NULL,
	"units" integer DEFAULT 1 NOT NULL,
	"purchase_order_number" text,
	"net_price_pence" integer NOT NULL,
	"vat_pence" integer NOT NULL,
	"priced_as_member" boolean NOT NULL,
	"terms_charged" integer NOT NULL,
	"starts_on" date NOT NULL,
	"subscribed_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "subscriptions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "chargeable_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"description" text NOT NULL,
	"quantity_hundredths" integer NOT NULL,
	"unit_price_pence" integer NOT NULL,
	"net_pence" integer NOT NULL,
	"vat_rate_basis_points" integer NOT NULL,
	"priced_as_member" boolean NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"status" chargeable_status DEFAULT 'uninvoiced' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chargeable_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "chargeable_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "entitlement_balances" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"academic_year" integer NOT NULL,
	"unit" "entitlement_unit" NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"balance_hundredths" integer DEFAULT 0 NOT NULL,
	"unlimited" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entitlement_balances_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "entitlement_balances_key" UNIQUE("tenant_id","school_id","academic_year","unit","category"),
	CONSTRAINT "entitlement_balances_never_negative" CHECK ("entitlement_balances"."balance_hundredths" >= 0)
);
--> statement-breakpoint
ALTER TABLE "entitlement_balances" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "entitlement_entries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"balance_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" "entitlement_entry_kind" NOT NULL,
	"quantity_hundredths" integer NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"reverses_entry_id" uuid,
	"description" text NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entitlement_entries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "entitlement_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "adviser_profiles" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "adviser_kind" NOT NULL,
	"day_rate_pence" integer NOT NULL,
	"specialisms" text DEFAULT '' NOT NULL,
	CONSTRAINT "adviser_profiles_tenant_id_user_id_pk" PRIMARY KEY("tenant_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "adviser_profiles" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "adviser_requests" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"preferred_dates" text DEFAULT '' NOT NULL,
	"details" text DEFAULT '' NOT NULL,
	"status" "adviser_request_status" DEFAULT 'requested' NOT NULL,
	"adviser_user_id" uuid,
	"requested_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adviser_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "adviser_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "adviser_visits" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"adviser_user_id" uuid NOT NULL,
	"visit_date" date NOT NULL,
	"days_hundredths" integer NOT NULL,
	"summary" text NOT NULL,
	"cost_pence" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "adviser_visits_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "adviser_visits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "is_partnership_member" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "school_contacts" ADD CONSTRAINT "school_contacts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_contacts" ADD CONSTRAINT "school_contacts_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_items" ADD CONSTRAINT "catalogue_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_entitlements" ADD CONSTRAINT "package_entitlements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_entitlements" ADD CONSTRAINT "package_entitlements_tenant_id_item_id_catalogue_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."catalogue_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_bands" ADD CONSTRAINT "price_bands_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_bands" ADD CONSTRAINT "price_bands_tenant_id_item_id_catalogue_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."catalogue_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_events" ADD CONSTRAINT "subscription_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscription_events" ADD CONSTRAINT "subscription_events_tenant_id_subscription_id_subscriptions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","subscription_id") REFERENCES "public"."subscriptions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_item_id_catalogue_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."catalogue_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chargeable_items" ADD CONSTRAINT "chargeable_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chargeable_items" ADD CONSTRAINT "chargeable_items_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_balances" ADD CONSTRAINT "entitlement_balances_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_balances" ADD CONSTRAINT "entitlement_balances_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_entries" ADD CONSTRAINT "entitlement_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_entries" ADD CONSTRAINT "entitlement_entries_tenant_id_balance_id_entitlement_balances_tenant_id_id_fk" FOREIGN KEY ("tenant_id","balance_id") REFERENCES "public"."entitlement_balances"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_profiles" ADD CONSTRAINT "adviser_profiles_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_profiles" ADD CONSTRAINT "adviser_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_requests" ADD CONSTRAINT "adviser_requests_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_requests" ADD CONSTRAINT "adviser_requests_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_requests" ADD CONSTRAINT "adviser_requests_tenant_id_service_id_catalogue_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_id") REFERENCES "public"."catalogue_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_visits" ADD CONSTRAINT "adviser_visits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adviser_visits" ADD CONSTRAINT "adviser_visits_tenant_id_request_id_adviser_requests_tenant_id_id_fk" FOREIGN KEY ("tenant_id","request_id") REFERENCES "public"."adviser_requests"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_contacts_school" ON "school_contacts" USING btree ("tenant_id","school_id");--> statement-breakpoint
CREATE INDEX "package_entitlements_item" ON "package_entitlements" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE INDEX "price_bands_item" ON "price_bands" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE INDEX "subscription_events_subscription" ON "subscription_events" USING btree ("tenant_id","subscription_id");--> statement-breakpoint
CREATE INDEX "subscriptions_school_year" ON "subscriptions" USING btree ("tenant_id","school_id","academic_year");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_one_active" ON "subscriptions" USING btree ("tenant_id","school_id","item_id","academic_year") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "chargeable_items_school" ON "chargeable_items" USING btree ("tenant_id","school_id","status");--> statement-breakpoint
CREATE INDEX "entitlement_entries_balance" ON "entitlement_entries" USING btree ("tenant_id","balance_id","created_at");--> statement-breakpoint
CREATE INDEX "entitlement_entries_school" ON "entitlement_entries" USING btree ("tenant_id","school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entitlement_entries_reversed_once" ON "entitlement_entries" USING btree ("tenant_id","reverses_entry_id") WHERE reverses_entry_id is not null;--> statement-breakpoint
CREATE INDEX "adviser_requests_status" ON "adviser_requests" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "adviser_requests_adviser" ON "adviser_requests" USING btree ("tenant_id","adviser_user_id");--> statement-breakpoint
CREATE INDEX "adviser_visits_request" ON "adviser_visits" USING btree ("tenant_id","request_id");--> statement-breakpoint
CREATE POLICY "school_contacts_tenant_isolation" ON "school_contacts" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "catalogue_items_tenant_isolation" ON "catalogue_items" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "package_entitlements_tenant_isolation" ON "package_entitlements" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "price_bands_tenant_isolation" ON "price_bands" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "subscription_events_tenant_isolation" ON "subscription_events" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "subscriptions_tenant_isolation" ON "subscriptions" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "chargeable_items_tenant_isolation" ON "chargeable_items" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "entitlement_balances_tenant_isolation" ON "entitlement_balances" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "entitlement_entries_tenant_isolation" ON "entitlement_entries" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "adviser_profiles_tenant_isolation" ON "adviser_profiles" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "adviser_requests_tenant_isolation" ON "adviser_requests" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "adviser_visits_tenant_isolation" ON "adviser_visits" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);