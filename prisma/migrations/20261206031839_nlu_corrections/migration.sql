-- CreateTable
CREATE TABLE "nlu_correction" (
    "id" UUID NOT NULL,
    "needId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "textEnc" TEXT NOT NULL,
    "byId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "nlu_correction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "nlu_correction_needId_kind_key" ON "nlu_correction"("needId", "kind");

