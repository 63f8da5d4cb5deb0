-- The job card's short task line: words of the category's vocabulary found in the description
-- (never the resident's own words, phones, addresses or names).
ALTER TABLE "need" ADD COLUMN "taskTerms" TEXT[] DEFAULT ARRAY[]::TEXT[];
