/**
 * Time for the fake: Telegram's unix-second dates, and a scheduler that owns every timer
 * the fake starts, so that stop() can clear them all and nothing keeps Jest alive.
 */

/** Telegram dates are whole unix seconds. */
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stoppedFlag = false;

  /** True between stop() and the next start(): late callbacks check it and do nothing. */
  get stopped(): boolean {
    return this.stoppedFlag;
  }

  /** setTimeout that stop() can cancel. */
  later(ms: number, fn: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  clear(timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  start(): void {
    this.stoppedFlag = false;
  }

  /** Marks the fake stopped and cancels every pending timer. */
  stop(): void {
    this.stoppedFlag = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
