-- Link codes become selector + secret (longer, bound to their issuance): the old six-digit
-- codes live ten minutes at most and are dropped, their holders ask for a new one.
DELETE FROM "link_code";
ALTER TABLE "link_code" ADD COLUMN "selector" TEXT NOT NULL,
ADD COLUMN "failures" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "link_code_selector_key" ON "link_code"("selector");

-- API tokens expire. Tokens issued before this change expire 30 days after they were issued.
ALTER TABLE "api_token" ADD COLUMN "expiresAt" TIMESTAMP(3);
UPDATE "api_token" SET "expiresAt" = "createdAt" + INTERVAL '30 days';
ALTER TABLE "api_token" ALTER COLUMN "expiresAt" SET NOT NULL;

-- CreateTable
CREATE TABLE "auth_throttle" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "failures" INTEGER NOT NULL,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "auth_throttle_pkey" PRIMARY KEY ("scope","key")
);
