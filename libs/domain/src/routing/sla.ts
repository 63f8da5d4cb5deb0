import type { OrgTier } from './org-tree.js';

export interface SlaRules {
  stationMinutes: number;
  instituteMinutes: number;
  centerMinutes: number;
  urgentMinutes: number;
  /** Scales every SLA (tests shorten timers; 1 in production). */
  timeFactor: number;
}

/** Milliseconds a dispatch at `tier` may stay untaken before it escalates. */
export function slaMs(rules: SlaRules, tier: OrgTier, urgency: 'urgent' | 'normal'): number {
  const minutes =
    urgency === 'urgent' ? rules.urgentMinutes : tier === 'center' ? rules.centerMinutes : tier === 'institute' ? rules.instituteMinutes : rules.stationMinutes;
  return Math.max(1, Math.round(minutes * 60_000 * rules.timeFactor));
}
