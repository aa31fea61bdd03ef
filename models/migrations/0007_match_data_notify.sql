-- Match results are cached per caller (src/matching/cache.ts) until a table they are computed from
-- changes. These statement triggers tell every listening process at commit: NOTIFY is transactional
-- (rolled-back writes notify nobody) and collapses repeats within a transaction.
CREATE FUNCTION "notify_match_data"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('match_data', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "centers_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "centers" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "embeddings_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "embeddings" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "enrollments_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enrollments" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "founders_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "founders" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "introductions_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "introductions" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "investors_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "investors" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "matching_weights_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "matching_weights" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "mentors_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "mentors" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "project_founders_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "project_founders" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "projects_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "projects" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "regions_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "services_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "services" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
--> statement-breakpoint
CREATE TRIGGER "trainings_match_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "trainings" FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"();
