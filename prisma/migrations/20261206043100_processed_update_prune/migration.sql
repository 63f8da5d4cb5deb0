-- Duplicate-update markers are pruned by age (issue 10, item 18).
CREATE INDEX "processed_update_createdAt_idx" ON "processed_update"("createdAt");
