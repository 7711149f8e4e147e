-- Audit entries are append-only at the database too, not only in the API: an UPDATE, DELETE
-- or TRUNCATE of any subgraph's audit_log fails, whoever runs it.
CREATE OR REPLACE FUNCTION "contacts"."audit_log_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only (% on %.%)', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_change" BEFORE UPDATE OR DELETE ON "contacts"."audit_log" FOR EACH ROW EXECUTE FUNCTION "contacts"."audit_log_is_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "contacts"."audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "contacts"."audit_log_is_append_only"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "incidents"."audit_log_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only (% on %.%)', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_change" BEFORE UPDATE OR DELETE ON "incidents"."audit_log" FOR EACH ROW EXECUTE FUNCTION "incidents"."audit_log_is_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "incidents"."audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."audit_log_is_append_only"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "dataflows"."audit_log_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only (% on %.%)', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_change" BEFORE UPDATE OR DELETE ON "dataflows"."audit_log" FOR EACH ROW EXECUTE FUNCTION "dataflows"."audit_log_is_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "dataflows"."audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "dataflows"."audit_log_is_append_only"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "aipolicy"."audit_log_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries are append-only (% on %.%)', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME;
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_log_no_change" BEFORE UPDATE OR DELETE ON "aipolicy"."audit_log" FOR EACH ROW EXECUTE FUNCTION "aipolicy"."audit_log_is_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "aipolicy"."audit_log" FOR EACH STATEMENT EXECUTE FUNCTION "aipolicy"."audit_log_is_append_only"();
