-- Free text that can hold personal data moves to encrypted columns (decision 0016). A migration
-- has no key, so it only adds the columns: npm run keys:rotate moves what the clear columns
-- hold into them and empties the clear ones, which a later migration drops.
ALTER TABLE "need" ADD COLUMN "wantedTimeEnc" TEXT,
ADD COLUMN "wantedWhen" JSONB,
ADD COLUMN "closeReasonEnc" TEXT;

ALTER TABLE "claim" ADD COLUMN "releaseReasonEnc" TEXT;

ALTER TABLE "rating" ADD COLUMN "commentEnc" TEXT;

ALTER TABLE "web_message" ADD COLUMN "textEnc" TEXT,
ALTER COLUMN "text" DROP NOT NULL;
