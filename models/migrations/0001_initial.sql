CREATE TYPE "public"."center_kind" AS ENUM('makerspace', 'star_base', 'incubator', 'youth_center', 'employment_center', 'ecommerce_county', 'park', 'university', 'vocational_school', 'soe', 'other');--> statement-breakpoint
CREATE TYPE "public"."embedding_status" AS ENUM('pending', 'ready', 'failed');--> statement-breakpoint
CREATE TYPE "public"."founder_group" AS ENUM('graduate', 'student', 'researcher', 'high_level_talent', 'veteran', 'ich_inheritor', 'farmer_herder', 'other');--> statement-breakpoint
CREATE TYPE "public"."introduction_status" AS ENUM('requested', 'accepted', 'declined', 'ended');--> statement-breakpoint
CREATE TYPE "public"."introduction_target" AS ENUM('mentor', 'investor');--> statement-breakpoint
CREATE TYPE "public"."investor_kind" AS ENUM('angel', 'vc', 'guarantee', 'bank', 'inclusive_finance', 'gov_fund', 'soe_fund');--> statement-breakpoint
CREATE TYPE "public"."lang" AS ENUM('zh', 'bo', 'en');--> statement-breakpoint
CREATE TYPE "public"."project_status" AS ENUM('draft', 'submitted', 'vetted', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."provider_kind" AS ENUM('university', 'vocational_school', 'training_base', 'master_studio', 'market_org', 'enterprise', 'cooperative', 'out_of_region');--> statement-breakpoint
CREATE TYPE "public"."region_level" AS ENUM('region', 'prefecture', 'county');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'center_staff', 'founder', 'mentor', 'investor', 'trainer');--> statement-breakpoint
CREATE TYPE "public"."run_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sector" AS ENUM('plateau_biology', 'culture_tourism', 'green_industry', 'clean_energy', 'modern_services', 'digital_tech', 'border_trade_logistics', 'other');--> statement-breakpoint
CREATE TYPE "public"."stage" AS ENUM('idea', 'prototype', 'early_revenue', 'growth');--> statement-breakpoint
CREATE TYPE "public"."topic" AS ENUM('project_planning', 'rnd_design', 'registration', 'finance_tax', 'legal', 'tech_intermediary', 'ip', 'tech_transfer', 'certification', 'policy', 'coaching', 'seed_funding', 'loans', 'marketing', 'ecommerce', 'fundraising', 'management', 'digital_skills');--> statement-breakpoint
CREATE TYPE "public"."training_mode" AS ENUM('onsite', 'online', 'enclave');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"role" "role" NOT NULL,
	"subject_id" text,
	"center_id" uuid,
	"label" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "assignment_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"center_id" uuid NOT NULL,
	"status" "run_status" DEFAULT 'queued' NOT NULL,
	"input" jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"created_by" text,
	"published_at" timestamp with time zone,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_kind" text NOT NULL,
	"entity_id" text,
	"center_id" uuid,
	"detail" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "centers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"kind" "center_kind" NOT NULL,
	"operator" text,
	"pilot" boolean DEFAULT false NOT NULL,
	CONSTRAINT "centers_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "embeddings" (
	"entity_kind" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"status" "embedding_status" DEFAULT 'pending' NOT NULL,
	"content_hash" text NOT NULL,
	"model" text,
	"dimensions" integer,
	"embedding" vector,
	"lexical" "tsvector",
	"inferred_topics" jsonb,
	"inferred_sectors" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"embed_count" integer DEFAULT 0 NOT NULL,
	"error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "embeddings_entity_kind_entity_id_pk" PRIMARY KEY("entity_kind","entity_id")
);
--> statement-breakpoint
CREATE TABLE "enrollments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"training_id" uuid NOT NULL,
	"founder_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrollments_training_founder_uq" UNIQUE("training_id","founder_id")
);
--> statement-breakpoint
CREATE TABLE "founders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"groups" "founder_group"[] NOT NULL,
	"region_code" text NOT NULL,
	"languages" "lang"[] NOT NULL,
	"education_level" text,
	"graduation_year" integer,
	"interests" text,
	"center_id" uuid,
	"contact" jsonb,
	CONSTRAINT "founders_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "introductions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"target_kind" "introduction_target" NOT NULL,
	"target_id" uuid NOT NULL,
	"message" text,
	"status" "introduction_status" DEFAULT 'requested' NOT NULL,
	"requested_by" text,
	"assignment_run_id" uuid,
	"decided_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"kind" "investor_kind" NOT NULL,
	"thesis" text NOT NULL,
	"sectors" "sector"[] NOT NULL,
	"stages" "stage"[] NOT NULL,
	"ticket_min_cny" integer NOT NULL,
	"ticket_max_cny" integer NOT NULL,
	"region_codes" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"contact" jsonb,
	CONSTRAINT "investors_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "matching_weights" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"bio" text NOT NULL,
	"expertise" "topic"[] NOT NULL,
	"sectors" "sector"[] NOT NULL,
	"languages" "lang"[] NOT NULL,
	"region_code" text NOT NULL,
	"remote" boolean DEFAULT false NOT NULL,
	"capacity" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"contact" jsonb,
	CONSTRAINT "mentors_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "project_founders" (
	"project_id" uuid NOT NULL,
	"founder_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "project_founders_project_id_founder_id_pk" PRIMARY KEY("project_id","founder_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"sector" "sector" NOT NULL,
	"stage" "stage" NOT NULL,
	"region_code" text NOT NULL,
	"center_id" uuid,
	"needs" "topic"[] NOT NULL,
	"funding_need_cny" integer,
	"languages" "lang"[] NOT NULL,
	"status" "project_status" DEFAULT 'draft' NOT NULL,
	"confidential" jsonb,
	CONSTRAINT "projects_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"level" "region_level" NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"category" "topic" NOT NULL,
	"provider" text NOT NULL,
	"description" text NOT NULL,
	"center_id" uuid,
	"region_codes" text[] NOT NULL,
	"voucher_eligible" boolean DEFAULT false NOT NULL,
	"languages" "lang"[] NOT NULL,
	CONSTRAINT "services_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"provider" text NOT NULL,
	"provider_kind" "provider_kind" NOT NULL,
	"topics" "topic"[] NOT NULL,
	"target_groups" "founder_group"[] NOT NULL,
	"stages" "stage"[] NOT NULL,
	"region_code" text NOT NULL,
	"mode" "training_mode" NOT NULL,
	"seats" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"languages" "lang"[] NOT NULL,
	CONSTRAINT "trainings_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_runs" ADD CONSTRAINT "assignment_runs_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "centers" ADD CONSTRAINT "centers_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollments" ADD CONSTRAINT "enrollments_founder_id_founders_id_fk" FOREIGN KEY ("founder_id") REFERENCES "public"."founders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founders" ADD CONSTRAINT "founders_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "founders" ADD CONSTRAINT "founders_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "introductions" ADD CONSTRAINT "introductions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_weights" ADD CONSTRAINT "matching_weights_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentors" ADD CONSTRAINT "mentors_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_founders" ADD CONSTRAINT "project_founders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_founders" ADD CONSTRAINT "project_founders_founder_id_founders_id_fk" FOREIGN KEY ("founder_id") REFERENCES "public"."founders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_center_idx" ON "audit_log" USING btree ("center_id","created_at");--> statement-breakpoint
CREATE INDEX "embeddings_status_idx" ON "embeddings" USING btree ("status");--> statement-breakpoint
CREATE INDEX "introductions_target_idx" ON "introductions" USING btree ("target_kind","target_id","status");--> statement-breakpoint
CREATE INDEX "introductions_project_idx" ON "introductions" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "introductions_current_uq" ON "introductions" USING btree ("project_id","target_kind","target_id") WHERE status <> 'ended';--> statement-breakpoint
CREATE INDEX "project_founders_founder_idx" ON "project_founders" USING btree ("founder_id");--> statement-breakpoint
CREATE INDEX "projects_center_idx" ON "projects" USING btree ("center_id");--> statement-breakpoint
CREATE INDEX "projects_status_idx" ON "projects" USING btree ("status");