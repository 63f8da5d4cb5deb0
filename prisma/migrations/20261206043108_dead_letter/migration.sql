-- CreateTable
CREATE TABLE "dead_letter" (
    "id" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "updateId" TEXT NOT NULL,
    "payloadEnc" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "firstFailureAt" TIMESTAMP(3) NOT NULL,
    "lastFailureAt" TIMESTAMP(3) NOT NULL,
    "replayedAt" TIMESTAMP(3),

    CONSTRAINT "dead_letter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "dead_letter_channel_updateId_key" ON "dead_letter"("channel", "updateId");

-- CreateIndex
CREATE INDEX "dead_letter_lastFailureAt_idx" ON "dead_letter"("lastFailureAt");
