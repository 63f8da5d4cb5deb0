-- Erasure and retention (docs/privacy.md).
ALTER TABLE "person" ADD COLUMN "erasedAt" TIMESTAMP(3);
ALTER TABLE "need" ADD COLUMN "anonymisedAt" TIMESTAMP(3);

CREATE TABLE "erasure_log" (
    "id" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "byId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "erasure_log_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "erasure_log_subjectId_idx" ON "erasure_log"("subjectId");
