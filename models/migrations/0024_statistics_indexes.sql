-- The funnel's and the scorecard's steps of a day (statistics/funnel.ts): the daily snapshot job and
-- today's live part of every period figure read one day of each table, not all of it.
CREATE INDEX IF NOT EXISTS "audit_project_status_idx" ON "audit_log" USING btree ("created_at") WHERE "audit_log"."entity_kind" = 'project' and "audit_log"."action" in ('project.status', 'project.resubmitted');--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "projects_created_idx" ON "projects" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "applications_decided_idx" ON "applications" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "incubations_ended_idx" ON "incubations" USING btree ("ended_on");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "introductions_created_idx" ON "introductions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "introductions_decided_idx" ON "introductions" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "introductions_ended_idx" ON "introductions" USING btree ("ended_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "enrollments_created_idx" ON "enrollments" USING btree ("created_at");--> statement-breakpoint
-- A period's sums of a region's or a center's rows (statistics/period-sums.ts) read from the index alone.
CREATE INDEX IF NOT EXISTS "stat_snapshots_period_idx" ON "stat_snapshots" USING btree ("metric", "center_key", "day") INCLUDE ("region_code", "value");
