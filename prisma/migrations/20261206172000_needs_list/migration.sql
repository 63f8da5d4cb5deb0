-- The console's needs list at county scale (decision 0034): one index per main filter shape, so
-- that none of them walks the whole "need" table, and each user's saved filters.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Filters that narrow to a column value, read newest (or oldest) first: (value, createdAt, id).
CREATE INDEX "need_status_createdAt_id_idx" ON "need"("status", "createdAt", "id");
CREATE INDEX "need_categoryCode_createdAt_id_idx" ON "need"("categoryCode", "createdAt", "id");
CREATE INDEX "need_urgency_createdAt_id_idx" ON "need"("urgency", "createdAt", "id");
CREATE INDEX "need_beneficiary_createdAt_id_idx" ON "need"("beneficiary", "createdAt", "id");
-- The 审单 flag: few needs carry it, so a partial index holds just them.
CREATE INDEX "need_review_createdAt_id_idx" ON "need"("createdAt", "id") WHERE "reviewReason" IS NOT NULL;
-- Search by part of a code (N-20261123-0042 found by "0042" or "20261123"): trigrams.
CREATE INDEX "need_code_trgm_idx" ON "need" USING gin ("code" gin_trgm_ops);

-- Saved filters: a name and the list's query string, per person, a few each.
CREATE TABLE "console_saved_filter" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "console_saved_filter_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "console_saved_filter_personId_name_key" ON "console_saved_filter"("personId", "name");
ALTER TABLE "console_saved_filter" ADD CONSTRAINT "console_saved_filter_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
