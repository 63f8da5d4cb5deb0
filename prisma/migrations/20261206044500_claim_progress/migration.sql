-- The no-progress clock of a claim (taken, set off, disputed), and the index the release limit counts with.
ALTER TABLE "claim" ADD COLUMN "progressAt" TIMESTAMP(3);
UPDATE "claim" SET "progressAt" = "createdAt";
ALTER TABLE "claim" ALTER COLUMN "progressAt" SET NOT NULL;
ALTER TABLE "claim" ALTER COLUMN "progressAt" SET DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "claim_volunteerId_status_endedAt_idx" ON "claim"("volunteerId", "status", "endedAt");
