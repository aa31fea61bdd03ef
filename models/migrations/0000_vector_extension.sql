-- pgvector must exist before any table uses the vector type. Needs a superuser on a real server
-- (scripts/setup-services.sh creates it in template1 so fresh databases already have it).
CREATE EXTENSION IF NOT EXISTS vector;
