CREATE SCHEMA "contacts";
--> statement-breakpoint
CREATE TYPE "contacts"."activity_kind" AS ENUM('SEMINAR', 'TRAINING', 'JOINT_DRILL', 'EXCHANGE');--> statement-breakpoint
CREATE TYPE "contacts"."contact_role" AS ENUM('INCIDENT_RESPONSE', 'THREAT_SHARING', 'DATA_FLOW_POLICY', 'AI_POLICY', 'DIPLOMATIC', 'TECHNICAL');--> statement-breakpoint
CREATE TYPE "contacts"."organization_kind" AS ENUM('CERT', 'CYBER_AGENCY', 'DATA_PROTECTION_AUTHORITY', 'MINISTRY', 'REGULATOR', 'RESEARCH_INSTITUTE', 'COMPANY', 'INDUSTRY_ASSOCIATION', 'UNIVERSITY');--> statement-breakpoint
CREATE TYPE "contacts"."verification_method" AS ENUM('EMAIL_PING', 'PHONE_CALL', 'PGP_CHALLENGE', 'IN_PERSON');--> statement-breakpoint
CREATE TYPE "contacts"."verification_outcome" AS ENUM('CONFIRMED', 'NO_RESPONSE', 'BOUNCED', 'WRONG_CONTACT');--> statement-breakpoint
CREATE TABLE "contacts"."activities" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "contacts"."activity_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"host_organization_id" text,
	"source_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts"."activity_countries" (
	"activity_id" text NOT NULL,
	"country_code" char(2) NOT NULL,
	CONSTRAINT "activity_countries_activity_id_country_code_pk" PRIMARY KEY("activity_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "contacts"."activity_participants" (
	"activity_id" text NOT NULL,
	"organization_id" text NOT NULL,
	CONSTRAINT "activity_participants_activity_id_organization_id_pk" PRIMARY KEY("activity_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "contacts"."audit_log" (
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
CREATE TABLE "contacts"."contact_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"verified_at" timestamp with time zone NOT NULL,
	"method" "contacts"."verification_method" NOT NULL,
	"outcome" "contacts"."verification_outcome" NOT NULL,
	"note" text,
	"recorded_by" text
);
--> statement-breakpoint
CREATE TABLE "contacts"."contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"roles" "contacts"."contact_role"[] DEFAULT '{}' NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"available_24x7" boolean DEFAULT false NOT NULL,
	"timezone" text NOT NULL,
	"pgp_fingerprint" char(40),
	"last_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts"."countries" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"alpha3" char(3) NOT NULL,
	"name" text NOT NULL,
	"native_name" text,
	"asean_member_since" date,
	"source_url" text NOT NULL,
	CONSTRAINT "countries_alpha3_unique" UNIQUE("alpha3")
);
--> statement-breakpoint
CREATE TABLE "contacts"."organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"country_code" char(2) NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"kind" "contacts"."organization_kind" NOT NULL,
	"website" text,
	"constituency" text,
	"source_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts"."activities" ADD CONSTRAINT "activities_host_organization_id_organizations_id_fk" FOREIGN KEY ("host_organization_id") REFERENCES "contacts"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."activity_countries" ADD CONSTRAINT "activity_countries_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "contacts"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."activity_countries" ADD CONSTRAINT "activity_countries_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "contacts"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."activity_participants" ADD CONSTRAINT "activity_participants_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "contacts"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."activity_participants" ADD CONSTRAINT "activity_participants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "contacts"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."contact_verifications" ADD CONSTRAINT "contact_verifications_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "contacts"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."contacts" ADD CONSTRAINT "contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "contacts"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."organizations" ADD CONSTRAINT "organizations_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "contacts"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_starts_on_idx" ON "contacts"."activities" USING btree ("starts_on","id");--> statement-breakpoint
CREATE INDEX "activity_countries_country_idx" ON "contacts"."activity_countries" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "activity_participants_org_idx" ON "contacts"."activity_participants" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "contacts"."audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "contact_verifications_contact_idx" ON "contacts"."contact_verifications" USING btree ("contact_id","verified_at");--> statement-breakpoint
CREATE INDEX "contacts_organization_idx" ON "contacts"."contacts" USING btree ("organization_id","name","id");--> statement-breakpoint
CREATE INDEX "contacts_name_idx" ON "contacts"."contacts" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "contacts_roles_idx" ON "contacts"."contacts" USING gin ("roles");--> statement-breakpoint
CREATE INDEX "organizations_country_name_idx" ON "contacts"."organizations" USING btree ("country_code","name","id");--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "contacts"."organizations" USING btree ("name","id");