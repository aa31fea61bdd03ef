CREATE INDEX "founders_groups_idx" ON "founders" USING gin ("groups");--> statement-breakpoint
CREATE INDEX "founders_prefecture_idx" ON "founders" USING btree (left("region_code", 4));--> statement-breakpoint
CREATE INDEX "projects_vetted_sector_idx" ON "projects" USING btree ("sector","stage") WHERE "projects"."status" = 'vetted';