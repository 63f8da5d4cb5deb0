-- Profile names are encrypted at rest (decision 0027). A migration has no key, so the clear
-- column stays, nullable, for rows written before: npm run keys:rotate encrypts each into
-- displayNameEnc and empties the clear one. The desk writes only displayNameEnc.
ALTER TABLE "person" ADD COLUMN "displayNameEnc" TEXT;
ALTER TABLE "person" ALTER COLUMN "displayName" DROP NOT NULL;
