-- Who asked for an introduction: the project side (founders, center, admins, assignment runs; the
-- target decides) or the target itself (an investor asking to meet a vetted project; the project side
-- decides). Existing rows were all asked by the project side.
CREATE TYPE "public"."introduction_initiator" AS ENUM('project', 'target');
--> statement-breakpoint
ALTER TABLE "introductions" ADD COLUMN "initiator" "introduction_initiator" DEFAULT 'project' NOT NULL;
