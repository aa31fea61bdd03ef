-- The center's day-to-day work (issue 20): why a project was vetted or rejected (the founder reads
-- it), since when it waits in the vetting queue, and when staff last nudged a stale introduction or
-- training invitation. Projects already submitted have waited since their last change.
ALTER TABLE "projects" ADD COLUMN "status_reason" text;
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "submitted_at" timestamp with time zone;
--> statement-breakpoint
UPDATE "projects" SET "submitted_at" = "updated_at" WHERE "status" = 'submitted';
--> statement-breakpoint
CREATE INDEX "projects_vetting_queue_idx" ON "projects" USING btree ("center_id","submitted_at") WHERE "status" = 'submitted';
--> statement-breakpoint
ALTER TABLE "introductions" ADD COLUMN "nudged_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "training_invitations" ADD COLUMN "nudged_at" timestamp with time zone;
