ALTER TABLE "founders" ADD COLUMN "consent" jsonb;--> statement-breakpoint
ALTER TABLE "founders" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_id");