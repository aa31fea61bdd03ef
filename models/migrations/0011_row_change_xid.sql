-- The in-memory candidate index (src/matching/candidate-index.ts) reloads only the rows written since
-- its last refresh. Each candidate table's rows carry the id of the transaction that last wrote them,
-- set by a row trigger (so writes from workers and psql count too) and indexed for the range read.
-- Rows written before this migration have none: the index reads them in its first, full load.
-- Not in the drizzle schema: no API reads or writes it.
CREATE FUNCTION "stamp_changed_xid"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.changed_xid := pg_current_xact_id();
  RETURN NEW;
END
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['founders', 'projects', 'mentors', 'investors', 'trainings', 'services'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN "changed_xid" xid8', t);
    EXECUTE format('CREATE INDEX %I ON %I ("changed_xid")', t || '_changed_xid_idx', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION "stamp_changed_xid"()', t || '_changed_xid', t);
  END LOOP;
END
$$;
