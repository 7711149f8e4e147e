CREATE TABLE "contacts"."asean_dialogue_partners" (
	"country_code" char(2) PRIMARY KEY NOT NULL,
	"relations_since" integer NOT NULL,
	"full_dialogue_partner_since" integer,
	"source_url" text NOT NULL,
	"partnership_level" text NOT NULL,
	"partnership_agreed_on" date NOT NULL,
	"partnership_source_url" text NOT NULL,
	CONSTRAINT "asean_dialogue_partners_years" CHECK ("contacts"."asean_dialogue_partners"."relations_since" between 1967 and 2100),
	CONSTRAINT "asean_dialogue_partners_full_after_start" CHECK ("contacts"."asean_dialogue_partners"."full_dialogue_partner_since" is null or "contacts"."asean_dialogue_partners"."full_dialogue_partner_since" >= "contacts"."asean_dialogue_partners"."relations_since")
);
--> statement-breakpoint
CREATE TABLE "contacts"."organization_names" (
	"organization_id" text NOT NULL,
	"language" text NOT NULL,
	"name" text NOT NULL,
	"source_url" text NOT NULL,
	CONSTRAINT "organization_names_organization_id_language_pk" PRIMARY KEY("organization_id","language"),
	CONSTRAINT "organization_names_language_tag" CHECK ("contacts"."organization_names"."language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$')
);
--> statement-breakpoint
ALTER TABLE "dataflows"."comparison_rows" ADD COLUMN "a_clause_unknown_reason" text;--> statement-breakpoint
ALTER TABLE "dataflows"."comparison_rows" ADD COLUMN "b_clause_unknown_reason" text;--> statement-breakpoint
-- Hand-written (issue #22): rows seeded before this migration carry no reason for a null clause
-- reference; give them one so that the constraints below hold on existing databases too.
UPDATE "dataflows"."comparison_rows" SET "a_clause_unknown_reason" = 'Not verified against the text (recorded before the reasons were kept).' WHERE "a_clause" IS NULL;--> statement-breakpoint
UPDATE "dataflows"."comparison_rows" SET "b_clause_unknown_reason" = 'Not verified against the text (recorded before the reasons were kept).' WHERE "b_clause" IS NULL;--> statement-breakpoint
ALTER TABLE "contacts"."asean_dialogue_partners" ADD CONSTRAINT "asean_dialogue_partners_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "contacts"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts"."organization_names" ADD CONSTRAINT "organization_names_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "contacts"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataflows"."comparison_rows" ADD CONSTRAINT "comparison_rows_a_reference" CHECK (("dataflows"."comparison_rows"."a_clause" is null) <> ("dataflows"."comparison_rows"."a_clause_unknown_reason" is null));--> statement-breakpoint
ALTER TABLE "dataflows"."comparison_rows" ADD CONSTRAINT "comparison_rows_b_reference" CHECK (("dataflows"."comparison_rows"."b_clause" is null) <> ("dataflows"."comparison_rows"."b_clause_unknown_reason" is null));