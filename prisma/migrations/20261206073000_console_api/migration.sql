-- CreateTable
CREATE TABLE "console_login" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "preTokenHash" TEXT,
    "selector" TEXT,
    "secretHash" TEXT,
    "linkTokenHash" TEXT,
    "userAgent" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedAt" TIMESTAMP(3),
    "personId" UUID,
    "approvedAt" TIMESTAMP(3),
    "consumedAt" TIMESTAMP(3),
    "sessionId" UUID,
    "refusedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "console_login_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "orgUnitId" UUID,
    "needId" UUID,
    "sessionId" UUID,
    "reason" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "console_login_preTokenHash_key" ON "console_login"("preTokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "console_login_linkTokenHash_key" ON "console_login"("linkTokenHash");

-- CreateIndex
CREATE INDEX "console_login_selector_expiresAt_idx" ON "console_login"("selector", "expiresAt");

-- CreateIndex
CREATE INDEX "audit_log_at_id_idx" ON "audit_log"("at", "id");

-- CreateIndex
CREATE INDEX "audit_log_actorId_at_idx" ON "audit_log"("actorId", "at");

-- CreateIndex
CREATE INDEX "audit_log_orgUnitId_at_idx" ON "audit_log"("orgUnitId", "at");

-- CreateIndex
CREATE INDEX "need_createdAt_id_idx" ON "need"("createdAt", "id");

-- CreateIndex
CREATE INDEX "need_stationId_createdAt_id_idx" ON "need"("stationId", "createdAt", "id");

