-- A project's life in a center (issue 21): admission forms, applications and their reviews and
-- decisions, incubations ending in graduation or exit, and monthly outcomes.
--
-- project_status grows by incubating, graduated and exited. `ALTER TYPE ... ADD VALUE` cannot be used
-- by the transaction that adds it, and drizzle's migrator applies every pending migration in one
-- transaction (breakpoints do not commit), so the data migration below could not set `incubating`.
-- The type is recreated instead (a type created in the same transaction is usable at once): partial
-- indexes whose predicate compares status are dropped first and rebuilt on the new type.
DROP INDEX IF EXISTS "projects_vetted_sector_idx";
--> statement-breakpoint
DROP INDEX IF EXISTS "projects_vetting_queue_idx";
--> statement-breakpoint
ALTER TYPE "public"."project_status" RENAME TO "project_status_before_0020";
--> statement-breakpoint
CREATE TYPE "public"."project_status" AS ENUM('draft', 'submitted', 'vetted', 'rejected', 'incubating', 'graduated', 'exited');
--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "status" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "status" TYPE "public"."project_status" USING "status"::text::"public"."project_status";
--> statement-breakpoint
ALTER TABLE "projects" ALTER COLUMN "status" SET DEFAULT 'draft';
--> statement-breakpoint
DROP TYPE "public"."project_status_before_0020";
--> statement-breakpoint
-- investor→projects reads reviewed projects (REVIEWED_STATUSES in models/enums.ts).
CREATE INDEX "projects_reviewed_sector_idx" ON "projects" USING btree ("sector","stage") WHERE "projects"."status" in ('vetted', 'incubating', 'graduated');
--> statement-breakpoint
CREATE INDEX "projects_vetting_queue_idx" ON "projects" USING btree ("center_id","submitted_at") WHERE "status" = 'submitted';
--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('submitted', 'decided', 'withdrawn');
--> statement-breakpoint
CREATE TYPE "public"."recommendation" AS ENUM('admit', 'waitlist', 'reject');
--> statement-breakpoint
CREATE TYPE "public"."admission_decision" AS ENUM('admitted', 'waitlisted', 'rejected');
--> statement-breakpoint
CREATE TYPE "public"."incubation_end" AS ENUM('graduated', 'exited');
--> statement-breakpoint
CREATE TYPE "public"."exit_reason" AS ENUM('relocated', 'closed', 'merged', 'expelled', 'other');
--> statement-breakpoint
CREATE TABLE "admission_forms" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"questions" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"scale" integer DEFAULT 5 NOT NULL,
	"min_reviews" integer DEFAULT 2 NOT NULL,
	"planned_months" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "admission_forms" ADD CONSTRAINT "admission_forms_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"wanted" text,
	"status" "application_status" DEFAULT 'submitted' NOT NULL,
	"submitted_by" text,
	"decision" "admission_decision",
	"reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "applications_center_idx" ON "applications" USING btree ("center_id","status");
--> statement-breakpoint
CREATE INDEX "applications_project_idx" ON "applications" USING btree ("project_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "applications_open_uq" ON "applications" USING btree ("project_id","center_id") WHERE status = 'submitted';
--> statement-breakpoint
CREATE TABLE "application_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer" text NOT NULL,
	"scores" jsonb NOT NULL,
	"recommendation" "recommendation" NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_reviews" ADD CONSTRAINT "application_reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "application_reviews_reviewer_uq" ON "application_reviews" USING btree ("application_id","reviewer");
--> statement-breakpoint
CREATE TABLE "incubations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"application_id" uuid,
	"started_on" date NOT NULL,
	"planned_months" integer NOT NULL,
	"ended_on" date,
	"end" "incubation_end",
	"exit_reason" "exit_reason",
	"note" text,
	"criteria_met" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incubations" ADD CONSTRAINT "incubations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "incubations" ADD CONSTRAINT "incubations_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "incubations" ADD CONSTRAINT "incubations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "incubations_center_idx" ON "incubations" USING btree ("center_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "incubations_running_uq" ON "incubations" USING btree ("project_id") WHERE ended_on is null;
--> statement-breakpoint
CREATE TABLE "project_outcomes" (
	"project_id" uuid NOT NULL,
	"period" text NOT NULL,
	"employees" integer NOT NULL,
	"graduates_hired" integer NOT NULL,
	"local_hires" integer NOT NULL,
	"revenue_cny" integer NOT NULL,
	"funding_raised_cny" integer NOT NULL,
	"funding_sources" text,
	"ip_filings" integer NOT NULL,
	"registered_enterprise" boolean DEFAULT false NOT NULL,
	"entered_by" text,
	"locked_at" timestamp with time zone,
	"locked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_outcomes_project_id_period_pk" PRIMARY KEY("project_id","period")
);
--> statement-breakpoint
ALTER TABLE "project_outcomes" ADD CONSTRAINT "project_outcomes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Today's vetted projects of a center were admitted by it: each gets an admitted application, a
-- running incubation from its last change, and the status `incubating` (their introductions stay).
INSERT INTO "applications" ("id", "project_id", "center_id", "answers", "status", "decision", "reason", "decided_at", "decided_by", "created_at", "updated_at")
SELECT gen_random_uuid(), p."id", p."center_id", '{}'::jsonb, 'decided', 'admitted',
       'migrated from vetting / 由原审核通过迁移', p."updated_at", 'migration:0020', p."updated_at", p."updated_at"
FROM "projects" p WHERE p."status" = 'vetted' AND p."center_id" IS NOT NULL;
--> statement-breakpoint
INSERT INTO "incubations" ("id", "project_id", "center_id", "application_id", "started_on", "planned_months")
SELECT gen_random_uuid(), a."project_id", a."center_id", a."id", (a."decided_at" AT TIME ZONE 'Asia/Shanghai')::date, 24
FROM "applications" a WHERE a."decided_by" = 'migration:0020';
--> statement-breakpoint
INSERT INTO "audit_log" ("id", "actor", "action", "entity_kind", "entity_id", "center_id", "detail")
SELECT gen_random_uuid(), 'system', 'project.status', 'project', a."project_id"::text, a."center_id",
       jsonb_build_object('from', 'vetted', 'to', 'incubating', 'applicationId', a."id", 'migration', '0020')
FROM "applications" a WHERE a."decided_by" = 'migration:0020';
--> statement-breakpoint
UPDATE "projects" SET "status" = 'incubating' WHERE "status" = 'vetted' AND "center_id" IS NOT NULL;
