-- Check-in attempts per person and call (wrong codes, locations outside the radius).
ALTER TABLE "call_recipient" ADD COLUMN "checkInAttempts" INTEGER NOT NULL DEFAULT 0;
