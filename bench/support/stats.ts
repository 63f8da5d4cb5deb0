// Small numeric helpers shared by the bench sections.

/** Nearest-rank percentile of an ascending array (p in 0..100); NaN for an empty array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Rounds to `digits` decimals; NaN and infinities become null (JSON has no NaN). */
export function round(value: number, digits = 2): number | null {
  if (!Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** ours / theirs, rounded; null when either side is missing or theirs is 0. */
export function ratio(ours: number | null | undefined, theirs: number | null | undefined, digits = 2): number | null {
  if (ours === null || ours === undefined || theirs === null || theirs === undefined || theirs === 0) return null;
  return round(ours / theirs, digits);
}

export interface LatencySummary {
  count: number;
  p50_ms: number | null;
  p90_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  mean_ms: number | null;
}

export function summarize(values: readonly number[]): LatencySummary {
  const s = sortedCopy(values);
  const mean = s.length ? s.reduce((a, b) => a + b, 0) / s.length : Number.NaN;
  return {
    count: s.length,
    p50_ms: round(percentile(s, 50)),
    p90_ms: round(percentile(s, 90)),
    p95_ms: round(percentile(s, 95)),
    p99_ms: round(percentile(s, 99)),
    max_ms: round(s.length ? s[s.length - 1]! : Number.NaN),
    mean_ms: round(mean),
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `fn` every `everyMs` until it returns a truthy value or `timeoutMs` passes (then throws). */
export async function waitUntil<T>(
  fn: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  what: string,
  timeoutMs: number,
  everyMs = 50,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
