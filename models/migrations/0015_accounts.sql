-- People who sign in to the console, their sessions, and failed sign-ins per login.
CREATE TYPE "public"."account_status" AS ENUM('invited', 'active', 'disabled');
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"login" text NOT NULL,
	"display_name" text,
	"role" "role" NOT NULL,
	"subject_id" text,
	"center_id" uuid REFERENCES "centers"("id") ON DELETE cascade,
	"lang" "lang" DEFAULT 'zh' NOT NULL,
	"status" "account_status" DEFAULT 'invited' NOT NULL,
	"password_hash" text,
	"invitation_hash" text,
	"invitation_expires_at" timestamp with time zone,
	"created_by" text,
	"last_visit_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_login_uq" ON "accounts" (lower("login"));
--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_invitation_uq" ON "accounts" ("invitation_hash");
--> statement-breakpoint
CREATE INDEX "accounts_center_idx" ON "accounts" ("center_id");
--> statement-breakpoint
CREATE TABLE "account_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL REFERENCES "accounts"("id") ON DELETE cascade,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "account_sessions_account_idx" ON "account_sessions" ("account_id");
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"login_key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone
);
