-- CreateTable
CREATE TABLE "export_job" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "filter" JSONB NOT NULL DEFAULT '{}',
    "reveal" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "rowsTotal" INTEGER,
    "fileName" TEXT,
    "bytes" INTEGER,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "export_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "export_token" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "filter" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "export_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "export_job_personId_createdAt_idx" ON "export_job"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "export_job_status_expiresAt_idx" ON "export_job"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "export_token_tokenHash_key" ON "export_token"("tokenHash");

-- CreateIndex
CREATE INDEX "export_token_personId_idx" ON "export_token"("personId");
