CREATE SCHEMA "incidents";
--> statement-breakpoint
CREATE TYPE "incidents"."assistance_kind" AS ENUM('ANALYSIS', 'TAKEDOWN', 'LOG_PRESERVATION', 'MITIGATION', 'COORDINATION');--> statement-breakpoint
CREATE TYPE "incidents"."assistance_status" AS ENUM('OPEN', 'ACCEPTED', 'DECLINED', 'COMPLETED');--> statement-breakpoint
CREATE TYPE "incidents"."incident_category" AS ENUM('PHISHING', 'MALWARE', 'RANSOMWARE', 'DDOS', 'INTRUSION', 'DATA_BREACH', 'VULNERABILITY_EXPLOITATION', 'WEB_DEFACEMENT', 'OTHER');--> statement-breakpoint
CREATE TYPE "incidents"."incident_event_type" AS ENUM('REPORTED', 'UPDATED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'UPDATE_POSTED', 'SHARED', 'ASSISTANCE_REQUESTED', 'ASSISTANCE_ANSWERED');--> statement-breakpoint
CREATE TYPE "incidents"."incident_status" AS ENUM('REPORTED', 'TRIAGED', 'IN_PROGRESS', 'CONTAINED', 'RESOLVED', 'CLOSED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "incidents"."indicator_type" AS ENUM('URL', 'DOMAIN', 'IPV4', 'IPV6', 'EMAIL', 'FILE_SHA256', 'FILE_MD5');--> statement-breakpoint
CREATE TYPE "incidents"."severity" AS ENUM('BASELINE', 'LOW', 'MEDIUM', 'HIGH', 'SEVERE', 'EMERGENCY');--> statement-breakpoint
CREATE TYPE "incidents"."tlp" AS ENUM('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED');--> statement-breakpoint
CREATE TABLE "incidents"."advisories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"severity" "incidents"."severity" NOT NULL,
	"tlp" "incidents"."tlp" NOT NULL,
	"published_by_org" text NOT NULL,
	"shared_with" text[] DEFAULT '{}' NOT NULL,
	"cve_ids" text[] DEFAULT '{}' NOT NULL,
	"affected_products" text[] DEFAULT '{}' NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents"."assistance_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"requested_by_org" text NOT NULL,
	"requested_of_org" text NOT NULL,
	"kinds" "incidents"."assistance_kind"[] NOT NULL,
	"description" text NOT NULL,
	"status" "incidents"."assistance_status" DEFAULT 'OPEN' NOT NULL,
	"response_note" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incidents"."audit_log" (
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
CREATE TABLE "incidents"."incident_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"type" "incidents"."incident_event_type" NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"severity" "incidents"."severity" NOT NULL,
	"previous_severity" "incidents"."severity",
	"affected_countries" char(2)[] NOT NULL,
	"actor_org" text,
	"actor_sub" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents"."incident_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"author_org" text NOT NULL,
	"author_sub" text NOT NULL,
	"body" text NOT NULL,
	"previous_severity" "incidents"."severity",
	"severity" "incidents"."severity",
	"previous_status" "incidents"."incident_status",
	"status" "incidents"."incident_status",
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents"."incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"category" "incidents"."incident_category" NOT NULL,
	"severity" "incidents"."severity" NOT NULL,
	"status" "incidents"."incident_status" DEFAULT 'REPORTED' NOT NULL,
	"tlp" "incidents"."tlp" NOT NULL,
	"reported_by_org" text NOT NULL,
	"reported_by_sub" text NOT NULL,
	"affected_countries" char(2)[] NOT NULL,
	"cross_border" boolean GENERATED ALWAYS AS (cardinality(affected_countries) > 1) STORED NOT NULL,
	"shared_with" text[] DEFAULT '{}' NOT NULL,
	"detected_at" timestamp with time zone,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents"."indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "incidents"."indicator_type" NOT NULL,
	"value" text NOT NULL,
	"description" text,
	"first_seen" timestamp with time zone,
	"incident_id" uuid,
	"advisory_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents"."assistance_requests" ADD CONSTRAINT "assistance_requests_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."incident_events" ADD CONSTRAINT "incident_events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."incident_updates" ADD CONSTRAINT "incident_updates_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."indicators" ADD CONSTRAINT "indicators_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."indicators" ADD CONSTRAINT "indicators_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "incidents"."advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advisories_published_idx" ON "incidents"."advisories" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "advisories_shared_with_idx" ON "incidents"."advisories" USING gin ("shared_with");--> statement-breakpoint
CREATE INDEX "assistance_requests_incident_idx" ON "incidents"."assistance_requests" USING btree ("incident_id","requested_at");--> statement-breakpoint
CREATE INDEX "assistance_requests_of_idx" ON "incidents"."assistance_requests" USING btree ("requested_of_org","status");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "incidents"."audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "incident_events_incident_idx" ON "incidents"."incident_events" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "incident_updates_incident_idx" ON "incidents"."incident_updates" USING btree ("incident_id","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_reported_idx" ON "incidents"."incidents" USING btree ("reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_reporter_idx" ON "incidents"."incidents" USING btree ("reported_by_org","reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_countries_idx" ON "incidents"."incidents" USING gin ("affected_countries");--> statement-breakpoint
CREATE INDEX "incidents_shared_with_idx" ON "incidents"."incidents" USING gin ("shared_with");--> statement-breakpoint
CREATE INDEX "incidents_severity_idx" ON "incidents"."incidents" USING btree ("severity","reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "indicators_value_idx" ON "incidents"."indicators" USING btree ("value");--> statement-breakpoint
CREATE INDEX "indicators_incident_idx" ON "incidents"."indicators" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "indicators_advisory_idx" ON "incidents"."indicators" USING btree ("advisory_id");