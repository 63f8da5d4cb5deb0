// All queue names in one place. Renaming a queue strands the jobs already in Redis under the
// old name: add a new name and drain the old one instead.
export enum QueueName {
  Routing = 'routing',
  Timers = 'timers',
  Outbound = 'outbound',
  /** Broadcast messages (calls): consumed by the bot under the platforms' broadcast share. */
  Bulk = 'bulk-outbound',
  /** 一呼百应: fan-out, tally refresh and call timers, consumed by the worker. */
  Calls = 'calls',
  /** 报表: export files, built by the worker one or two at a time (long, streaming jobs). */
  Exports = 'exports',
  /**
   * 报表 work done on a schedule: month-end freezes and the rollups' drift check. Long reads kept
   * apart from the timers queue, whose SLA timers must not wait behind a month's 300 freezes, and
   * run two at a time so a month start does not hold ten units' lists in memory at once.
   */
  Reports = 'reports',
}

/** Job name → payload. Payloads carry ids only, never personal data. */
export interface JobPayloads {
  'route-need': { needId: string };
  'escalate-dispatch': { dispatchId: string };
  'credit-timeout': { serviceRecordId: string };
  /** A claim with no progress goes back to the pool (the handler defers while it progresses). */
  'claim-timeout': { claimId: string };
  'send-message': { sentMessageId: string };
  'send-bulk': { sentMessageId: string };
  'call-fanout': { callId: string };
  /** `slot` numbers the refresh window, so a tally is refreshed at most once per window. */
  'refresh-tally': { callId: string; slot: number };
  /** Applies a call's recorded presses (参加 / 不能参加) in arrival order; `slot` as for the tally (decision 0037). */
  'call-answers': { callId: string; slot: number };
  /** kind: `remind-<minutes>`, `deadline`, `finish`. */
  'call-timer': { callId: string; kind: string };
  /** The report rollups' drift check for one REPORT_CHECK_MINUTES slot (docs/reports.md). */
  'reports-check': { slot: number };
  /** 张榜公示: freeze one unit's month (YYYY-MM in TIME_ZONE) as snapshot version 1. */
  'publicity-freeze': { unitId: string; month: string };
  /** Builds one export file; what to export (kind, filter, format) is on the export_job row. */
  'run-export': { exportId: string };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: { [K in JobName]: QueueName } = {
  'route-need': QueueName.Routing,
  'escalate-dispatch': QueueName.Timers,
  'credit-timeout': QueueName.Timers,
  'claim-timeout': QueueName.Timers,
  'send-message': QueueName.Outbound,
  'send-bulk': QueueName.Bulk,
  'call-fanout': QueueName.Calls,
  'refresh-tally': QueueName.Calls,
  'call-answers': QueueName.Calls,
  'call-timer': QueueName.Calls,
  'reports-check': QueueName.Reports,
  'publicity-freeze': QueueName.Reports,
  'run-export': QueueName.Exports,
};

/** Deterministic job ids: adding the same job twice is a no-op while the first exists. */
export function jobIdFor<K extends JobName>(name: K, payload: JobPayloads[K]): string {
  // BullMQ reserves ':' in custom ids. Keys are sorted so the id never depends on the order a
  // caller wrote the payload's fields in.
  const values = Object.entries(payload)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, v]) => String(v));
  return `${name}_${values.join('_')}`;
}
