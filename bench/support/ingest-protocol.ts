// The one ingest protocol, applied to our bot and to the bare grammY baseline alike, so their
// numbers compare:
//   1. warm-up at the offered rate (not counted), then wait until the bot's side work (queued
//      replies) is done;
//   2. light load: 20 updates/s (what one bot process is expected to absorb without queueing);
//   3. the measured run at the offered rate, open loop (the headline figures);
//   4. capacity probe: closed loop over the same connections, as fast as the bot acknowledges.
// Each phase also records the CPU time the bot process used per acknowledged update (from
// /proc), which does not depend on what else runs on the machine.
import type { Update } from 'grammy/types';
import { round, sleep, summarize, type LatencySummary } from './stats.js';
import { ingestUpdate } from './updates.js';
import { runWebhookLoad, type WebhookLoadResult } from './webhook-load.js';

export interface IngestPlan {
  ratePerSecond: number;
  warmupUpdates: number;
  lightRatePerSecond: number;
  lightUpdates: number;
  measuredUpdates: number;
  capacityUpdates: number;
  maxConnections: number;
}

export function ingestPlan(quick: boolean): IngestPlan {
  const plan: IngestPlan = quick
    ? { ratePerSecond: 200, warmupUpdates: 200, lightRatePerSecond: 20, lightUpdates: 100, measuredUpdates: 1000, capacityUpdates: 400, maxConnections: 40 }
    : { ratePerSecond: 200, warmupUpdates: 400, lightRatePerSecond: 20, lightUpdates: 300, measuredUpdates: 4000, capacityUpdates: 1500, maxConnections: 40 };
  // Exploration knobs (not for the reported runs): BENCH_INGEST_RATE, BENCH_INGEST_UPDATES.
  const rate = Number(process.env.BENCH_INGEST_RATE);
  const updates = Number(process.env.BENCH_INGEST_UPDATES);
  if (Number.isFinite(rate) && rate > 0) plan.ratePerSecond = rate;
  if (Number.isInteger(updates) && updates > 0) plan.measuredUpdates = updates;
  return plan;
}

export interface PhaseFigures {
  offered_per_s: number | null;
  updates: number;
  acked: number;
  failed: number;
  /** Due but never sent: the phase hit its time cap because the bot acknowledged too slowly. */
  not_sent: number;
  failures: Record<string, number>;
  acked_per_s: number | null;
  ack_p50_ms: number | null;
  ack_p99_ms: number | null;
  ack: LatencySummary;
  /** Same acks, timed from the request start (excludes waiting for one of the connections). */
  service: LatencySummary;
  duration_s: number | null;
  max_backlog: number;
  /** CPU (user + system) of the bot process per acknowledged update, whatever else it did meanwhile. */
  bot_cpu_ms_per_update: number | null;
  /** Side costs per acknowledged update over the phase (absent for a target without them, e.g. grammY). */
  costs?: PhaseCosts;
}

/** Cumulative counters read before and after a phase (null: unknown). */
export interface CostCounters {
  /** Statements the bot's PostgreSQL pool sent (its `baiying_db_statements_sent`). */
  botStatements: number | null;
  /** CPU ms of the worker process. */
  workerCpuMs: number | null;
  /**
   * CPU ms of each PostgreSQL backend serving the bench database (pg_stat_activity × /proc), by
   * pid: a phase counts each backend's growth, from 0 for one that started within it; one that
   * exited within it is not counted (it cannot make the figure negative).
   */
  dbCpuMs: Map<number, number> | null;
  /** Times the bot put a send off for its pacing slot (its `baiying_pacing_waits_total`). */
  pacingWaits: number | null;
}

export interface PhaseCosts {
  bot_statements_per_update: number | null;
  worker_cpu_ms_per_update: number | null;
  db_cpu_ms_per_update: number | null;
  /** Sends put off for their pacing slot per update: each is one more look at the message later. */
  pacing_waits_per_update: number | null;
}

function perUpdate(before: number | null, after: number | null, acked: number, digits = 2): number | null {
  return before !== null && after !== null && acked > 0 ? round((after - before) / acked, digits) : null;
}

/** CPU ms the backends used between two readings (see CostCounters.dbCpuMs). */
function dbGrowth(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, cpu] of after) ms += Math.max(0, cpu - (before.get(pid) ?? 0));
  return ms;
}

function phaseCosts(before: CostCounters | null, after: CostCounters | null, acked: number): PhaseCosts | undefined {
  if (!before || !after) return undefined;
  return {
    bot_statements_per_update: perUpdate(before.botStatements, after.botStatements, acked),
    worker_cpu_ms_per_update: perUpdate(before.workerCpuMs, after.workerCpuMs, acked),
    db_cpu_ms_per_update: perUpdate(0, dbGrowth(before.dbCpuMs, after.dbCpuMs), acked),
    pacing_waits_per_update: perUpdate(before.pacingWaits, after.pacingWaits, acked),
  };
}

export interface FixedLoadFigures extends PhaseFigures {
  offered_per_s: number;
  light_load: PhaseFigures;
}

export interface CapacityFigures {
  updates_per_s: number | null;
  updates: number;
  acked: number;
  failed: number;
  ack_p50_ms: number | null;
  ack_p99_ms: number | null;
  stopped_by_time_cap: boolean;
  bot_cpu_ms_per_update: number | null;
  costs?: PhaseCosts;
}

export interface IngestFigures {
  fixed: FixedLoadFigures;
  capacity: CapacityFigures;
}

/** Series bases: ids/users of the phases never overlap. */
export const SERIES = { warmup: 0, light: 50_000, measured: 100_000, capacity: 200_000 } as const;

function phaseFigures(rate: number | null, r: WebhookLoadResult, cpuMs: number | null, costs: PhaseCosts | undefined): PhaseFigures {
  const ack = summarize(r.ackMs);
  return {
    offered_per_s: rate,
    updates: r.scheduled + r.notSent,
    acked: r.acked,
    failed: r.failed,
    not_sent: r.notSent,
    failures: r.failures,
    acked_per_s: r.durationMs > 0 ? round((r.acked / r.durationMs) * 1000, 1) : null,
    ack_p50_ms: ack.p50_ms,
    ack_p99_ms: ack.p99_ms,
    ack,
    service: summarize(r.serviceMs),
    duration_s: round(r.durationMs / 1000, 2),
    max_backlog: r.maxBacklog,
    bot_cpu_ms_per_update: cpuMs !== null && r.acked > 0 ? round(cpuMs / r.acked, 2) : null,
    ...(costs ? { costs } : {}),
  };
}

export interface IngestTarget {
  url: string;
  secretToken: string;
  /** Cumulative CPU ms of the bot process, or null when unknown. */
  cpuMs: () => number | null;
  /** Throws if the bot died. */
  assertAlive: () => void;
  /** Side counters (statements, worker and PostgreSQL CPU), when the target has them. */
  counters?: () => Promise<CostCounters>;
  /** Waits (bounded) until the bot has finished the warm-up's side work (e.g. its queued replies). */
  settle?: () => Promise<void>;
}

export async function measureIngest(target: IngestTarget, plan: IngestPlan, log: (line: string) => void): Promise<IngestFigures> {
  const base = { url: target.url, secretToken: target.secretToken, maxConnections: plan.maxConnections, requestTimeoutMs: 10_000 };
  const series =
    (offset: number) =>
    (i: number): Update =>
      ingestUpdate(offset, i);
  // Open-loop phases stop sending after twice their schedule or what 30 updates/s would need, + 15 s.
  const openCapMs = (n: number, rate: number): number => Math.max((n / rate) * 2000, (n / 30) * 1000) + 15_000;
  const run = async (
    count: number,
    rate: number | null,
    offset: number,
    capMs: number,
  ): Promise<{ r: WebhookLoadResult; cpu: number | null; costs: PhaseCosts | undefined }> => {
    const countersBefore = target.counters ? await target.counters() : null;
    const before = target.cpuMs();
    const r = await runWebhookLoad({ ...base, count, ratePerSecond: rate, maxDurationMs: capMs, update: series(offset) });
    const after = target.cpuMs();
    const countersAfter = target.counters ? await target.counters() : null;
    target.assertAlive();
    return { r, cpu: before !== null && after !== null ? after - before : null, costs: phaseCosts(countersBefore, countersAfter, r.acked) };
  };

  log(`  warm-up: ${plan.warmupUpdates} updates at ${plan.ratePerSecond}/s`);
  const warm = await run(plan.warmupUpdates, plan.ratePerSecond, SERIES.warmup, openCapMs(plan.warmupUpdates, plan.ratePerSecond));
  if (warm.r.failed + warm.r.notSent > 0) log(`  warm-up: ${warm.r.failed} failed, ${warm.r.notSent} not sent ${JSON.stringify(warm.r.failures)}`);
  await target.settle?.();
  await sleep(1000);

  log(`  light load: ${plan.lightUpdates} updates at ${plan.lightRatePerSecond}/s`);
  const lightRun = await run(plan.lightUpdates, plan.lightRatePerSecond, SERIES.light, openCapMs(plan.lightUpdates, plan.lightRatePerSecond));
  const light = phaseFigures(plan.lightRatePerSecond, lightRun.r, lightRun.cpu, lightRun.costs);
  log(`  light load: ack p50 ${light.ack_p50_ms} ms p99 ${light.ack_p99_ms} ms, ${light.bot_cpu_ms_per_update} CPU ms/update`);
  await sleep(1000);

  log(`  measured: ${plan.measuredUpdates} updates at ${plan.ratePerSecond}/s, ≤ ${plan.maxConnections} connections`);
  const measuredRun = await run(plan.measuredUpdates, plan.ratePerSecond, SERIES.measured, openCapMs(plan.measuredUpdates, plan.ratePerSecond));
  const measured = phaseFigures(plan.ratePerSecond, measuredRun.r, measuredRun.cpu, measuredRun.costs);
  const fixed: FixedLoadFigures = { ...measured, offered_per_s: plan.ratePerSecond, light_load: light };
  log(
    `  measured: acked ${fixed.acked}/${fixed.updates} (${fixed.not_sent} not sent) at ${fixed.acked_per_s}/s, ack p50 ${fixed.ack_p50_ms} ms p99 ${fixed.ack_p99_ms} ms, ${fixed.bot_cpu_ms_per_update} CPU ms/update`,
  );
  await sleep(1000);

  const capMs = (plan.capacityUpdates / 20) * 1000 + 10_000; // gives up below ~20 updates/s
  log(`  capacity: ${plan.capacityUpdates} updates, closed loop over ${plan.maxConnections} connections`);
  const capRun = await run(plan.capacityUpdates, null, SERIES.capacity, capMs);
  const capAck = summarize(capRun.r.ackMs);
  const capacity: CapacityFigures = {
    updates_per_s: capRun.r.durationMs > 0 ? round((capRun.r.acked / capRun.r.durationMs) * 1000, 1) : null,
    updates: capRun.r.scheduled,
    acked: capRun.r.acked,
    failed: capRun.r.failed,
    ack_p50_ms: capAck.p50_ms,
    ack_p99_ms: capAck.p99_ms,
    stopped_by_time_cap: capRun.r.stoppedByTimeCap,
    bot_cpu_ms_per_update: capRun.cpu !== null && capRun.r.acked > 0 ? round(capRun.cpu / capRun.r.acked, 2) : null,
    ...(capRun.costs ? { costs: capRun.costs } : {}),
  };
  log(`  capacity: ${capacity.updates_per_s} acked/s (p50 ${capacity.ack_p50_ms} ms), ${capacity.bot_cpu_ms_per_update} CPU ms/update`);
  if (measured.costs) log(`  measured costs per update: ${JSON.stringify(measured.costs)}; capacity: ${JSON.stringify(capacity.costs)}`);
  return { fixed, capacity };
}
