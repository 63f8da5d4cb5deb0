-- CreateTable
CREATE TABLE "web_session" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "chatId" TEXT,
    "personId" UUID,
    "csrfToken" TEXT NOT NULL,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "web_session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "web_session_tokenHash_key" ON "web_session"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "web_session_chatId_key" ON "web_session"("chatId");

-- CreateIndex
CREATE INDEX "web_session_personId_idx" ON "web_session"("personId");

-- CreateIndex
CREATE INDEX "web_session_expiresAt_idx" ON "web_session"("expiresAt");
