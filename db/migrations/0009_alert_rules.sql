CREATE TYPE "incidents"."alert_channel" AS ENUM('WEBHOOK', 'EMAIL');--> statement-breakpoint
CREATE TYPE "incidents"."alert_delivery_status" AS ENUM('PENDING', 'DELIVERED', 'FAILED', 'DEAD');--> statement-breakpoint
CREATE TYPE "incidents"."alert_kind" AS ENUM('INCIDENT_REPORTED', 'INCIDENT_UPDATED', 'ADVISORY_PUBLISHED', 'ASSISTANCE_REQUESTED');--> statement-breakpoint
CREATE TABLE "incidents"."alert_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"incident_id" uuid,
	"kind" "incidents"."alert_kind" NOT NULL,
	"status" "incidents"."alert_delivery_status" DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incidents"."alert_dispatch_position" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_event_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents"."alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization" text NOT NULL,
	"name" text NOT NULL,
	"channel" "incidents"."alert_channel" NOT NULL,
	"target" text NOT NULL,
	"signing_secret" text,
	"min_severity" "incidents"."severity" NOT NULL,
	"country_codes" char(2)[] NOT NULL,
	"categories" "incidents"."incident_category"[] NOT NULL,
	"kinds" "incidents"."alert_kind"[] NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"paused_reason" text,
	"dead_in_a_row" integer DEFAULT 0 NOT NULL,
	"after_event_id" bigint NOT NULL,
	"created_by_sub" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents"."alert_deliveries" ADD CONSTRAINT "alert_deliveries_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "incidents"."alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."alert_deliveries" ADD CONSTRAINT "alert_deliveries_event_id_incident_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "incidents"."incident_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."alert_deliveries" ADD CONSTRAINT "alert_deliveries_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_deliveries_rule_event_idx" ON "incidents"."alert_deliveries" USING btree ("rule_id","event_id");--> statement-breakpoint
CREATE INDEX "alert_deliveries_rule_idx" ON "incidents"."alert_deliveries" USING btree ("rule_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "alert_deliveries_due_idx" ON "incidents"."alert_deliveries" USING btree ("next_attempt_at") WHERE status in ('PENDING', 'FAILED');--> statement-breakpoint
CREATE INDEX "alert_rules_organization_idx" ON "incidents"."alert_rules" USING btree ("organization","created_at","id");--> statement-breakpoint
-- The dispatcher starts at the newest event: alert rules did not exist before, so nothing is owed.
INSERT INTO "incidents"."alert_dispatch_position" ("id", "last_event_id") SELECT 1, coalesce(max("id"), 0) FROM "incidents"."incident_events";
