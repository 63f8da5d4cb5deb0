-- The credit clock runs from the last "done" report, and a re-finish after a dispute restarts it.
ALTER TABLE "service_record" ADD COLUMN "finishedAt" TIMESTAMP(3);
UPDATE "service_record" SET "finishedAt" = "createdAt";
ALTER TABLE "service_record" ALTER COLUMN "finishedAt" SET NOT NULL;
ALTER TABLE "service_record" ALTER COLUMN "finishedAt" SET DEFAULT CURRENT_TIMESTAMP;
