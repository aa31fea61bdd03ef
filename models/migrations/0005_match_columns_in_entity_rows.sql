-- The vector and keyword form move from `embeddings` into each entity's own row (matching filters
-- and ranks there without a join per candidate). Backfilled before the indexes are built.
ALTER TABLE "founders" ADD COLUMN "vector" vector;
--> statement-breakpoint
ALTER TABLE "founders" ADD COLUMN "vector_model" text;
--> statement-breakpoint
ALTER TABLE "founders" ADD COLUMN "keywords" "tsvector";
--> statement-breakpoint
ALTER TABLE "investors" ADD COLUMN "vector" vector;
--> statement-breakpoint
ALTER TABLE "investors" ADD COLUMN "vector_model" text;
--> statement-breakpoint
ALTER TABLE "investors" ADD COLUMN "keywords" "tsvector";
--> statement-breakpoint
ALTER TABLE "mentors" ADD COLUMN "vector" vector;
--> statement-breakpoint
ALTER TABLE "mentors" ADD COLUMN "vector_model" text;
--> statement-breakpoint
ALTER TABLE "mentors" ADD COLUMN "keywords" "tsvector";
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "vector" vector;
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "vector_model" text;
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "keywords" "tsvector";
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "vector" vector;
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "vector_model" text;
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "keywords" "tsvector";
--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "vector" vector;
--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "vector_model" text;
--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "keywords" "tsvector";
--> statement-breakpoint
UPDATE "founders" AS t SET "vector" = e."embedding", "vector_model" = CASE WHEN e."embedding" IS NOT NULL THEN e."model" END, "keywords" = e."lexical" FROM "embeddings" AS e WHERE e."entity_kind" = 'founder' AND e."entity_id" = t."id";
--> statement-breakpoint
UPDATE "investors" AS t SET "vector" = e."embedding", "vector_model" = CASE WHEN e."embedding" IS NOT NULL THEN e."model" END, "keywords" = e."lexical" FROM "embeddings" AS e WHERE e."entity_kind" = 'investor' AND e."entity_id" = t."id";
--> statement-breakpoint
UPDATE "mentors" AS t SET "vector" = e."embedding", "vector_model" = CASE WHEN e."embedding" IS NOT NULL THEN e."model" END, "keywords" = e."lexical" FROM "embeddings" AS e WHERE e."entity_kind" = 'mentor' AND e."entity_id" = t."id";
--> statement-breakpoint
UPDATE "projects" AS t SET "vector" = e."embedding", "vector_model" = CASE WHEN e."embedding" IS NOT NULL THEN e."model" END, "keywords" = e."lexical" FROM "embeddings" AS e WHERE e."entity_kind" = 'project' AND e."entity_id" = t."id";
--> statement-breakpoint
UPDATE "services" AS t SET "vector" = e."embedding", "vector_model" = CASE WHEN e."embedding" IS NOT NULL THEN e."model" END, "keywords" = e."lexical" FROM "embeddings" AS e WHERE e."entity_kind" = 'service' AND e."entity_id" = t."id";
--> statement-breakpoint
UPDATE "trainings" AS t SET "vector" = e."embedding", "vector_model" = CASE WHEN e."embedding" IS NOT NULL THEN e."model" END, "keywords" = e."lexical" FROM "embeddings" AS e WHERE e."entity_kind" = 'training' AND e."entity_id" = t."id";
--> statement-breakpoint
CREATE INDEX "founders_keywords_idx" ON "founders" USING gin ("keywords");
--> statement-breakpoint
CREATE INDEX "investors_keywords_idx" ON "investors" USING gin ("keywords");
--> statement-breakpoint
CREATE INDEX "mentors_keywords_idx" ON "mentors" USING gin ("keywords");
--> statement-breakpoint
CREATE INDEX "projects_keywords_idx" ON "projects" USING gin ("keywords");
--> statement-breakpoint
CREATE INDEX "services_keywords_idx" ON "services" USING gin ("keywords");
--> statement-breakpoint
CREATE INDEX "trainings_keywords_idx" ON "trainings" USING gin ("keywords");
--> statement-breakpoint
DROP INDEX "embeddings_lexical_idx";
--> statement-breakpoint
ALTER TABLE "embeddings" DROP COLUMN "embedding";
--> statement-breakpoint
ALTER TABLE "embeddings" DROP COLUMN "lexical";
