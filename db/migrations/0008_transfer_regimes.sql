CREATE TYPE "dataflows"."transfer_circumstance" AS ENUM('CONTRACT_WITH_INDIVIDUAL', 'CROSS_BORDER_HR_MANAGEMENT', 'EMERGENCY', 'FREE_TRADE_ZONE_OFF_NEGATIVE_LIST', 'FOREIGN_DATA_PASSING_THROUGH', 'PROCESSES_ONE_MILLION_PEOPLE');--> statement-breakpoint
CREATE TABLE "dataflows"."transfer_regimes" (
	"id" text PRIMARY KEY NOT NULL,
	"country_code" char(2) NOT NULL,
	"direction" "dataflows"."transfer_direction" NOT NULL,
	"data_categories" "dataflows"."data_category"[] NOT NULL,
	"name" text NOT NULL,
	"summary" text NOT NULL,
	"legal_basis" text NOT NULL,
	"gaps" text[] DEFAULT '{}' NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"source_url" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dataflows"."thresholds" ADD COLUMN "circumstance" "dataflows"."transfer_circumstance";--> statement-breakpoint
ALTER TABLE "dataflows"."thresholds" ADD COLUMN "circumstance_holds" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "dataflows"."transfer_regimes" ADD CONSTRAINT "transfer_regimes_country_code_policies_country_code_fk" FOREIGN KEY ("country_code") REFERENCES "dataflows"."policies"("country_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transfer_regimes_country_idx" ON "dataflows"."transfer_regimes" USING btree ("country_code","effective_from");