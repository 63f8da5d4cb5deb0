-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "OrgTier" AS ENUM ('center', 'institute', 'station', 'point');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('telegram', 'wechat', 'web');

-- CreateEnum
CREATE TYPE "VolunteerStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "NeedStatus" AS ENUM ('submitted', 'dispatched', 'unrouted', 'claimed', 'en_route', 'done', 'confirmed', 'cancelled', 'unfulfilled');

-- CreateEnum
CREATE TYPE "DispatchStatus" AS ENUM ('open', 'claimed', 'escalated', 'superseded');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('active', 'released', 'completed', 'disputed');

-- CreateEnum
CREATE TYPE "ServiceRecordStatus" AS ENUM ('pending', 'credited', 'voided');

-- CreateEnum
CREATE TYPE "SentStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "org_unit" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tier" "OrgTier" NOT NULL,
    "parentId" UUID,
    "path" TEXT NOT NULL,
    "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "emergencyMode" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "category" (
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "defaultHours" DECIMAL(5,2) NOT NULL,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "category_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "team" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "orgUnitId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "team_chat" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "chatId" TEXT NOT NULL,
    "title" TEXT,
    "boundById" UUID,
    "boundAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_chat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person" (
    "id" UUID NOT NULL,
    "displayName" TEXT NOT NULL,
    "phoneEnc" TEXT,
    "phoneHash" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_identity" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "username" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_assignment" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "orgUnitId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "volunteer" (
    "personId" UUID NOT NULL,
    "status" "VolunteerStatus" NOT NULL DEFAULT 'pending',
    "stationId" UUID NOT NULL,
    "skills" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "approvedById" UUID,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "volunteer_pkey" PRIMARY KEY ("personId")
);

-- CreateTable
CREATE TABLE "team_membership" (
    "teamId" UUID NOT NULL,
    "volunteerId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_membership_pkey" PRIMARY KEY ("teamId","volunteerId")
);

-- CreateTable
CREATE TABLE "need_counter" (
    "day" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "need_counter_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "need" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "residentId" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "categoryCode" TEXT NOT NULL,
    "stationId" UUID NOT NULL,
    "ownerUnitId" UUID NOT NULL,
    "descriptionEnc" TEXT NOT NULL,
    "addressEnc" TEXT,
    "locationEnc" TEXT,
    "phoneEnc" TEXT,
    "wantedTime" TEXT,
    "beneficiary" TEXT NOT NULL DEFAULT 'none',
    "urgency" TEXT NOT NULL DEFAULT 'normal',
    "status" "NeedStatus" NOT NULL DEFAULT 'submitted',
    "claimedById" UUID,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "closeReason" TEXT,
    "promisedDate" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "need_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL,
    "needId" UUID,
    "channel" "Channel" NOT NULL,
    "kind" TEXT NOT NULL,
    "fileRef" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dispatch" (
    "id" UUID NOT NULL,
    "needId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "teamId" UUID,
    "orgUnitId" UUID NOT NULL,
    "tier" "OrgTier" NOT NULL,
    "status" "DispatchStatus" NOT NULL DEFAULT 'open',
    "slaDueAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "dispatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim" (
    "id" UUID NOT NULL,
    "needId" UUID NOT NULL,
    "dispatchId" UUID NOT NULL,
    "volunteerId" UUID NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'active',
    "releaseReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rating" (
    "id" UUID NOT NULL,
    "needId" UUID NOT NULL,
    "residentId" UUID NOT NULL,
    "volunteerId" UUID,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_record" (
    "id" UUID NOT NULL,
    "needId" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "volunteerId" UUID NOT NULL,
    "hours" DECIMAL(6,2) NOT NULL,
    "status" "ServiceRecordStatus" NOT NULL DEFAULT 'pending',
    "creditedBy" TEXT,
    "creditedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "service_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "points_entry" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "delta" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "points_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "need_event" (
    "id" UUID NOT NULL,
    "needId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "need_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_update" (
    "channel" "Channel" NOT NULL,
    "updateId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_update_pkey" PRIMARY KEY ("channel","updateId")
);

-- CreateTable
CREATE TABLE "outbox_event" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "outbox_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sent_message" (
    "id" UUID NOT NULL,
    "purposeKey" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "chatId" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "bodyEnc" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 5,
    "status" "SentStatus" NOT NULL DEFAULT 'pending',
    "messageRef" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "editOf" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "sent_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_state" (
    "channel" "Channel" NOT NULL,
    "chatKey" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "dataEnc" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "conversation_state_pkey" PRIMARY KEY ("channel","chatKey")
);

-- CreateTable
CREATE TABLE "web_message" (
    "seq" BIGSERIAL NOT NULL,
    "chatId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "buttons" JSONB NOT NULL DEFAULT '[]',
    "editedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "web_message_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "app_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,

    CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_unit_code_key" ON "org_unit"("code");

-- CreateIndex
CREATE INDEX "org_unit_path_idx" ON "org_unit"("path");

-- CreateIndex
CREATE UNIQUE INDEX "team_code_key" ON "team"("code");

-- CreateIndex
CREATE INDEX "team_orgUnitId_categoryCode_idx" ON "team"("orgUnitId", "categoryCode");

-- CreateIndex
CREATE INDEX "team_chat_teamId_idx" ON "team_chat"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "team_chat_channel_chatId_key" ON "team_chat"("channel", "chatId");

-- CreateIndex
CREATE INDEX "person_phoneHash_idx" ON "person"("phoneHash");

-- CreateIndex
CREATE INDEX "channel_identity_personId_idx" ON "channel_identity"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "channel_identity_channel_externalId_key" ON "channel_identity"("channel", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "role_assignment_personId_role_orgUnitId_key" ON "role_assignment"("personId", "role", "orgUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "need_code_key" ON "need"("code");

-- CreateIndex
CREATE INDEX "need_residentId_idx" ON "need"("residentId");

-- CreateIndex
CREATE INDEX "need_status_idx" ON "need"("status");

-- CreateIndex
CREATE INDEX "dispatch_status_slaDueAt_idx" ON "dispatch"("status", "slaDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "dispatch_needId_round_key" ON "dispatch"("needId", "round");

-- CreateIndex
CREATE INDEX "claim_needId_idx" ON "claim"("needId");

-- CreateIndex
CREATE INDEX "claim_volunteerId_idx" ON "claim"("volunteerId");

-- CreateIndex
CREATE UNIQUE INDEX "rating_needId_key" ON "rating"("needId");

-- CreateIndex
CREATE UNIQUE INDEX "service_record_claimId_key" ON "service_record"("claimId");

-- CreateIndex
CREATE INDEX "service_record_volunteerId_status_idx" ON "service_record"("volunteerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "points_entry_sourceKey_key" ON "points_entry"("sourceKey");

-- CreateIndex
CREATE INDEX "points_entry_personId_idx" ON "points_entry"("personId");

-- CreateIndex
CREATE INDEX "need_event_needId_createdAt_idx" ON "need_event"("needId", "createdAt");

-- CreateIndex
CREATE INDEX "outbox_event_publishedAt_createdAt_idx" ON "outbox_event"("publishedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "sent_message_purposeKey_key" ON "sent_message"("purposeKey");

-- CreateIndex
CREATE INDEX "sent_message_status_createdAt_idx" ON "sent_message"("status", "createdAt");

-- CreateIndex
CREATE INDEX "sent_message_editOf_idx" ON "sent_message"("editOf");

-- CreateIndex
CREATE INDEX "web_message_chatId_seq_idx" ON "web_message"("chatId", "seq");

-- AddForeignKey
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team" ADD CONSTRAINT "team_categoryCode_fkey" FOREIGN KEY ("categoryCode") REFERENCES "category"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team" ADD CONSTRAINT "team_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_chat" ADD CONSTRAINT "team_chat_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_identity" ADD CONSTRAINT "channel_identity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignment" ADD CONSTRAINT "role_assignment_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_membership" ADD CONSTRAINT "team_membership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "team_membership" ADD CONSTRAINT "team_membership_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "volunteer"("personId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need" ADD CONSTRAINT "need_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need" ADD CONSTRAINT "need_categoryCode_fkey" FOREIGN KEY ("categoryCode") REFERENCES "category"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need" ADD CONSTRAINT "need_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need" ADD CONSTRAINT "need_ownerUnitId_fkey" FOREIGN KEY ("ownerUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_orgUnitId_fkey" FOREIGN KEY ("orgUnitId") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_dispatchId_fkey" FOREIGN KEY ("dispatchId") REFERENCES "dispatch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating" ADD CONSTRAINT "rating_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rating" ADD CONSTRAINT "rating_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_record" ADD CONSTRAINT "service_record_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_record" ADD CONSTRAINT "service_record_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "points_entry" ADD CONSTRAINT "points_entry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "need_event" ADD CONSTRAINT "need_event_needId_fkey" FOREIGN KEY ("needId") REFERENCES "need"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

