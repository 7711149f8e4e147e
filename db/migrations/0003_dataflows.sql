CREATE SCHEMA "dataflows";
--> statement-breakpoint
CREATE TYPE "dataflows"."clause_alignment" AS ENUM('EQUIVALENT', 'SIMILAR', 'DIFFERENT', 'ONLY_IN_A', 'ONLY_IN_B');--> statement-breakpoint
CREATE TYPE "dataflows"."comparison_section" AS ENUM('GENERAL', 'CONTROLLER_TO_CONTROLLER', 'CONTROLLER_TO_PROCESSOR');--> statement-breakpoint
CREATE TYPE "dataflows"."comparison_topic" AS ENUM('FORM_AND_MODIFICATION', 'GOVERNING_LAW', 'DISPUTE_RESOLUTION', 'FILING_REGISTRATION', 'SUPERVISORY_AUTHORITY', 'IMPACT_ASSESSMENT', 'PURPOSE_LIMITATION', 'SECURITY', 'ONWARD_TRANSFER', 'DATA_SUBJECT_RIGHTS', 'BREACH_NOTIFICATION', 'LIABILITY', 'TERMINATION');--> statement-breakpoint
CREATE TYPE "dataflows"."data_category" AS ENUM('PERSONAL', 'IMPORTANT', 'NON_PERSONAL');--> statement-breakpoint
CREATE TYPE "dataflows"."exporter_profile" AS ENUM('ANY', 'CIIO', 'NON_CIIO');--> statement-breakpoint
CREATE TYPE "dataflows"."mechanism_kind" AS ENUM('ASEAN_MCC_C2P', 'ASEAN_MCC_C2C', 'CN_STANDARD_CONTRACT', 'CN_CERTIFICATION', 'CN_SECURITY_ASSESSMENT', 'CONTRACTUAL_CLAUSES', 'BINDING_CORPORATE_RULES', 'APEC_CBPR', 'APEC_PRP', 'DATA_SUBJECT_CONSENT');--> statement-breakpoint
CREATE TYPE "dataflows"."pilot_status" AS ENUM('PROPOSED', 'APPROVED', 'ACTIVE', 'SUSPENDED', 'CONCLUDED');--> statement-breakpoint
CREATE TYPE "dataflows"."sensitivity" AS ENUM('ANY', 'SENSITIVE', 'NON_SENSITIVE');--> statement-breakpoint
CREATE TYPE "dataflows"."threshold_outcome" AS ENUM('EXEMPT', 'ANY_OF_MECHANISMS');--> statement-breakpoint
CREATE TABLE "dataflows"."audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_sub" text NOT NULL,
	"actor_org" text,
	"operation" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataflows"."comparison_rows" (
	"id" text PRIMARY KEY NOT NULL,
	"comparison_id" text NOT NULL,
	"section" "dataflows"."comparison_section" NOT NULL,
	"position" integer NOT NULL,
	"topic" "dataflows"."comparison_topic" NOT NULL,
	"a_clause" text,
	"a_summary" text NOT NULL,
	"a_source_url" text NOT NULL,
	"b_clause" text,
	"b_summary" text NOT NULL,
	"b_source_url" text NOT NULL,
	"alignment" "dataflows"."clause_alignment" NOT NULL,
	"practical_note" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataflows"."comparisons" (
	"id" text PRIMARY KEY NOT NULL,
	"mechanism_a" "dataflows"."mechanism_kind" NOT NULL,
	"mechanism_b" "dataflows"."mechanism_kind" NOT NULL,
	"title" text NOT NULL,
	"disclaimer" text NOT NULL,
	"prepared_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataflows"."laws" (
	"id" text PRIMARY KEY NOT NULL,
	"country_code" char(2) NOT NULL,
	"name" text NOT NULL,
	"year" integer,
	"in_force_on" date,
	"summary" text NOT NULL,
	"source_url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataflows"."mechanisms" (
	"kind" "dataflows"."mechanism_kind" PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"adopted_on" date,
	"in_force_on" date,
	"version" text,
	"summary" text NOT NULL,
	"source_url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataflows"."pilot_countries" (
	"pilot_id" text NOT NULL,
	"country_code" char(2) NOT NULL,
	CONSTRAINT "pilot_countries_pilot_id_country_code_pk" PRIMARY KEY("pilot_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "dataflows"."pilot_mechanisms" (
	"pilot_id" text NOT NULL,
	"mechanism_kind" "dataflows"."mechanism_kind" NOT NULL,
	CONSTRAINT "pilot_mechanisms_pilot_id_mechanism_kind_pk" PRIMARY KEY("pilot_id","mechanism_kind")
);
--> statement-breakpoint
CREATE TABLE "dataflows"."pilot_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" text NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataflows"."pilot_organizations" (
	"pilot_id" text NOT NULL,
	"organization_id" text NOT NULL,
	CONSTRAINT "pilot_organizations_pilot_id_organization_id_pk" PRIMARY KEY("pilot_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "dataflows"."pilots" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"status" "dataflows"."pilot_status" DEFAULT 'PROPOSED' NOT NULL,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"data_categories" "dataflows"."data_category"[] DEFAULT '{}' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"outcomes" text,
	"source_url" text,
	"proposed_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataflows"."policies" (
	"country_code" char(2) PRIMARY KEY NOT NULL,
	"summary" text NOT NULL,
	"regulator_organization_id" text,
	"regulator_note" text,
	"localisation" text,
	"filing_obligations" text,
	"unknowns" text[] DEFAULT '{}' NOT NULL,
	"last_reviewed_on" date NOT NULL,
	"source_url" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataflows"."policy_mechanisms" (
	"country_code" char(2) NOT NULL,
	"mechanism_kind" "dataflows"."mechanism_kind" NOT NULL,
	"basis" text NOT NULL,
	"source_url" text NOT NULL,
	CONSTRAINT "policy_mechanisms_country_code_mechanism_kind_pk" PRIMARY KEY("country_code","mechanism_kind")
);
--> statement-breakpoint
CREATE TABLE "dataflows"."thresholds" (
	"id" text PRIMARY KEY NOT NULL,
	"country_code" char(2) NOT NULL,
	"data_category" "dataflows"."data_category" NOT NULL,
	"sensitivity" "dataflows"."sensitivity" DEFAULT 'ANY' NOT NULL,
	"exporter_profile" "dataflows"."exporter_profile" DEFAULT 'ANY' NOT NULL,
	"min_subjects" integer,
	"max_subjects" integer,
	"counting_period" text,
	"outcome" "dataflows"."threshold_outcome" NOT NULL,
	"mechanism_kinds" "dataflows"."mechanism_kind"[] DEFAULT '{}' NOT NULL,
	"summary" text NOT NULL,
	"legal_basis" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"source_url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataflows"."transfer_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"country_code" char(2) NOT NULL,
	"data_categories" "dataflows"."data_category"[] NOT NULL,
	"when_mechanism" "dataflows"."mechanism_kind",
	"summary" text NOT NULL,
	"legal_basis" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"source_url" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dataflows"."comparison_rows" ADD CONSTRAINT "comparison_rows_comparison_id_comparisons_id_fk" FOREIGN KEY ("comparison_id") REFERENCES "dataflows"."comparisons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."comparisons" ADD CONSTRAINT "comparisons_mechanism_a_mechanisms_kind_fk" FOREIGN KEY ("mechanism_a") REFERENCES "dataflows"."mechanisms"("kind") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."comparisons" ADD CONSTRAINT "comparisons_mechanism_b_mechanisms_kind_fk" FOREIGN KEY ("mechanism_b") REFERENCES "dataflows"."mechanisms"("kind") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."pilot_countries" ADD CONSTRAINT "pilot_countries_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "dataflows"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."pilot_countries" ADD CONSTRAINT "pilot_countries_country_code_policies_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "dataflows"."policies"("country_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."pilot_mechanisms" ADD CONSTRAINT "pilot_mechanisms_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "dataflows"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."pilot_mechanisms" ADD CONSTRAINT "pilot_mechanisms_mechanism_kind_mechanisms_kind_fk" FOREIGN KEY ("mechanism_kind") REFERENCES "dataflows"."mechanisms"("kind") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."pilot_milestones" ADD CONSTRAINT "pilot_milestones_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "dataflows"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."pilot_organizations" ADD CONSTRAINT "pilot_organizations_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "dataflows"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."policy_mechanisms" ADD CONSTRAINT "policy_mechanisms_country_code_policies_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "dataflows"."policies"("country_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."policy_mechanisms" ADD CONSTRAINT "policy_mechanisms_mechanism_kind_mechanisms_kind_fk" FOREIGN KEY ("mechanism_kind") REFERENCES "dataflows"."mechanisms"("kind") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."thresholds" ADD CONSTRAINT "thresholds_country_code_policies_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "dataflows"."policies"("country_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."transfer_rules" ADD CONSTRAINT "transfer_rules_country_code_policies_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "dataflows"."policies"("country_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "dataflows"."audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "comparison_rows_order_idx" ON "dataflows"."comparison_rows" USING btree ("comparison_id","section","position");--> statement-breakpoint
CREATE INDEX "comparisons_pair_idx" ON "dataflows"."comparisons" USING btree ("mechanism_a","mechanism_b");--> statement-breakpoint
CREATE INDEX "laws_country_idx" ON "dataflows"."laws" USING btree ("country_code","year","id");--> statement-breakpoint
CREATE INDEX "pilot_countries_country_idx" ON "dataflows"."pilot_countries" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "pilot_milestones_pilot_idx" ON "dataflows"."pilot_milestones" USING btree ("pilot_id","due_on");--> statement-breakpoint
CREATE INDEX "pilot_organizations_org_idx" ON "dataflows"."pilot_organizations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "pilots_name_idx" ON "dataflows"."pilots" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "pilots_status_idx" ON "dataflows"."pilots" USING btree ("status");--> statement-breakpoint
CREATE INDEX "thresholds_country_idx" ON "dataflows"."thresholds" USING btree ("country_code","data_category","effective_from");--> statement-breakpoint
CREATE INDEX "transfer_rules_country_idx" ON "dataflows"."transfer_rules" USING btree ("country_code","effective_from");