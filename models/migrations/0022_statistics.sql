-- Statistics against the policy's targets (issue 22): the region_admin role, centers' status and level
-- with their history, founders' employment, per-region targets, and the daily snapshot table.
ALTER TYPE "public"."role" ADD VALUE 'region_admin';--> statement-breakpoint
CREATE TYPE "public"."center_level" AS ENUM('national', 'region', 'prefecture', 'county');--> statement-breakpoint
CREATE TYPE "public"."center_status" AS ENUM('planned', 'approved', 'operating', 'suspended', 'closed');--> statement-breakpoint
CREATE TYPE "public"."employment_status" AS ENUM('employed', 'self_employed', 'unemployed', 'studying', 'other');--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "region_code" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "region_code" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centers" ADD COLUMN "status" "center_status" DEFAULT 'operating' NOT NULL;--> statement-breakpoint
ALTER TABLE "centers" ADD COLUMN "status_since" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "centers" ADD COLUMN "level" "center_level";--> statement-breakpoint
-- Existing centers have operated since they were registered.
UPDATE "centers" SET "status_since" = ("created_at" AT TIME ZONE 'UTC')::date;--> statement-breakpoint
ALTER TABLE "founders" ADD COLUMN "employment_status" "employment_status";--> statement-breakpoint
ALTER TABLE "founders" ADD COLUMN "left_school_unemployed" boolean;--> statement-breakpoint
ALTER TABLE "founders" ADD COLUMN "employment_as_of" date;--> statement-breakpoint
CREATE TABLE "center_status_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"center_id" uuid NOT NULL,
	"status" "center_status" NOT NULL,
	"since" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" text
);
--> statement-breakpoint
ALTER TABLE "center_status_history" ADD CONSTRAINT "center_status_history_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "center_status_history_center_idx" ON "center_status_history" USING btree ("center_id","since");--> statement-breakpoint
INSERT INTO "center_status_history" ("id", "center_id", "status", "since", "recorded_by")
  SELECT gen_random_uuid(), "id", 'operating', "status_since", 'migration' FROM "centers";--> statement-breakpoint
CREATE TABLE "region_targets" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"potential_founders" integer NOT NULL,
	"centers" integer,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "region_targets_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
ALTER TABLE "region_targets" ADD CONSTRAINT "region_targets_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "stat_snapshots" (
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"region_code" text NOT NULL,
	"center_key" text DEFAULT '' NOT NULL,
	"value" bigint NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "stat_snapshots_uq" ON "stat_snapshots" USING btree ("metric","region_code","center_key","day");--> statement-breakpoint
CREATE INDEX "stat_snapshots_day_idx" ON "stat_snapshots" USING btree ("day");
--> statement-breakpoint
-- The history is appended by the database, so every way a center is written (API, import, seed) keeps it.
CREATE FUNCTION "center_status_history_append"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW."status" IS DISTINCT FROM OLD."status" OR NEW."status_since" IS DISTINCT FROM OLD."status_since" THEN
    INSERT INTO "center_status_history" ("id", "center_id", "status", "since") VALUES (gen_random_uuid(), NEW."id", NEW."status", NEW."status_since");
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "centers_status_history" AFTER INSERT OR UPDATE OF "status", "status_since" ON "centers"
  FOR EACH ROW EXECUTE FUNCTION "center_status_history_append"();
