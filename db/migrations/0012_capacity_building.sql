CREATE TYPE "contacts"."tlp" AS ENUM('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED');--> statement-breakpoint
CREATE TABLE "contacts"."activity_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" text NOT NULL,
	"organization_id" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts"."activity_cancellations" (
	"activity_id" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"cancelled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts"."activity_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" text NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"language" text NOT NULL,
	"tlp" "contacts"."tlp" NOT NULL,
	"added_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts"."after_action_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" text NOT NULL,
	"position" integer NOT NULL,
	"action" text NOT NULL,
	"owner_organization_id" text NOT NULL,
	"due_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts"."after_action_reports" (
	"activity_id" text PRIMARY KEY NOT NULL,
	"scenario_summary" text NOT NULL,
	"findings" text[] DEFAULT '{}' NOT NULL,
	"tlp" "contacts"."tlp" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts"."after_action_teams" (
	"activity_id" text NOT NULL,
	"organization_id" text NOT NULL,
	CONSTRAINT "after_action_teams_activity_id_organization_id_pk" PRIMARY KEY("activity_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "contacts"."activities" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts"."activity_attendees" ADD CONSTRAINT "activity_attendees_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "contacts"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."activity_attendees" ADD CONSTRAINT "activity_attendees_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "contacts"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."activity_cancellations" ADD CONSTRAINT "activity_cancellations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "contacts"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."activity_materials" ADD CONSTRAINT "activity_materials_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "contacts"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."after_action_follow_ups" ADD CONSTRAINT "after_action_follow_ups_activity_id_after_action_reports_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "contacts"."after_action_reports"("activity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."after_action_follow_ups" ADD CONSTRAINT "after_action_follow_ups_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "contacts"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."after_action_reports" ADD CONSTRAINT "after_action_reports_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "contacts"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."after_action_teams" ADD CONSTRAINT "after_action_teams_activity_id_after_action_reports_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "contacts"."after_action_reports"("activity_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."after_action_teams" ADD CONSTRAINT "after_action_teams_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "contacts"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_attendees_email_idx" ON "contacts"."activity_attendees" USING btree ("activity_id",lower("email"));--> statement-breakpoint
CREATE INDEX "activity_attendees_org_idx" ON "contacts"."activity_attendees" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "activity_materials_activity_idx" ON "contacts"."activity_materials" USING btree ("activity_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "after_action_follow_ups_position_idx" ON "contacts"."after_action_follow_ups" USING btree ("activity_id","position");