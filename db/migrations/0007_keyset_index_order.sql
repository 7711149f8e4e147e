DROP INDEX "incidents"."advisories_published_idx";--> statement-breakpoint
DROP INDEX "incidents"."incidents_reported_idx";--> statement-breakpoint
DROP INDEX "incidents"."incidents_reporter_idx";--> statement-breakpoint
DROP INDEX "incidents"."incidents_severity_idx";--> statement-breakpoint
CREATE INDEX "advisories_published_idx" ON "incidents"."advisories" USING btree ("published_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "incidents_reported_idx" ON "incidents"."incidents" USING btree ("reported_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "incidents_reporter_idx" ON "incidents"."incidents" USING btree ("reported_by_org","reported_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "incidents_severity_idx" ON "incidents"."incidents" USING btree ("severity","reported_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);