-- Deleting a record with history (introductions; for trainings, enrolments) archives it instead of
-- wiping it: the row stays for statistics and the learned feedback, out of every scope but admins'.
ALTER TABLE "mentors" ADD COLUMN "archived_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "investors" ADD COLUMN "archived_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "archived_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "archived_at" timestamp with time zone;
--> statement-breakpoint
-- Why an introduction ended when nobody ended it by hand (e.g. `mentor_removed`), for the other side to see.
ALTER TABLE "introductions" ADD COLUMN "end_reason" text;
