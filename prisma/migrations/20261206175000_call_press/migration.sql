-- Presses of 参加 / 不能参加 recorded without the call's row lock, applied per call in id order
-- by one consumer (decision 0037).
CREATE TABLE "call_press" (
    "id" BIGSERIAL NOT NULL,
    "callId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "yes" BOOLEAN NOT NULL,
    "channel" "Channel" NOT NULL,
    "chatId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "appliedAt" TIMESTAMP(3),
    "applyOrder" INTEGER,
    "outcome" TEXT,

    CONSTRAINT "call_press_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "call_press_callId_appliedAt_id_idx" ON "call_press"("callId", "appliedAt", "id");

ALTER TABLE "call_press" ADD CONSTRAINT "call_press_callId_fkey" FOREIGN KEY ("callId") REFERENCES "call"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Presses applied so far per call: each applied press takes the next number.
ALTER TABLE "call" ADD COLUMN "pressesApplied" INTEGER NOT NULL DEFAULT 0;
