CREATE TABLE "incidents"."advisory_sharing_groups" (
	"advisory_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advisory_sharing_groups_advisory_id_group_id_pk" PRIMARY KEY("advisory_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "incidents"."incident_sharing_groups" (
	"incident_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_sharing_groups_incident_id_group_id_pk" PRIMARY KEY("incident_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "incidents"."sharing_group_members" (
	"group_id" uuid NOT NULL,
	"organization_id" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sharing_group_members_group_id_organization_id_pk" PRIMARY KEY("group_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "incidents"."sharing_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"owner_org" text NOT NULL,
	"created_by_sub" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents"."advisory_sharing_groups" ADD CONSTRAINT "advisory_sharing_groups_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "incidents"."advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."advisory_sharing_groups" ADD CONSTRAINT "advisory_sharing_groups_group_id_sharing_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "incidents"."sharing_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."incident_sharing_groups" ADD CONSTRAINT "incident_sharing_groups_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."incident_sharing_groups" ADD CONSTRAINT "incident_sharing_groups_group_id_sharing_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "incidents"."sharing_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."sharing_group_members" ADD CONSTRAINT "sharing_group_members_group_id_sharing_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "incidents"."sharing_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advisory_sharing_groups_group_idx" ON "incidents"."advisory_sharing_groups" USING btree ("group_id","advisory_id");--> statement-breakpoint
CREATE INDEX "incident_sharing_groups_group_idx" ON "incidents"."incident_sharing_groups" USING btree ("group_id","incident_id");--> statement-breakpoint
CREATE INDEX "sharing_group_members_org_idx" ON "incidents"."sharing_group_members" USING btree ("organization_id","group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sharing_groups_owner_name_idx" ON "incidents"."sharing_groups" USING btree ("owner_org",lower("name"));--> statement-breakpoint
-- Hand-written: the sharing-group tables announce their changes to the response cache like every
-- other table of the schema (migration 0015, when it has been applied before this one; otherwise
-- 0015's own pass over the schema covers them).
DO $$ BEGIN
  IF to_regproc('public.cadg_announce_changes') IS NOT NULL THEN
    PERFORM "public"."cadg_announce_changes"('incidents');
  END IF;
END $$;
