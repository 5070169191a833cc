CREATE TYPE "public"."inspection_framework" AS ENUM('legacy_overall', 'sub_grades_2024', 'report_card_2025');--> statement-breakpoint
CREATE TYPE "public"."note_of_visit_status" AS ENUM('draft', 'sent', 'commented', 'agreed', 'shared');--> statement-breakpoint
CREATE TYPE "public"."ofsted_category_of_concern" AS ENUM('serious_weaknesses', 'special_measures', 'requires_significant_improvement');--> statement-breakpoint
CREATE TYPE "public"."planned_visit_kind" AS ENUM('school_effectiveness', 'keeping_in_touch', 'concern_monitoring', 'additional');--> statement-breakpoint
CREATE TYPE "public"."planned_visit_status" AS ENUM('planned', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."safeguarding_outcome" AS ENUM('met', 'not_met');--> statement-breakpoint
CREATE TYPE "public"."action_owner_kind" AS ENUM('school', 'la', 'provider', 'broker');--> statement-breakpoint
CREATE TYPE "public"."action_plan_kind" AS ENUM('action_plan', 'statement_of_action');--> statement-breakpoint
CREATE TYPE "public"."dcs_decision" AS ENUM('approved', 'declined');--> statement-breakpoint
CREATE TYPE "public"."intervention_power" AS ENUM('s63_require_arrangements', 's64_additional_governors', 's65_interim_executive_board', 's66_suspend_delegated_budget');--> statement-breakpoint
CREATE TYPE "public"."rag_status" AS ENUM('red', 'amber', 'green');--> statement-breakpoint
CREATE TYPE "public"."review_decision_kind" AS ENUM('designate', 'remove', 'continue', 'not_designated', 'letter_of_concern', 'recommend_warning_notice');--> statement-breakpoint
CREATE TYPE "public"."review_meeting_status" AS ENUM('scheduled', 'held');--> statement-breakpoint
CREATE TYPE "public"."scc_case_status" AS ENUM('candidate', 'designated', 'removed', 'not_designated');--> statement-breakpoint
CREATE TYPE "public"."scc_letter_kind" AS ENUM('designation', 'concern', 'removal', 'warning_notice');--> statement-breakpoint
CREATE TYPE "public"."scc_meeting_kind" AS ENUM('progress_review', 'monitoring_and_challenge');--> statement-breakpoint
CREATE TYPE "public"."scc_payee_kind" AS ENUM('school', 'other');--> statement-breakpoint
CREATE TYPE "public"."scc_payment_status" AS ENUM('requested', 'approved', 'paid', 'declined');--> statement-breakpoint
CREATE TYPE "public"."warning_notice_kind" AS ENUM('informal', 'formal_s60', 'pay_and_conditions_s60a');--> statement-breakpoint
CREATE TYPE "public"."warning_notice_status" AS ENUM('recommended', 'issued', 'complied', 'not_complied', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."commissioning_contract_status" AS ENUM('active', 'ended', 'revoked');--> statement-breakpoint
CREATE TABLE "la_category_changes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"from_category" text,
	"to_category" text NOT NULL,
	"changed_on" date NOT NULL,
	"rationale" text DEFAULT '' NOT NULL,
	"changed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "la_category_changes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "la_category_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "note_of_visit_versions" (
	"tenant_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"event" text NOT NULL,
	"content" jsonb NOT NULL,
	"headteacher_comment" text,
	"by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_of_visit_versions_tenant_id_note_id_version_event_pk" PRIMARY KEY("tenant_id","note_id","version","event")
);
--> statement-breakpoint
ALTER TABLE "note_of_visit_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notes_of_visit" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"planned_visit_id" uuid,
	"adviser_user_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"content" jsonb NOT NULL,
	"status" "note_of_visit_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"headteacher_comment" text,
	"agreed_at" timestamp with time zone,
	"agreed_by_user_id" uuid,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notes_of_visit_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "notes_of_visit" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ofsted_inspections" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"inspected_on" date NOT NULL,
	"published_on" date,
	"framework" "inspection_framework" NOT NULL,
	"overall_grade" integer,
	"grades" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"safeguarding" "safeguarding_outcome",
	"category_of_concern" "ofsted_category_of_concern",
	"kind" text DEFAULT 'graded' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ofsted_inspections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "ofsted_overall_grade_range" CHECK ("ofsted_inspections"."overall_grade" is null or "ofsted_inspections"."overall_grade" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "ofsted_inspections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "planned_visits" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"academic_year" integer NOT NULL,
	"sequence" integer NOT NULL,
	"kind" "planned_visit_kind" NOT NULL,
	"reason" text,
	"due_by" date NOT NULL,
	"adviser_user_id" uuid,
	"status" "planned_visit_status" DEFAULT 'planned' NOT NULL,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planned_visits_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "planned_visits_school_year_sequence" UNIQUE("tenant_id","school_id","academic_year","sequence")
);
--> statement-breakpoint
ALTER TABLE "planned_visits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "school_monitoring" (
	"tenant_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"la_category" text,
	"categorised_on" date,
	"link_adviser_user_id" uuid,
	"second_adviser_user_id" uuid,
	"capacity_secure" boolean,
	"has_sixth_form" boolean DEFAULT false NOT NULL,
	"risk_notes" text DEFAULT '' NOT NULL,
	"rise_involvement" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_monitoring_tenant_id_school_id_pk" PRIMARY KEY("tenant_id","school_id")
);
--> statement-breakpoint
ALTER TABLE "school_monitoring" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "action_plan_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"priority" text NOT NULL,
	"action" text NOT NULL,
	"owner_kind" "action_owner_kind" NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"milestone" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"rag" "rag_status" DEFAULT 'amber' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"review_on" date,
	"completed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plan_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "action_plan_items" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "action_plans" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" "action_plan_kind" NOT NULL,
	"title" text NOT NULL,
	"next_review_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "action_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "intervention_powers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"notice_id" uuid,
	"power" "intervention_power" NOT NULL,
	"dcs_decision" "dcs_decision" NOT NULL,
	"dcs_decision_on" date NOT NULL,
	"dcs_decision_by_user_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intervention_powers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "intervention_powers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "regional_director_referrals" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"referred_on" date NOT NULL,
	"concern" text NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"responded_on" date,
	"referred_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regional_director_referrals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "regional_director_referrals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "review_decisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"decision" "review_decision_kind" NOT NULL,
	"rationale" text NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_decisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "review_decisions_rationale" CHECK (length(trim("review_decisions"."rationale")) > 0)
);
--> statement-breakpoint
ALTER TABLE "review_decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "review_meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_on" date NOT NULL,
	"status" "review_meeting_status" DEFAULT 'scheduled' NOT NULL,
	"chair_name" text DEFAULT '' NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "review_meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scc_budget_payments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"case_id" uuid,
	"payee_kind" "scc_payee_kind" NOT NULL,
	"payee_name" text NOT NULL,
	"amount_pence" integer NOT NULL,
	"purpose" text NOT NULL,
	"financial_year" integer NOT NULL,
	"status" "scc_payment_status" DEFAULT 'requested' NOT NULL,
	"dcs_approved_on" date,
	"dcs_approved_by_user_id" uuid,
	"paid_on" date,
	"requested_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scc_budget_payments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "scc_budget_payments_amount" CHECK ("scc_budget_payments"."amount_pence" > 0),
	CONSTRAINT "scc_budget_payments_dcs_approval" CHECK ("scc_budget_payments"."payee_kind" = 'school' or "scc_budget_payments"."status" in ('requested', 'declined') or "scc_budget_payments"."dcs_approved_on" is not null)
);
--> statement-breakpoint
ALTER TABLE "scc_budget_payments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scc_cases" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"status" "scc_case_status" DEFAULT 'candidate' NOT NULL,
	"identified_on" date NOT NULL,
	"designated_on" date,
	"closed_on" date,
	"triggers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"concerns" text DEFAULT '' NOT NULL,
	"lead_officer_user_id" uuid,
	"proposed_structural_solution" text DEFAULT '' NOT NULL,
	"next_review_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scc_cases_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "scc_cases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scc_letters" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" "scc_letter_kind" NOT NULL,
	"issued_on" date NOT NULL,
	"addressed_to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"issued_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scc_letters_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "scc_letters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "scc_meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" "scc_meeting_kind" NOT NULL,
	"held_on" date NOT NULL,
	"attendees" text DEFAULT '' NOT NULL,
	"notes" text NOT NULL,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scc_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "scc_meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "warning_notices" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" "warning_notice_kind" NOT NULL,
	"grounds" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "warning_notice_status" DEFAULT 'recommended' NOT NULL,
	"issued_on" date,
	"compliance_by" date,
	"dcs_decision_on" date,
	"dcs_decision_by_user_id" uuid,
	"outcome_on" date,
	"outcome_notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warning_notices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "warning_notices_formal_issue" CHECK ("warning_notices"."kind" = 'informal' or "warning_notices"."status" = 'recommended' or ("warning_notices"."dcs_decision_on" is not null and "warning_notices"."compliance_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "warning_notices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "commissioned_deliveries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"la_tenant_id" uuid NOT NULL,
	"urn" integer NOT NULL,
	"delivered_on" date NOT NULL,
	"partner_user_id" uuid,
	"days_hundredths" integer NOT NULL,
	"cost_pence" integer NOT NULL,
	"activity" text NOT NULL,
	"progress_rag" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissioned_deliveries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "commissioned_deliveries_days" CHECK ("commissioned_deliveries"."days_hundredths" > 0),
	CONSTRAINT "commissioned_deliveries_cost" CHECK ("commissioned_deliveries"."cost_pence" >= 0),
	CONSTRAINT "commissioned_deliveries_rag" CHECK ("commissioned_deliveries"."progress_rag" in ('red', 'amber', 'green'))
);
--> statement-breakpoint
ALTER TABLE "commissioned_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "commissioning_contracts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"provider_tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"annual_value_pence" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"break_clause" text DEFAULT '' NOT NULL,
	"status" "commissioning_contract_status" DEFAULT 'active' NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commissioning_contracts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "commissioning_contracts_id" UNIQUE("id"),
	CONSTRAINT "commissioning_contract_period" CHECK ("commissioning_contracts"."ends_on" >= "commissioning_contracts"."starts_on"),
	CONSTRAINT "commissioning_contract_not_self" CHECK ("commissioning_contracts"."provider_tenant_id" <> "commissioning_contracts"."tenant_id"),
	CONSTRAINT "commissioning_contract_value" CHECK ("commissioning_contracts"."annual_value_pence" >= 0)
);
--> statement-breakpoint
ALTER TABLE "commissioning_contracts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contract_schools" (
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"provider_tenant_id" uuid NOT NULL,
	"urn" integer NOT NULL,
	"school_name" text NOT NULL,
	"funded_days_hundredths" integer NOT NULL,
	"support_summary" text DEFAULT '' NOT NULL,
	"assigned_partner_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_schools_tenant_id_contract_id_school_id_pk" PRIMARY KEY("tenant_id","contract_id","school_id"),
	CONSTRAINT "contract_schools_funded_days" CHECK ("contract_schools"."funded_days_hundredths" >= 0)
);
--> statement-breakpoint
ALTER TABLE "contract_schools" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "la_category_changes" ADD CONSTRAINT "la_category_changes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_category_changes" ADD CONSTRAINT "la_category_changes_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_category_changes" ADD CONSTRAINT "la_category_changes_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_of_visit_versions" ADD CONSTRAINT "note_of_visit_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_of_visit_versions" ADD CONSTRAINT "note_of_visit_versions_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_of_visit_versions" ADD CONSTRAINT "note_of_visit_versions_tenant_id_note_id_notes_of_visit_tenant_id_id_fk" FOREIGN KEY ("tenant_id","note_id") REFERENCES "public"."notes_of_visit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes_of_visit" ADD CONSTRAINT "notes_of_visit_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes_of_visit" ADD CONSTRAINT "notes_of_visit_adviser_user_id_users_id_fk" FOREIGN KEY ("adviser_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes_of_visit" ADD CONSTRAINT "notes_of_visit_agreed_by_user_id_users_id_fk" FOREIGN KEY ("agreed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes_of_visit" ADD CONSTRAINT "notes_of_visit_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes_of_visit" ADD CONSTRAINT "notes_of_visit_tenant_id_planned_visit_id_planned_visits_tenant_id_id_fk" FOREIGN KEY ("tenant_id","planned_visit_id") REFERENCES "public"."planned_visits"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ofsted_inspections" ADD CONSTRAINT "ofsted_inspections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ofsted_inspections" ADD CONSTRAINT "ofsted_inspections_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_visits" ADD CONSTRAINT "planned_visits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_visits" ADD CONSTRAINT "planned_visits_adviser_user_id_users_id_fk" FOREIGN KEY ("adviser_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_visits" ADD CONSTRAINT "planned_visits_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_monitoring" ADD CONSTRAINT "school_monitoring_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_monitoring" ADD CONSTRAINT "school_monitoring_link_adviser_user_id_users_id_fk" FOREIGN KEY ("link_adviser_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_monitoring" ADD CONSTRAINT "school_monitoring_second_adviser_user_id_users_id_fk" FOREIGN KEY ("second_adviser_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_monitoring" ADD CONSTRAINT "school_monitoring_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plan_items" ADD CONSTRAINT "action_plan_items_tenant_id_plan_id_action_plans_tenant_id_id_fk" FOREIGN KEY ("tenant_id","plan_id") REFERENCES "public"."action_plans"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_tenant_id_case_id_scc_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."scc_cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_powers" ADD CONSTRAINT "intervention_powers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_powers" ADD CONSTRAINT "intervention_powers_dcs_decision_by_user_id_users_id_fk" FOREIGN KEY ("dcs_decision_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_powers" ADD CONSTRAINT "intervention_powers_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_director_referrals" ADD CONSTRAINT "regional_director_referrals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_director_referrals" ADD CONSTRAINT "regional_director_referrals_referred_by_user_id_users_id_fk" FOREIGN KEY ("referred_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_director_referrals" ADD CONSTRAINT "regional_director_referrals_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_tenant_id_meeting_id_review_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."review_meetings"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_tenant_id_case_id_scc_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."scc_cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_meetings" ADD CONSTRAINT "review_meetings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_budget_payments" ADD CONSTRAINT "scc_budget_payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_budget_payments" ADD CONSTRAINT "scc_budget_payments_dcs_approved_by_user_id_users_id_fk" FOREIGN KEY ("dcs_approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_budget_payments" ADD CONSTRAINT "scc_budget_payments_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_budget_payments" ADD CONSTRAINT "scc_budget_payments_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_cases" ADD CONSTRAINT "scc_cases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_cases" ADD CONSTRAINT "scc_cases_lead_officer_user_id_users_id_fk" FOREIGN KEY ("lead_officer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_cases" ADD CONSTRAINT "scc_cases_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_letters" ADD CONSTRAINT "scc_letters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_letters" ADD CONSTRAINT "scc_letters_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_letters" ADD CONSTRAINT "scc_letters_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_meetings" ADD CONSTRAINT "scc_meetings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_meetings" ADD CONSTRAINT "scc_meetings_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scc_meetings" ADD CONSTRAINT "scc_meetings_tenant_id_case_id_scc_cases_tenant_id_id_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."scc_cases"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_notices" ADD CONSTRAINT "warning_notices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_notices" ADD CONSTRAINT "warning_notices_dcs_decision_by_user_id_users_id_fk" FOREIGN KEY ("dcs_decision_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_notices" ADD CONSTRAINT "warning_notices_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioned_deliveries" ADD CONSTRAINT "commissioned_deliveries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioned_deliveries" ADD CONSTRAINT "commissioned_deliveries_la_tenant_id_tenants_id_fk" FOREIGN KEY ("la_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioned_deliveries" ADD CONSTRAINT "commissioned_deliveries_partner_user_id_users_id_fk" FOREIGN KEY ("partner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioning_contracts" ADD CONSTRAINT "commissioning_contracts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioning_contracts" ADD CONSTRAINT "commissioning_contracts_provider_tenant_id_tenants_id_fk" FOREIGN KEY ("provider_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioning_contracts" ADD CONSTRAINT "commissioning_contracts_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_schools" ADD CONSTRAINT "contract_schools_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_schools" ADD CONSTRAINT "contract_schools_provider_tenant_id_tenants_id_fk" FOREIGN KEY ("provider_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_schools" ADD CONSTRAINT "contract_schools_assigned_partner_user_id_users_id_fk" FOREIGN KEY ("assigned_partner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_schools" ADD CONSTRAINT "contract_schools_tenant_id_contract_id_commissioning_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."commissioning_contracts"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_schools" ADD CONSTRAINT "contract_schools_tenant_id_school_id_schools_tenant_id_id_fk" FOREIGN KEY ("tenant_id","school_id") REFERENCES "public"."schools"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "la_category_changes_school" ON "la_category_changes" USING btree ("tenant_id","school_id","changed_on");--> statement-breakpoint
CREATE INDEX "notes_of_visit_school" ON "notes_of_visit" USING btree ("tenant_id","school_id","visited_on");--> statement-breakpoint
CREATE INDEX "notes_of_visit_adviser" ON "notes_of_visit" USING btree ("tenant_id","adviser_user_id");--> statement-breakpoint
CREATE INDEX "ofsted_inspections_school" ON "ofsted_inspections" USING btree ("tenant_id","school_id","inspected_on");--> statement-breakpoint
CREATE INDEX "planned_visits_adviser" ON "planned_visits" USING btree ("tenant_id","adviser_user_id","due_by");--> statement-breakpoint
CREATE INDEX "school_monitoring_link_adviser" ON "school_monitoring" USING btree ("tenant_id","link_adviser_user_id");--> statement-breakpoint
CREATE INDEX "action_plan_items_plan" ON "action_plan_items" USING btree ("tenant_id","plan_id");--> statement-breakpoint
CREATE INDEX "action_plans_case" ON "action_plans" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "review_decisions_case" ON "review_decisions" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "scc_budget_payments_year" ON "scc_budget_payments" USING btree ("tenant_id","financial_year");--> statement-breakpoint
CREATE UNIQUE INDEX "scc_cases_one_open" ON "scc_cases" USING btree ("tenant_id","school_id") WHERE status in ('candidate', 'designated');--> statement-breakpoint
CREATE INDEX "scc_letters_school" ON "scc_letters" USING btree ("tenant_id","school_id");--> statement-breakpoint
CREATE INDEX "scc_meetings_case" ON "scc_meetings" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "warning_notices_school" ON "warning_notices" USING btree ("tenant_id","school_id");--> statement-breakpoint
CREATE INDEX "commissioned_deliveries_contract" ON "commissioned_deliveries" USING btree ("la_tenant_id","contract_id","urn");--> statement-breakpoint
CREATE INDEX "commissioning_contracts_provider" ON "commissioning_contracts" USING btree ("provider_tenant_id");--> statement-breakpoint
CREATE INDEX "contract_schools_provider" ON "contract_schools" USING btree ("provider_tenant_id","urn");--> statement-breakpoint
CREATE POLICY "la_category_changes_tenant_isolation" ON "la_category_changes" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "note_of_visit_versions_tenant_isolation" ON "note_of_visit_versions" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "notes_of_visit_tenant_isolation" ON "notes_of_visit" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "ofsted_inspections_tenant_isolation" ON "ofsted_inspections" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "planned_visits_tenant_isolation" ON "planned_visits" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "school_monitoring_tenant_isolation" ON "school_monitoring" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "action_plan_items_tenant_isolation" ON "action_plan_items" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "action_plan_items_commissioned_provider_read" ON "action_plan_items" AS PERMISSIVE FOR SELECT TO "stride_app" USING (exists (
      select 1 from contract_schools cs
      join commissioning_contracts c on c.tenant_id = cs.tenant_id and c.id = cs.contract_id
      where cs.tenant_id = action_plan_items.tenant_id and cs.school_id = action_plan_items.school_id
        and cs.provider_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
        and c.status <> 'revoked'));--> statement-breakpoint
CREATE POLICY "action_plans_tenant_isolation" ON "action_plans" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "action_plans_commissioned_provider_read" ON "action_plans" AS PERMISSIVE FOR SELECT TO "stride_app" USING (exists (
      select 1 from contract_schools cs
      join commissioning_contracts c on c.tenant_id = cs.tenant_id and c.id = cs.contract_id
      where cs.tenant_id = action_plans.tenant_id and cs.school_id = action_plans.school_id
        and cs.provider_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
        and c.status <> 'revoked'));--> statement-breakpoint
CREATE POLICY "intervention_powers_tenant_isolation" ON "intervention_powers" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "regional_director_referrals_tenant_isolation" ON "regional_director_referrals" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "review_decisions_tenant_isolation" ON "review_decisions" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "review_meetings_tenant_isolation" ON "review_meetings" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "scc_budget_payments_tenant_isolation" ON "scc_budget_payments" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "scc_cases_tenant_isolation" ON "scc_cases" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "scc_cases_commissioned_provider_read" ON "scc_cases" AS PERMISSIVE FOR SELECT TO "stride_app" USING (exists (
      select 1 from contract_schools cs
      join commissioning_contracts c on c.tenant_id = cs.tenant_id and c.id = cs.contract_id
      where cs.tenant_id = scc_cases.tenant_id and cs.school_id = scc_cases.school_id
        and cs.provider_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
        and c.status <> 'revoked'));--> statement-breakpoint
CREATE POLICY "scc_letters_tenant_isolation" ON "scc_letters" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "scc_meetings_tenant_isolation" ON "scc_meetings" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "warning_notices_tenant_isolation" ON "warning_notices" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "commissioned_deliveries_tenant_isolation" ON "commissioned_deliveries" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "commissioned_deliveries_commissioner_read" ON "commissioned_deliveries" AS PERMISSIVE FOR SELECT TO "stride_app" USING (la_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid and exists (
        select 1 from commissioning_contracts c
        where c.id = commissioned_deliveries.contract_id and c.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
          and c.status <> 'revoked'));--> statement-breakpoint
CREATE POLICY "commissioning_contracts_tenant_isolation" ON "commissioning_contracts" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "commissioning_contracts_provider_read" ON "commissioning_contracts" AS PERMISSIVE FOR SELECT TO "stride_app" USING (provider_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "contract_schools_tenant_isolation" ON "contract_schools" AS PERMISSIVE FOR ALL TO "stride_app" USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "contract_schools_provider_read" ON "contract_schools" AS PERMISSIVE FOR SELECT TO "stride_app" USING (provider_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid and exists (
        select 1 from commissioning_contracts c
        where c.id = contract_schools.contract_id and c.status <> 'revoked'));--> statement-breakpoint
CREATE POLICY "contract_schools_provider_assign" ON "contract_schools" AS PERMISSIVE FOR UPDATE TO "stride_app" USING (provider_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (provider_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);