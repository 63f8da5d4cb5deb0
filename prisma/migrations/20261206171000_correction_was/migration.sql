-- What the understanding said before a coordinator's correction (a category code, or the danger
-- verdict), so the console can count corrections per understood category.
ALTER TABLE "nlu_correction" ADD COLUMN "was" TEXT;
CREATE INDEX "nlu_correction_kind_createdAt_idx" ON "nlu_correction"("kind", "createdAt");
