// The one ingest protocol, applied to our bot and to the bare grammY baseline alike, so their
// numbers compare: a warm-up at the offered rate (not counted), a pause, the measured run at
// the offered rate (open loop), then a closed-loop capacity probe.
import type { Update } from 'grammy/types';
import { round, sleep, summarize, type LatencySummary } from './stats.js';
import { ingestUpdate } from './updates.js';
import { runWebhookLoad, type WebhookLoadResult } from './webhook-load.js';

export interface IngestPlan {
  ratePerSecond: number;
  warmupUpdates: number;
  measuredUpdates: number;
  capacityUpdates: number;
  maxConnections: number;
}

export function ingestPlan(quick: boolean): IngestPlan {
  return quick
    ? { ratePerSecond: 200, warmupUpdates: 200, measuredUpdates: 1200, capacityUpdates: 600, maxConnections: 40 }
    : { ratePerSecond: 200, warmupUpdates: 600, measuredUpdates: 6000, capacityUpdates: 3000, maxConnections: 40 };
}

export interface FixedLoadFigures {
  offered_per_s: number;
  acked_per_s: number | null;
  ack_p50_ms: number | null;
  ack_p99_ms: number | null;
  ack: LatencySummary;
  /** Same acks, timed from the request start (excludes waiting for one of the connections). */
  service: LatencySummary;
  updates: number;
  acked: number;
  failed: number;
  failures: Record<string, number>;
  duration_s: number | null;
  max_backlog: number;
}

export interface CapacityFigures {
  updates_per_s: number | null;
  updates: number;
  acked: number;
  failed: number;
  ack_p50_ms: number | null;
  ack_p99_ms: number | null;
  stopped_by_time_cap: boolean;
}

export interface IngestFigures {
  fixed: FixedLoadFigures;
  capacity: CapacityFigures;
}

/** Series bases: ids/users of the warm-up, measured and capacity series never overlap. */
const SERIES = { warmup: 0, measured: 100_000, capacity: 200_000 } as const;

export function fixedFigures(plan: IngestPlan, r: WebhookLoadResult): FixedLoadFigures {
  const ack = summarize(r.ackMs);
  return {
    offered_per_s: plan.ratePerSecond,
    acked_per_s: r.durationMs > 0 ? round((r.acked / r.durationMs) * 1000, 1) : null,
    ack_p50_ms: ack.p50_ms,
    ack_p99_ms: ack.p99_ms,
    ack,
    service: summarize(r.serviceMs),
    updates: r.scheduled,
    acked: r.acked,
    failed: r.failed,
    failures: r.failures,
    duration_s: round(r.durationMs / 1000, 2),
    max_backlog: r.maxBacklog,
  };
}

export async function measureIngest(
  target: { url: string; secretToken: string },
  plan: IngestPlan,
  log: (line: string) => void,
  between?: () => void,
): Promise<IngestFigures> {
  const base = { url: target.url, secretToken: target.secretToken, maxConnections: plan.maxConnections, requestTimeoutMs: 10_000 };
  const series = (offset: number) => (i: number): Update => ingestUpdate(offset, i);
  const rateCapMs = (n: number): number => (n / plan.ratePerSecond) * 1000 * 3 + 10_000;

  log(`  warm-up: ${plan.warmupUpdates} updates at ${plan.ratePerSecond}/s`);
  const warm = await runWebhookLoad({ ...base, count: plan.warmupUpdates, ratePerSecond: plan.ratePerSecond, maxDurationMs: rateCapMs(plan.warmupUpdates), update: series(SERIES.warmup) });
  if (warm.failed > 0) log(`  warm-up: ${warm.failed} failed ${JSON.stringify(warm.failures)}`);
  between?.();
  await sleep(1000);

  log(`  measured: ${plan.measuredUpdates} updates at ${plan.ratePerSecond}/s, ≤ ${plan.maxConnections} connections`);
  const measured = await runWebhookLoad({ ...base, count: plan.measuredUpdates, ratePerSecond: plan.ratePerSecond, maxDurationMs: rateCapMs(plan.measuredUpdates), update: series(SERIES.measured) });
  const fixed = fixedFigures(plan, measured);
  log(`  measured: acked ${fixed.acked}/${fixed.updates} at ${fixed.acked_per_s}/s, ack p50 ${fixed.ack_p50_ms} ms p99 ${fixed.ack_p99_ms} ms`);
  between?.();
  await sleep(1000);

  const capMs = (plan.capacityUpdates / 50) * 1000 + 10_000; // gives up below ~50 updates/s
  log(`  capacity: ${plan.capacityUpdates} updates, closed loop over ${plan.maxConnections} connections`);
  const cap = await runWebhookLoad({ ...base, count: plan.capacityUpdates, ratePerSecond: null, maxDurationMs: capMs, update: series(SERIES.capacity) });
  const capAck = summarize(cap.ackMs);
  const capacity: CapacityFigures = {
    updates_per_s: cap.durationMs > 0 ? round((cap.acked / cap.durationMs) * 1000, 1) : null,
    updates: cap.scheduled,
    acked: cap.acked,
    failed: cap.failed,
    ack_p50_ms: capAck.p50_ms,
    ack_p99_ms: capAck.p99_ms,
    stopped_by_time_cap: cap.stoppedByTimeCap,
  };
  log(`  capacity: ${capacity.updates_per_s} acked/s (p50 ${capacity.ack_p50_ms} ms)`);
  between?.();
  return { fixed, capacity };
}
