-- A center's founders without scanning every founder: staff scopes and the accounts staff manage
-- (54 ms a page at 100k founders before, BENCHMARKS.md "Console pages"); a subject's accounts.
CREATE INDEX "founders_center_idx" ON "founders" ("center_id");
--> statement-breakpoint
CREATE INDEX "accounts_subject_idx" ON "accounts" ("role", "subject_id");
