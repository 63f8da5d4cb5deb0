-- CreateTable
CREATE TABLE "link_code" (
    "codeHash" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "link_code_pkey" PRIMARY KEY ("codeHash")
);

-- CreateIndex
CREATE INDEX "link_code_personId_idx" ON "link_code"("personId");

