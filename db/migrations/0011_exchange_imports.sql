CREATE TYPE "incidents"."exchange_import_state" AS ENUM('RECEIVING', 'QUEUED', 'COMPLETE');--> statement-breakpoint
ALTER TYPE "incidents"."indicator_type" ADD VALUE 'FILE_SHA1';--> statement-breakpoint
ALTER TYPE "incidents"."indicator_type" ADD VALUE 'FILE_SHA512';--> statement-breakpoint
CREATE TABLE "incidents"."exchange_import_parts" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"objects" jsonb NOT NULL,
	CONSTRAINT "exchange_import_parts_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "incidents"."exchange_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org" text NOT NULL,
	"submitted_by_sub" text NOT NULL,
	"submitted_by_roles" text[] NOT NULL,
	"channel" text NOT NULL,
	"format" text NOT NULL,
	"state" "incidents"."exchange_import_state" NOT NULL,
	"default_tlp" "incidents"."tlp",
	"shared_with" text[] DEFAULT '{}' NOT NULL,
	"total_count" integer NOT NULL,
	"outcome" jsonb,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incidents"."exchange_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org" text NOT NULL,
	"external_id" text NOT NULL,
	"external_type" text NOT NULL,
	"version" timestamp with time zone,
	"kind" text NOT NULL,
	"record_ids" uuid[] DEFAULT '{}' NOT NULL,
	"tlp" "incidents"."tlp" NOT NULL,
	"object" jsonb,
	"import_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents"."advisories" ADD COLUMN "provenance" jsonb;--> statement-breakpoint
ALTER TABLE "incidents"."indicators" ADD COLUMN "for_detection" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents"."indicators" ADD COLUMN "provenance" jsonb;--> statement-breakpoint
ALTER TABLE "incidents"."exchange_import_parts" ADD CONSTRAINT "exchange_import_parts_import_id_exchange_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "incidents"."exchange_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."exchange_objects" ADD CONSTRAINT "exchange_objects_import_id_exchange_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "incidents"."exchange_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_imports_owner_idx" ON "incidents"."exchange_imports" USING btree ("owner_org","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_objects_owner_external_idx" ON "incidents"."exchange_objects" USING btree ("owner_org","external_id");