/**
 * Telegram's limits as the fake applies them to requests: flood control of sends (the
 * windows themselves live in flood-control.ts), breach accounting in the stats, and the
 * faults a test injects with failNext(), whose 429s arm breach detection like real ones.
 */
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type Block, FloodControl, type RateLimits } from './flood-control.js';
import { METHOD_BY_LOWER } from './methods/names.js';
import { ApiError, type Params } from './request.js';
import { type FakeStats, type FaultSpec, SEND_METHODS } from './types.js';

/** A 429 that arms breach detection; carries the blocks to stamp when the answer is written. */
export class FloodError extends ApiError {
  constructor(
    retryAfter: number,
    readonly blocks: readonly Block[],
    description = `Too Many Requests: retry after ${retryAfter}`,
  ) {
    super(429, description, { retry_after: retryAfter });
  }
}

export interface LimitsOptions {
  timeScale: number;
  fractionalRetryAfter: boolean;
  breachGraceMs: number | undefined;
}

export class Limits {
  private flood: FloodControl;
  private readonly faults = new Map<string, Array<{ spec: FaultSpec; remaining: number }>>();

  constructor(
    private readonly options: LimitsOptions,
    private readonly stats: FakeStats,
    limits: RateLimits,
  ) {
    this.flood = this.makeFloodControl(limits);
  }

  get limits(): Readonly<RateLimits> {
    return this.flood.limits;
  }

  /** Replaces the limits (and forgets the windows). */
  setLimits(limits: Partial<RateLimits>): void {
    this.flood = this.makeFloodControl({ ...this.flood.limits, ...limits });
  }

  /** Forgets windows, told retry_afters and pending faults; keeps the limits. */
  reset(): void {
    this.faults.clear();
    this.flood = this.makeFloodControl(this.flood.limits);
  }

  /** Accepted sends within the current bot-wide one-(fake-)second window. */
  sendsInCurrentSecond(): number {
    return this.flood.globalSendsInWindow(performance.now());
  }

  failNext(method: string, count: number, spec: FaultSpec): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`failNext count must be a positive integer, got ${count}`);
    const key = method === '*' ? '*' : (METHOD_BY_LOWER.get(method.toLowerCase()) ?? method);
    const list = this.faults.get(key) ?? [];
    list.push({ spec, remaining: count });
    this.faults.set(key, list);
  }

  /** Throws the next injected fault for `method` (or '*'), if any. */
  injectFault(method: string, p: Params): void {
    const key = this.faults.has(method) ? method : '*';
    const list = this.faults.get(key);
    const fault = list?.[0];
    if (list === undefined || fault === undefined) return;
    if (--fault.remaining <= 0) list.shift();
    if (list.length === 0) this.faults.delete(key);
    this.stats.injectedFaults++;
    const { status, description, retry_after } = fault.spec;
    // An injected 429 on a send arms breach detection like a real one: for its chat when it names one.
    if (status === 429 && retry_after !== undefined && (SEND_METHODS as readonly string[]).includes(method)) {
      const chatId = p.int('chat_id');
      const perChat = chatId !== undefined && !Number.isNaN(chatId);
      const block = this.flood.blockFor(perChat ? chatId : undefined, retry_after, performance.now());
      throw new FloodError(retry_after, [block], description);
    }
    throw new ApiError(status, description, retry_after === undefined ? undefined : { retry_after });
  }

  /** Flood control for one send; throws the 429 when the fake would not deliver it. */
  admit(chatId: number, arrivedAt: number, counted: boolean): void {
    if (!counted) return;
    const decision = this.flood.check(chatId, arrivedAt, performance.now());
    if (decision.accepted) return;
    if (decision.breach) this.stats.limitBreaches++;
    else for (const scope of decision.scopes) this.stats.rejectedBy[scope]++;
    throw new FloodError(decision.retryAfter, decision.blocks);
  }

  /** Accounting for an error answer about to be written to `res`. */
  beforeErrorAnswer(res: ServerResponse, error: ApiError): void {
    if (error.status === 429) this.stats.status429++;
    const blocks = error instanceof FloodError ? error.blocks : [];
    if (blocks.length > 0) {
      // A client can only ignore a retry_after it has received: start counting once it is on the wire.
      res.once('finish', () => this.flood.markTold(blocks, performance.now()));
    }
  }

  /** A failed webhook reply: Telegram drops it silently; the 429 is counted so benchmarks still see it. */
  droppedReplyError(error: unknown): void {
    if (error instanceof ApiError && error.status === 429) this.stats.status429++;
  }

  private makeFloodControl(limits: RateLimits): FloodControl {
    const unitMs = 1000 * this.options.timeScale;
    return new FloodControl({
      limits,
      unitMs,
      fractionalRetryAfter: this.options.fractionalRetryAfter,
      breachGraceMs: this.options.breachGraceMs ?? Math.min(20, unitMs / 4),
    });
  }
}
