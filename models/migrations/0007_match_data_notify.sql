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
-- Every table a match reads: candidates, sources, their embeddings, engagements, weights, places.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['centers', 'embeddings', 'enrollments', 'founders', 'introductions', 'investors',
    'matching_weights', 'mentors', 'project_founders', 'projects', 'regions', 'services', 'trainings'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "notify_match_data"()', t || '_match_data', t);
  END LOOP;
END
$$;
