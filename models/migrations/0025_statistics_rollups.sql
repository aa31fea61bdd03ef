-- The center that decided an introduction (statistics: the funnel's accepted step, the scorecard's mentors),
-- so a year's figures need not look up each introduction's audit entry. Filled from those entries (else the
-- project's current center, which is what the figures used when no entry was found).
ALTER TABLE "introductions" ADD COLUMN IF NOT EXISTS "decided_center_id" uuid;--> statement-breakpoint
UPDATE "introductions" i SET "decided_center_id" = x.center_id
  FROM (
    SELECT i2.id, CASE WHEN au.found THEN au.center_id ELSE p.center_id END AS center_id
      FROM "introductions" i2
      JOIN "projects" p ON p.id = i2.project_id
      LEFT JOIN LATERAL (
        SELECT true AS found, a.center_id FROM "audit_log" a
         WHERE a.entity_id = i2.id::text AND a.action IN ('introduction.accept', 'introduction.decline')
         ORDER BY a.created_at LIMIT 1
      ) au ON true
     WHERE i2.decided_at IS NOT NULL
  ) x
 WHERE x.id = i.id;--> statement-breakpoint
-- Monthly sums of the daily snapshot rows (models/stat-month-sums/table.ts), kept by statement triggers.
CREATE TABLE IF NOT EXISTS "stat_month_sums" (
	"month" date NOT NULL,
	"metric" text NOT NULL,
	"region_code" text NOT NULL,
	"center_key" text DEFAULT '' NOT NULL,
	"value" bigint NOT NULL
);--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "stat_month_sums_uq" ON "stat_month_sums" USING btree ("metric", "center_key", "month", "region_code") INCLUDE ("value");--> statement-breakpoint
INSERT INTO "stat_month_sums" ("month", "metric", "region_code", "center_key", "value")
SELECT date_trunc('month', "day")::date, "metric", "region_code", "center_key", sum("value")
  FROM "stat_snapshots" WHERE "metric" NOT LIKE 'snapshot:%'
 GROUP BY 1, 2, 3, 4
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Adds a statement's rows (new minus old) to their months; one function for insert, update and delete.
CREATE OR REPLACE FUNCTION "stat_month_sums_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO stat_month_sums (month, metric, region_code, center_key, value)
    SELECT date_trunc('month', day)::date, metric, region_code, center_key, sum(value)
      FROM new_rows WHERE metric NOT LIKE 'snapshot:%' GROUP BY 1, 2, 3, 4
    ON CONFLICT (metric, center_key, month, region_code) DO UPDATE SET value = stat_month_sums.value + excluded.value;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO stat_month_sums (month, metric, region_code, center_key, value)
    SELECT date_trunc('month', day)::date, metric, region_code, center_key, -sum(value)
      FROM old_rows WHERE metric NOT LIKE 'snapshot:%' GROUP BY 1, 2, 3, 4
    ON CONFLICT (metric, center_key, month, region_code) DO UPDATE SET value = stat_month_sums.value + excluded.value;
  ELSE
    INSERT INTO stat_month_sums (month, metric, region_code, center_key, value)
    SELECT month, metric, region_code, center_key, sum(value) FROM (
      SELECT date_trunc('month', day)::date AS month, metric, region_code, center_key, value FROM new_rows
      UNION ALL
      SELECT date_trunc('month', day)::date, metric, region_code, center_key, -value FROM old_rows
    ) d WHERE metric NOT LIKE 'snapshot:%' GROUP BY 1, 2, 3, 4
    ON CONFLICT (metric, center_key, month, region_code) DO UPDATE SET value = stat_month_sums.value + excluded.value;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER IF EXISTS "stat_month_sums_insert" ON "stat_snapshots";--> statement-breakpoint
CREATE TRIGGER "stat_month_sums_insert" AFTER INSERT ON "stat_snapshots"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_month_sums_apply"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "stat_month_sums_update" ON "stat_snapshots";--> statement-breakpoint
CREATE TRIGGER "stat_month_sums_update" AFTER UPDATE ON "stat_snapshots"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_month_sums_apply"();--> statement-breakpoint
DROP TRIGGER IF EXISTS "stat_month_sums_delete" ON "stat_snapshots";--> statement-breakpoint
CREATE TRIGGER "stat_month_sums_delete" AFTER DELETE ON "stat_snapshots"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "stat_month_sums_apply"();
