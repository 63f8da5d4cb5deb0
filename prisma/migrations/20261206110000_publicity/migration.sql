-- CreateTable
CREATE TABLE "publicity_snapshot" (
    "id" UUID NOT NULL,
    "orgUnitId" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "data" JSONB NOT NULL,
    "changeSummary" TEXT,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "frozenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "publishedAt" TIMESTAMP(3),
    "publishedById" UUID,

    CONSTRAINT "publicity_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "publicity_score" (
    "needId" UUID NOT NULL,
    "residentId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "score" INTEGER,
    "source" TEXT,
    "scoredAt" TIMESTAMP(3),

    CONSTRAINT "publicity_score_pkey" PRIMARY KEY ("needId")
);

-- CreateIndex
CREATE INDEX "publicity_snapshot_month_idx" ON "publicity_snapshot"("month");

-- CreateIndex
CREATE UNIQUE INDEX "publicity_snapshot_orgUnitId_month_version_key" ON "publicity_snapshot"("orgUnitId", "month", "version");

-- CreateIndex
CREATE UNIQUE INDEX "publicity_score_codeHash_key" ON "publicity_score"("codeHash");
