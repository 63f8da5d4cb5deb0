-- Approval per team (issue 10, item 8): each membership carries its own decision.
ALTER TABLE "team_membership" ADD COLUMN "id" UUID NOT NULL DEFAULT gen_random_uuid(),
ADD COLUMN "status" "VolunteerStatus" NOT NULL DEFAULT 'pending',
ADD COLUMN "decidedById" UUID,
ADD COLUMN "decidedAt" TIMESTAMP(3);

-- Existing rows take their volunteer's decision: approved volunteers keep their memberships.
UPDATE "team_membership" tm
SET "status" = v."status", "decidedById" = v."approvedById", "decidedAt" = v."approvedAt"
FROM "volunteer" v
WHERE v."personId" = tm."volunteerId";

CREATE UNIQUE INDEX "team_membership_id_key" ON "team_membership"("id");

CREATE INDEX "team_membership_status_idx" ON "team_membership"("status");
