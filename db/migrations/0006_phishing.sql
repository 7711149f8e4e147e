CREATE TABLE "incidents"."phishing_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"url" text NOT NULL,
	"host" text NOT NULL,
	"targeted_countries" char(2)[] NOT NULL,
	"first_observed_at" timestamp with time zone NOT NULL,
	"last_observed_at" timestamp with time zone NOT NULL,
	"highest_score" double precision NOT NULL,
	"incident_id" uuid,
	"first_reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_reported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents"."phishing_verdicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"reported_url" text NOT NULL,
	"detector" text NOT NULL,
	"score" double precision NOT NULL,
	"label" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"targeted_countries" char(2)[] NOT NULL,
	"reporter_org" text NOT NULL,
	"reporter_sub" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents"."phishing_reports" ADD CONSTRAINT "phishing_reports_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."phishing_verdicts" ADD CONSTRAINT "phishing_verdicts_report_id_phishing_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "incidents"."phishing_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "phishing_reports_url_idx" ON "incidents"."phishing_reports" USING btree ("url");--> statement-breakpoint
CREATE INDEX "phishing_reports_last_reported_idx" ON "incidents"."phishing_reports" USING btree ("last_reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "phishing_verdicts_report_idx" ON "incidents"."phishing_verdicts" USING btree ("report_id","reported_at","id");--> statement-breakpoint
CREATE INDEX "incidents_updated_idx" ON "incidents"."incidents" USING btree ("updated_at","id");