-- Each project keeps its founders' groups (the policy's priority groups) in its own row, so that
-- investor→projects reads them with the candidate instead of joining founders per candidate. Kept
-- by triggers: on project_founders (links added, moved or removed, also by a founder's or project's
-- deletion cascading) and on founders (their groups edited).
ALTER TABLE "projects" ADD COLUMN "founder_groups" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
CREATE FUNCTION "refresh_founder_groups"(project_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE projects p SET founder_groups = g.groups
  FROM (
    SELECT ids.id, coalesce((
      SELECT array_agg(DISTINCT x::text ORDER BY x::text)
      FROM project_founders pf JOIN founders f ON f.id = pf.founder_id, unnest(f.groups) x
      WHERE pf.project_id = ids.id), '{}'::text[]) AS groups
    FROM unnest(project_ids) AS ids(id)
  ) g
  WHERE p.id = g.id AND p.founder_groups IS DISTINCT FROM g.groups
$$;
--> statement-breakpoint
CREATE FUNCTION "project_founders_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_founder_groups(array(SELECT DISTINCT project_id FROM new_links));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_founder_groups(array(SELECT DISTINCT project_id FROM old_links));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM refresh_founder_groups(array(SELECT project_id FROM new_links UNION SELECT project_id FROM old_links));
  ELSE -- TRUNCATE: no project has founders any more
    UPDATE projects SET founder_groups = '{}' WHERE founder_groups <> '{}';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "project_founders_groups_insert" AFTER INSERT ON "project_founders"
  REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "project_founders_changed"();
--> statement-breakpoint
CREATE TRIGGER "project_founders_groups_update" AFTER UPDATE ON "project_founders"
  REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION "project_founders_changed"();
--> statement-breakpoint
CREATE TRIGGER "project_founders_groups_delete" AFTER DELETE ON "project_founders"
  REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION "project_founders_changed"();
--> statement-breakpoint
CREATE TRIGGER "project_founders_groups_truncate" AFTER TRUNCATE ON "project_founders"
  FOR EACH STATEMENT EXECUTE FUNCTION "project_founders_changed"();
--> statement-breakpoint
-- Row level, and only when `groups` is in the SET list and changed: the embedding job's bulk updates
-- of founders (vectors) never fire it.
CREATE FUNCTION "founder_groups_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_founder_groups(array(SELECT project_id FROM project_founders WHERE founder_id = NEW.id));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "founders_groups_update" AFTER UPDATE OF "groups" ON "founders"
  FOR EACH ROW WHEN (OLD.groups IS DISTINCT FROM NEW.groups) EXECUTE FUNCTION "founder_groups_changed"();
--> statement-breakpoint
-- The projects already there.
SELECT refresh_founder_groups(array(SELECT id FROM projects));
