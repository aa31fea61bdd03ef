-- Co-founders join a project by accepting an invitation (issue 18): project_founders keeps the
-- accepted members only; a founder naming another founder in founderIds creates a pending row here.
CREATE TYPE "public"."project_invitation_status" AS ENUM('pending', 'accepted', 'declined', 'withdrawn');
--> statement-breakpoint
CREATE TABLE "project_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL REFERENCES "projects"("id") ON DELETE cascade,
	"founder_id" uuid NOT NULL REFERENCES "founders"("id") ON DELETE cascade,
	"invited_by" uuid REFERENCES "founders"("id") ON DELETE set null,
	"status" "project_invitation_status" DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "project_invitations_founder_idx" ON "project_invitations" USING btree ("founder_id");
--> statement-breakpoint
CREATE INDEX "project_invitations_invited_by_idx" ON "project_invitations" USING btree ("invited_by");
--> statement-breakpoint
CREATE UNIQUE INDEX "project_invitations_pending_uq" ON "project_invitations" USING btree ("project_id","founder_id") WHERE status = 'pending';
