CREATE SCHEMA "aipolicy";
--> statement-breakpoint
CREATE TYPE "aipolicy"."forum_kind" AS ENUM('UN', 'REGIONAL', 'PLURILATERAL', 'OTHER');--> statement-breakpoint
CREATE TYPE "aipolicy"."instrument_kind" AS ENUM('LAW', 'REGULATION', 'STRATEGY', 'GUIDELINE', 'STANDARD', 'INITIATIVE');--> statement-breakpoint
CREATE TYPE "aipolicy"."instrument_status" AS ENUM('DRAFT', 'ANNOUNCED', 'PUBLISHED', 'ADOPTED', 'IN_FORCE', 'SUPERSEDED', 'REPEALED');--> statement-breakpoint
CREATE TYPE "aipolicy"."mapping_relation" AS ENUM('EQUIVALENT', 'OVERLAPS', 'RELATED');--> statement-breakpoint
CREATE TYPE "aipolicy"."stance" AS ENUM('SUPPORTS', 'SUPPORTS_WITH_RESERVATIONS', 'NEUTRAL', 'OPPOSES', 'NO_STATED_POSITION');--> statement-breakpoint
CREATE TABLE "aipolicy"."audit_log" (
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
CREATE TABLE "aipolicy"."countries" (
	"code" char(2) PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aipolicy"."country_delegates" (
	"country_code" char(2) NOT NULL,
	"organization_id" text NOT NULL,
	CONSTRAINT "country_delegates_country_code_organization_id_pk" PRIMARY KEY("country_code","organization_id")
);
--> statement-breakpoint
CREATE TABLE "aipolicy"."forums" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "aipolicy"."forum_kind" NOT NULL,
	"description" text NOT NULL,
	"website" text
);
--> statement-breakpoint
CREATE TABLE "aipolicy"."frameworks" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"publisher" text NOT NULL,
	"adopted_on" date,
	"source_title" text NOT NULL,
	"source_url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aipolicy"."instrument_topics" (
	"instrument_id" text NOT NULL,
	"topic_slug" text NOT NULL,
	CONSTRAINT "instrument_topics_instrument_id_topic_slug_pk" PRIMARY KEY("instrument_id","topic_slug")
);
--> statement-breakpoint
CREATE TABLE "aipolicy"."policy_instruments" (
	"id" text PRIMARY KEY NOT NULL,
	"country_code" char(2),
	"title" text NOT NULL,
	"kind" "aipolicy"."instrument_kind" NOT NULL,
	"status" "aipolicy"."instrument_status" NOT NULL,
	"adopted_on" date,
	"issuing_organization_id" text,
	"issuing_body" text,
	"summary" text NOT NULL,
	"source_title" text NOT NULL,
	"source_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aipolicy"."policy_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" char(2) NOT NULL,
	"topic_slug" text NOT NULL,
	"forum_slug" text,
	"stance" "aipolicy"."stance" NOT NULL,
	"summary" text NOT NULL,
	"stated_on" date NOT NULL,
	"source_title" text NOT NULL,
	"source_url" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text NOT NULL,
	"superseded_at" timestamp with time zone,
	"superseded_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "aipolicy"."principle_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_principle_id" text NOT NULL,
	"to_principle_id" text NOT NULL,
	"relation" "aipolicy"."mapping_relation" NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aipolicy"."principles" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_slug" text NOT NULL,
	"ordinal" integer NOT NULL,
	"reference" text,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"stated_on" date,
	"source_title" text NOT NULL,
	"source_url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aipolicy"."topics" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "aipolicy"."country_delegates" ADD CONSTRAINT "country_delegates_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "aipolicy"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aipolicy"."instrument_topics" ADD CONSTRAINT "instrument_topics_instrument_id_policy_instruments_id_fk" FOREIGN KEY ("instrument_id") REFERENCES "aipolicy"."policy_instruments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aipolicy"."instrument_topics" ADD CONSTRAINT "instrument_topics_topic_slug_topics_slug_fk" FOREIGN KEY ("topic_slug") REFERENCES "aipolicy"."topics"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aipolicy"."policy_instruments" ADD CONSTRAINT "policy_instruments_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "aipolicy"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aipolicy"."policy_positions" ADD CONSTRAINT "policy_positions_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "aipolicy"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aipolicy"."policy_positions" ADD CONSTRAINT "policy_positions_topic_slug_topics_slug_fk" FOREIGN KEY ("topic_slug") REFERENCES "aipolicy"."topics"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aipolicy"."policy_positions" ADD CONSTRAINT "policy_positions_forum_slug_forums_slug_fk" FOREIGN KEY ("forum_slug") REFERENCES "aipolicy"."forums"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aipolicy"."principle_mappings" ADD CONSTRAINT "principle_mappings_from_principle_id_principles_id_fk" FOREIGN KEY ("from_principle_id") REFERENCES "aipolicy"."principles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aipolicy"."principle_mappings" ADD CONSTRAINT "principle_mappings_to_principle_id_principles_id_fk" FOREIGN KEY ("to_principle_id") REFERENCES "aipolicy"."principles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aipolicy"."principles" ADD CONSTRAINT "principles_framework_slug_frameworks_slug_fk" FOREIGN KEY ("framework_slug") REFERENCES "aipolicy"."frameworks"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "aipolicy"."audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "country_delegates_organization_idx" ON "aipolicy"."country_delegates" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "instrument_topics_topic_idx" ON "aipolicy"."instrument_topics" USING btree ("topic_slug");--> statement-breakpoint
CREATE INDEX "policy_instruments_adopted_idx" ON "aipolicy"."policy_instruments" USING btree (coalesce("adopted_on", '0001-01-01'::date),"id");--> statement-breakpoint
CREATE INDEX "policy_instruments_country_idx" ON "aipolicy"."policy_instruments" USING btree ("country_code");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_positions_current_key" ON "aipolicy"."policy_positions" USING btree ("country_code","topic_slug",coalesce("forum_slug", '')) WHERE "aipolicy"."policy_positions"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "policy_positions_current_topic_idx" ON "aipolicy"."policy_positions" USING btree ("topic_slug","forum_slug","country_code") WHERE "aipolicy"."policy_positions"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "policy_positions_history_idx" ON "aipolicy"."policy_positions" USING btree ("country_code","topic_slug","forum_slug","stated_on");--> statement-breakpoint
CREATE INDEX "policy_positions_stated_on_idx" ON "aipolicy"."policy_positions" USING btree ("stated_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "principle_mappings_pair_key" ON "aipolicy"."principle_mappings" USING btree (least("from_principle_id", "to_principle_id"),greatest("from_principle_id", "to_principle_id"));--> statement-breakpoint
CREATE INDEX "principle_mappings_to_idx" ON "aipolicy"."principle_mappings" USING btree ("to_principle_id");--> statement-breakpoint
CREATE UNIQUE INDEX "principles_framework_ordinal_key" ON "aipolicy"."principles" USING btree ("framework_slug","ordinal");