CREATE TABLE "incidents"."misp_feed_pulls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feed_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"events_listed" integer NOT NULL,
	"events_fetched" integer NOT NULL,
	"events_imported" integer NOT NULL,
	"error" text,
	"import_ids" uuid[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents"."misp_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org" text NOT NULL,
	"url" text NOT NULL,
	"headers" jsonb NOT NULL,
	"default_tlp" "incidents"."tlp" NOT NULL,
	"shared_with" text[] DEFAULT '{}' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"pull_interval_seconds" integer NOT NULL,
	"next_pull_at" timestamp with time zone DEFAULT now() NOT NULL,
	"leased_until" timestamp with time zone,
	"last_pulled_at" timestamp with time zone,
	"last_error" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"events_imported" integer DEFAULT 0 NOT NULL,
	"created_by_sub" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents"."misp_feed_pulls" ADD CONSTRAINT "misp_feed_pulls_feed_id_misp_feeds_id_fk" FOREIGN KEY ("feed_id") REFERENCES "incidents"."misp_feeds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "misp_feed_pulls_feed_idx" ON "incidents"."misp_feed_pulls" USING btree ("feed_id","started_at");--> statement-breakpoint
CREATE INDEX "misp_feeds_due_idx" ON "incidents"."misp_feeds" USING btree ("next_pull_at");--> statement-breakpoint
CREATE INDEX "misp_feeds_owner_idx" ON "incidents"."misp_feeds" USING btree ("owner_org");