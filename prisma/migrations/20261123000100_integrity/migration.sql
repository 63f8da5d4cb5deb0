-- Integrity rules Prisma's schema language cannot express (hand-written).

-- At most one active claim per need: the backstop behind the conditional UPDATE that
-- decides the single winner of a "take" race.
CREATE UNIQUE INDEX "claim_one_active_per_need" ON "claim" ("needId") WHERE "status" = 'active';

-- At most one open dispatch round per need.
CREATE UNIQUE INDEX "dispatch_one_open_per_need" ON "dispatch" ("needId") WHERE "status" = 'open';

-- Ratings are 1..5.
ALTER TABLE "rating" ADD CONSTRAINT "rating_score_range" CHECK ("score" BETWEEN 1 AND 5);
