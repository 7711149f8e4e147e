-- Hand-written (drizzle-kit does not generate triggers): every committed change to a subgraph's
-- tables leaves one row in that subgraph's data_changes, written in the same transaction, so the
-- gateway's response cache learns of it (docs/architecture.md, "Response cache").
--
-- A deferred constraint trigger on every table of the four schemas runs at commit time, after
-- every statement of the transaction: it takes a transaction-scoped advisory lock (one per schema)
-- and appends or extends the transaction's row. Ids are therefore assigned in commit order (as the
-- incidents outbox does), so "the highest id" is a data version: once id N is visible, every change
-- with a smaller id is too. The NOTIFY (payload "<schema>:<id>") is delivered only if the
-- transaction commits.
--
-- A table added by a later migration gets the trigger when `migrate()` (db/src/database.ts) ends by
-- calling `"public"."cadg_announce_changes"` for every schema (test/e2e/response-cache-changes.test.ts
-- fails while a table lacks it).
CREATE TABLE "contacts"."data_changes" ("id" bigserial PRIMARY KEY, "tx" xid8 NOT NULL UNIQUE, "committed_at" timestamptz NOT NULL DEFAULT now(), "entities" jsonb NOT NULL DEFAULT '[]'::jsonb);--> statement-breakpoint
CREATE TABLE "incidents"."data_changes" ("id" bigserial PRIMARY KEY, "tx" xid8 NOT NULL UNIQUE, "committed_at" timestamptz NOT NULL DEFAULT now(), "entities" jsonb NOT NULL DEFAULT '[]'::jsonb);--> statement-breakpoint
CREATE TABLE "dataflows"."data_changes" ("id" bigserial PRIMARY KEY, "tx" xid8 NOT NULL UNIQUE, "committed_at" timestamptz NOT NULL DEFAULT now(), "entities" jsonb NOT NULL DEFAULT '[]'::jsonb);--> statement-breakpoint
CREATE TABLE "aipolicy"."data_changes" ("id" bigserial PRIMARY KEY, "tx" xid8 NOT NULL UNIQUE, "committed_at" timestamptz NOT NULL DEFAULT now(), "entities" jsonb NOT NULL DEFAULT '[]'::jsonb);--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."cadg_announce_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- What this transaction has already announced in this schema, kept in a transaction-local
  -- setting (rolled back with the transaction or savepoint that wrote the row, like the row):
  -- the count, then each entity's JSON text, each followed by a newline (JSON text never holds
  -- one); empty before the first row. So a bulk write upserts at most once per distinct entity up
  -- to the cap of 100, and notifies once: 10,000 rows cost ~100 upserts, not 10,000.
  setting text := 'cadg.announced.' || TG_TABLE_SCHEMA;
  announced text := coalesce(current_setting(setting, true), '');
  seen integer := CASE WHEN announced = '' THEN 0 ELSE split_part(announced, chr(10), 1)::integer END;
  changed jsonb;
  entity jsonb;
  change_id bigint;
BEGIN
  IF seen >= 100 THEN
    RETURN NULL;
  END IF;
  changed := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
  -- Audit rows name the GraphQL type and id they are about; other rows give their table and key.
  entity := CASE WHEN TG_TABLE_NAME = 'audit_log'
    THEN jsonb_build_object('type', changed ->> 'target_type', 'id', changed ->> 'target_id')
    ELSE jsonb_build_object('table', TG_TABLE_NAME, 'id', coalesce(changed ->> 'id', changed ->> 'code'))
  END;
  IF seen > 0 AND strpos(announced, chr(10) || entity::text || chr(10)) > 0 THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(4242015, hashtext(TG_TABLE_SCHEMA));
  EXECUTE format(
    'INSERT INTO %I.data_changes AS c (tx, entities) VALUES (pg_current_xact_id(), jsonb_build_array($1))
     ON CONFLICT (tx) DO UPDATE SET entities = CASE
       WHEN jsonb_array_length(c.entities) >= 100 OR c.entities @> jsonb_build_array($1) THEN c.entities
       ELSE c.entities || jsonb_build_array($1) END
     RETURNING id',
    TG_TABLE_SCHEMA) INTO change_id USING entity;
  -- "<schema>:<id>", the data version once delivered (after the commit, in commit order), sent
  -- with the transaction's first row: its id never changes afterwards.
  IF seen = 0 THEN
    PERFORM pg_notify('cadg_data_changes', TG_TABLE_SCHEMA || ':' || change_id);
  END IF;
  PERFORM set_config(setting,
    (seen + 1)::text || CASE WHEN seen = 0 THEN chr(10) ELSE substr(announced, strpos(announced, chr(10))) END
      || entity::text || chr(10),
    true);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "public"."cadg_announce_changes"(target_schema text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    -- alert_dispatch_position is the alert dispatcher's own cursor, read by no query: announcing it
    -- would end every cached incidents answer a moment after each event for nothing.
    WHERE n.nspname = target_schema AND c.relkind IN ('r', 'p')
      AND c.relname NOT IN ('data_changes', 'alert_dispatch_position')
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'announce_change')
  LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER announce_change AFTER INSERT OR UPDATE OR DELETE ON %I.%I
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "public"."cadg_announce_change"()',
      target_schema, t.relname);
  END LOOP;
END
$$;--> statement-breakpoint
SELECT "public"."cadg_announce_changes"('contacts');--> statement-breakpoint
SELECT "public"."cadg_announce_changes"('incidents');--> statement-breakpoint
SELECT "public"."cadg_announce_changes"('dataflows');--> statement-breakpoint
SELECT "public"."cadg_announce_changes"('aipolicy');
