-- How many keywords of more than one character a row has: the lexical score's denominator, kept
-- as a stored generated column instead of being counted per candidate on every match.
CREATE OR REPLACE FUNCTION keyword_count(keywords tsvector) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ select count(*)::int from unnest(tsvector_to_array(keywords)) w where length(w) > 1 $$;
--> statement-breakpoint
ALTER TABLE "founders" ADD COLUMN "keyword_count" integer GENERATED ALWAYS AS (keyword_count(keywords)) STORED;--> statement-breakpoint
ALTER TABLE "investors" ADD COLUMN "keyword_count" integer GENERATED ALWAYS AS (keyword_count(keywords)) STORED;--> statement-breakpoint
ALTER TABLE "mentors" ADD COLUMN "keyword_count" integer GENERATED ALWAYS AS (keyword_count(keywords)) STORED;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "keyword_count" integer GENERATED ALWAYS AS (keyword_count(keywords)) STORED;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "keyword_count" integer GENERATED ALWAYS AS (keyword_count(keywords)) STORED;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "keyword_count" integer GENERATED ALWAYS AS (keyword_count(keywords)) STORED;