// A per-key counter over fixed windows, in this process (bounded in memory). Used where a limit
// only needs to bound growth, not to be exact across replicas: with N replicas a key gets at
// most N × max per window.
const MAX_KEYS = 10_000;

export class FixedWindow {
  private windowStart = 0;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one for `key`; false when the key has used its window's allowance. */
  take(key: string): boolean {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      this.windowStart = t;
      this.counts.clear();
    }
    const n = this.counts.get(key) ?? 0;
    if (n >= this.max) return false;
    // Too many distinct keys in one window (a spread-out flood): refuse new keys until it turns.
    if (n === 0 && this.counts.size >= MAX_KEYS) return false;
    this.counts.set(key, n + 1);
    return true;
  }
}
