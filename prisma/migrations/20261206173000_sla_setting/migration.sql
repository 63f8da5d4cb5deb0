-- SLA minutes per tier, edited in the console's settings (decision 0035). A missing row means
-- the deployment's default (SLA_*_MINUTES, EMERGENCY_SLA_MINUTES).
CREATE TABLE "sla_setting" (
    "tier" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_setting_pkey" PRIMARY KEY ("tier"),
    CONSTRAINT "sla_setting_tier_check" CHECK ("tier" IN ('station', 'institute', 'center', 'urgent', 'emergency')),
    CONSTRAINT "sla_setting_minutes_check" CHECK ("minutes" BETWEEN 1 AND 10080)
);
