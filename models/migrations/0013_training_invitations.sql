-- Trainers invite founders to a training; the founder (or its center's staff) accepts, and only then
-- is the enrolment made. One invitation per (training, founder): a declined one is not sent again.
CREATE TYPE "public"."training_invitation_status" AS ENUM('invited', 'accepted', 'declined');
--> statement-breakpoint
CREATE TABLE "training_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"training_id" uuid NOT NULL REFERENCES "trainings"("id") ON DELETE cascade,
	"founder_id" uuid NOT NULL REFERENCES "founders"("id") ON DELETE cascade,
	"status" "training_invitation_status" DEFAULT 'invited' NOT NULL,
	"message" text,
	"invited_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_invitations_training_founder_uq" UNIQUE("training_id", "founder_id")
);
--> statement-breakpoint
CREATE INDEX "training_invitations_founder_idx" ON "training_invitations" ("founder_id");
--> statement-breakpoint
-- Secrets every process of one installation shares (the database is what they have in common).
-- founder_handle keys the pseudonymous founder handles shown to trainers (src/engagement/founder-handles.ts):
-- 256 bits from gen_random_uuid (pg_strong_random), made once per database.
CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
INSERT INTO "server_secrets" ("name", "value")
VALUES ('founder_handle', encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex'));
