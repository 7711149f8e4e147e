ALTER TYPE "incidents"."incident_event_type" ADD VALUE 'ADVISORY_PUBLISHED';--> statement-breakpoint
CREATE TABLE "contacts"."verification_pings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"sent_to" text NOT NULL,
	"requested_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"send_error" text,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"verification_id" uuid,
	CONSTRAINT "verification_pings_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "incidents"."incident_events" ALTER COLUMN "incident_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents"."alert_deliveries" ADD COLUMN "advisory_id" uuid;--> statement-breakpoint
ALTER TABLE "incidents"."incident_events" ADD COLUMN "advisory_id" uuid;--> statement-breakpoint
ALTER TABLE "contacts"."verification_pings" ADD CONSTRAINT "verification_pings_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "contacts"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."verification_pings" ADD CONSTRAINT "verification_pings_verification_id_contact_verifications_id_fk" FOREIGN KEY ("verification_id") REFERENCES "contacts"."contact_verifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "verification_pings_open_idx" ON "contacts"."verification_pings" USING btree ("contact_id") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "verification_pings_contact_idx" ON "contacts"."verification_pings" USING btree ("contact_id","created_at");--> statement-breakpoint
ALTER TABLE "incidents"."alert_deliveries" ADD CONSTRAINT "alert_deliveries_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "incidents"."advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."incident_events" ADD CONSTRAINT "incident_events_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "incidents"."advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."incident_events" ADD CONSTRAINT "incident_events_one_subject" CHECK ((incident_id is null) <> (advisory_id is null));