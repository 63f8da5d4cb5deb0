-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('open', 'closed', 'cancelled');

-- CreateEnum
CREATE TYPE "CallAnswer" AS ENUM ('yes', 'no');

-- CreateEnum
CREATE TYPE "RosterStatus" AS ENUM ('none', 'confirmed', 'waitlisted', 'declined', 'withdrawn');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SentStatus" ADD VALUE 'sending';
ALTER TYPE "SentStatus" ADD VALUE 'uncertain';

-- AlterTable
ALTER TABLE "sent_message" ADD COLUMN     "atMostOnce" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "claimedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "call" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "orgUnitId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "placeText" TEXT NOT NULL,
    "siteLat" DOUBLE PRECISION,
    "siteLng" DOUBLE PRECISION,
    "radiusM" INTEGER NOT NULL DEFAULT 500,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "headcount" INTEGER NOT NULL,
    "skills" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "answerBy" TIMESTAMP(3) NOT NULL,
    "audience" JSONB NOT NULL,
    "status" "CallStatus" NOT NULL DEFAULT 'open',
    "checkCode" TEXT NOT NULL,
    "emergency" BOOLEAN NOT NULL DEFAULT false,
    "answerSeq" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "tallyVersion" INTEGER NOT NULL DEFAULT 0,
    "fanoutDoneAt" TIMESTAMP(3),
    "nudgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_recipient" (
    "callId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "chatId" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3),
    "answer" "CallAnswer",
    "roster" "RosterStatus" NOT NULL DEFAULT 'none',
    "rosterSeq" INTEGER,
    "answeredAt" TIMESTAMP(3),
    "checkedInAt" TIMESTAMP(3),
    "checkedOutAt" TIMESTAMP(3),
    "hours" DECIMAL(6,2),
    "creditedAt" TIMESTAMP(3),

    CONSTRAINT "call_recipient_pkey" PRIMARY KEY ("callId","personId")
);

-- CreateTable
CREATE TABLE "call_event" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mode_switch" (
    "id" UUID NOT NULL,
    "orgUnitId" UUID NOT NULL,
    "emergency" BOOLEAN NOT NULL,
    "byId" UUID NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mode_switch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "tokenHash" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "call_code_key" ON "call"("code");

-- CreateIndex
CREATE INDEX "call_status_startsAt_idx" ON "call"("status", "startsAt");

-- CreateIndex
CREATE INDEX "call_recipient_callId_queuedAt_idx" ON "call_recipient"("callId", "queuedAt");

-- CreateIndex
CREATE INDEX "call_recipient_callId_roster_rosterSeq_idx" ON "call_recipient"("callId", "roster", "rosterSeq");

-- CreateIndex
CREATE INDEX "call_recipient_personId_idx" ON "call_recipient"("personId");

-- CreateIndex
CREATE INDEX "call_event_callId_createdAt_idx" ON "call_event"("callId", "createdAt");

-- CreateIndex
CREATE INDEX "mode_switch_orgUnitId_createdAt_idx" ON "mode_switch"("orgUnitId", "createdAt");

-- CreateIndex
CREATE INDEX "api_token_personId_idx" ON "api_token"("personId");

-- AddForeignKey
ALTER TABLE "call_recipient" ADD CONSTRAINT "call_recipient_callId_fkey" FOREIGN KEY ("callId") REFERENCES "call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_event" ADD CONSTRAINT "call_event_callId_fkey" FOREIGN KEY ("callId") REFERENCES "call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: the fan-out keeps the outbound queue's broadcast backlog short by counting
-- the unsent broadcast rows per channel on every tick.
CREATE INDEX "sent_message_bulk_pending_idx" ON "sent_message" ("channel") WHERE "atMostOnce" AND "status" = 'pending';
