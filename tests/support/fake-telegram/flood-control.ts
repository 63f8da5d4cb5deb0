/**
 * Telegram-like flood control for the fake Bot API: sliding windows over accepted sends,
 * 429 decisions with retry_after, and detection of clients that ignore retry_after.
 *
 * All bookkeeping is O(1) per request: each window keeps only the timestamps of its last
 * `limit` accepted sends in a fixed ring, because that is all a sliding-window check needs
 * ("were `limit` sends accepted within the last W ms?" ⇔ "is the limit-th most recent send
 * younger than W ms?").
 */

export interface RateLimits {
  /** Accepted sends per (scaled) second, bot-wide. `Infinity` disables the rule. */
  globalPerSecond: number;
  /** Accepted sends per (scaled) second to one chat (private and group chats). */
  perChatPerSecond: number;
  /** Accepted sends per (scaled) minute to one group chat (negative chat id). */
  perGroupPerMinute: number;
}

/** Telegram's published numbers (Bot FAQ). */
export const TELEGRAM_LIMITS: Readonly<RateLimits> = Object.freeze({
  globalPerSecond: 30,
  perChatPerSecond: 1,
  perGroupPerMinute: 20,
});

/** Which rule rejected a send. */
export type LimitScope = 'global' | 'chat' | 'group';

export interface FloodControlOptions {
  limits: RateLimits;
  /** Real milliseconds per fake second (1000 × timeScale). */
  unitMs: number;
  /** Report retry_after in real seconds (unit multiples, may be fractional) instead of integer fake seconds. */
  fractionalRetryAfter: boolean;
  /**
   * Timing slack at both ends of a told retry_after: a request arriving this soon after the 429
   * was written was already in flight, and one arriving this soon before the end comes from a
   * client whose timer fired a little early (Node timers run on a cached loop clock).
   */
  breachGraceMs: number;
}

/** A retry_after period the fake told a client about, for one scope key (bot-wide or one chat). */
export interface Block {
  /** Monotonic time the 429 response was written (Infinity until then), plus the grace. */
  toldAt: number;
  /** Monotonic time the told retry_after ends. */
  until: number;
}

export type FloodDecision =
  | { readonly accepted: true }
  | {
      readonly accepted: false;
      /** True when the request came in while a retry_after the client was told still ran. */
      readonly breach: boolean;
      readonly scopes: readonly LimitScope[];
      /** The value to put in `parameters.retry_after`. */
      readonly retryAfter: number;
      /** Blocks to stamp with the time the 429 reached the wire (see `markTold`). */
      readonly blocks: readonly Block[];
    };

/** Fixed-capacity ring holding the timestamps of the most recent `capacity` accepted sends. */
export class TimestampRing {
  private readonly times: Float64Array;
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
    this.times = new Float64Array(capacity);
  }

  /** Milliseconds until one more send fits into a sliding window of `windowMs` (0 = fits now). */
  waitMs(now: number, windowMs: number): number {
    if (this.size < this.capacity) return 0;
    const oldest = this.times[this.head] ?? 0;
    const freeAt = oldest + windowMs;
    return freeAt > now ? freeAt - now : 0;
  }

  push(time: number): void {
    if (this.size < this.capacity) {
      this.times[(this.head + this.size) % this.capacity] = time;
      this.size++;
    } else {
      this.times[this.head] = time;
      this.head = (this.head + 1) % this.capacity;
    }
  }

  /** Sends accepted within the window ending at `now` (O(capacity); for stats and tests only). */
  countWithin(now: number, windowMs: number): number {
    let n = 0;
    for (let i = 0; i < this.size; i++) {
      const t = this.times[(this.head + i) % this.capacity] ?? -Infinity;
      if (t > now - windowMs) n++;
    }
    return n;
  }
}

interface ChatState {
  perSecond: TimestampRing | undefined;
  perMinute: TimestampRing | undefined;
  block: Block | undefined;
}

function ringFor(limit: number): TimestampRing | undefined {
  return Number.isFinite(limit) ? new TimestampRing(limit) : undefined;
}

export function validateLimits(limits: RateLimits): void {
  for (const [name, value] of Object.entries(limits)) {
    const ok = value === Infinity || (Number.isInteger(value) && value >= 1);
    if (!ok) throw new RangeError(`FakeBotApi limit ${name} must be a positive integer or Infinity, got ${String(value)}`);
  }
}

export class FloodControl {
  private globalRing: TimestampRing | undefined;
  private globalBlock: Block | undefined;
  private readonly chats = new Map<number, ChatState>();

  constructor(private readonly options: FloodControlOptions) {
    validateLimits(options.limits);
    this.globalRing = ringFor(options.limits.globalPerSecond);
  }

  get limits(): Readonly<RateLimits> {
    return this.options.limits;
  }

  /**
   * Decides one send. `arrivedAt` is when the request reached the server (breach detection
   * uses it, so that requests the client had sent before it could read a 429 are excused);
   * `now` is when it is processed (windows use it). Accepted sends are committed at once.
   */
  check(chatId: number | undefined, arrivedAt: number, now: number): FloodDecision {
    const chat = chatId === undefined ? undefined : this.chatState(chatId);
    const isGroup = chatId !== undefined && chatId < 0;

    // 1. A request inside a retry_after that was already told: the client ignored it.
    let breachUntil = 0;
    const breached: LimitScope[] = [];
    if (this.isTold(this.globalBlock, arrivedAt, now)) {
      breached.push('global');
      breachUntil = Math.max(breachUntil, this.globalBlock?.until ?? 0);
    }
    if (chat !== undefined && this.isTold(chat.block, arrivedAt, now)) {
      breached.push(isGroup ? 'group' : 'chat');
      breachUntil = Math.max(breachUntil, chat.block?.until ?? 0);
    }
    if (breached.length > 0) {
      return { accepted: false, breach: true, scopes: breached, retryAfter: this.report(this.units(breachUntil - now)), blocks: [] };
    }

    // 2. Sliding windows.
    const second = this.options.unitMs;
    const minute = 60 * this.options.unitMs;
    const globalWait = this.globalRing?.waitMs(now, second) ?? 0;
    const chatWait = chat?.perSecond?.waitMs(now, second) ?? 0;
    const groupWait = isGroup ? (chat?.perMinute?.waitMs(now, minute) ?? 0) : 0;
    const waitMs = Math.max(globalWait, chatWait, groupWait);
    if (waitMs > 0) {
      const units = this.units(waitMs);
      const until = now + units * this.options.unitMs;
      const scopes: LimitScope[] = [];
      const blocks: Block[] = [];
      if (globalWait > 0) {
        scopes.push('global');
        this.globalBlock = extendBlock(this.globalBlock, now, until);
        blocks.push(this.globalBlock);
      }
      if (chat !== undefined && (chatWait > 0 || groupWait > 0)) {
        if (chatWait > 0) scopes.push('chat');
        if (groupWait > 0) scopes.push('group');
        chat.block = extendBlock(chat.block, now, until);
        blocks.push(chat.block);
      }
      return { accepted: false, breach: false, scopes, retryAfter: this.report(units), blocks };
    }

    // 3. Accept: only now do the windows count the send, so rejected sends never use capacity.
    this.globalRing?.push(now);
    chat?.perSecond?.push(now);
    if (isGroup) chat?.perMinute?.push(now);
    return { accepted: true };
  }

  /**
   * Records a retry_after that did not come from the windows (an injected 429) so that
   * later sends inside it count as breaches too. `retryAfter` is in the unit the fake reports.
   */
  blockFor(chatId: number | undefined, retryAfter: number, now: number): Block {
    const ms = this.options.fractionalRetryAfter ? retryAfter * 1000 : retryAfter * this.options.unitMs;
    if (chatId === undefined) {
      this.globalBlock = extendBlock(this.globalBlock, now, now + ms);
      return this.globalBlock;
    }
    const chat = this.chatState(chatId);
    chat.block = extendBlock(chat.block, now, now + ms);
    return chat.block;
  }

  /** Called when the 429 carrying these blocks has been written to the socket. */
  markTold(blocks: readonly Block[], at: number): void {
    for (const block of blocks) block.toldAt = Math.min(block.toldAt, at + this.options.breachGraceMs);
  }

  /** Accepted sends in the current bot-wide one-second window (for tests and benchmarks). */
  globalSendsInWindow(now: number): number {
    return this.globalRing?.countWithin(now, this.options.unitMs) ?? 0;
  }

  private isTold(block: Block | undefined, arrivedAt: number, now: number): boolean {
    return block !== undefined && now < block.until && arrivedAt >= block.toldAt && arrivedAt < block.until - this.options.breachGraceMs;
  }

  /** Whole fake seconds covering `ms`, at least 1 (Telegram never says "retry after 0"). */
  private units(ms: number): number {
    // The epsilon keeps an exact multiple (e.g. 1000 ms) from rounding up to 2 through float noise.
    return Math.max(1, Math.ceil(ms / this.options.unitMs - 1e-9));
  }

  private report(units: number): number {
    if (!this.options.fractionalRetryAfter) return units;
    const seconds = (units * this.options.unitMs) / 1000;
    return Math.round(seconds * 1e6) / 1e6;
  }

  private chatState(chatId: number): ChatState {
    let state = this.chats.get(chatId);
    if (state === undefined) {
      state = {
        perSecond: ringFor(this.options.limits.perChatPerSecond),
        perMinute: chatId < 0 ? ringFor(this.options.limits.perGroupPerMinute) : undefined,
        block: undefined,
      };
      this.chats.set(chatId, state);
    }
    return state;
  }
}

function extendBlock(block: Block | undefined, now: number, until: number): Block {
  if (block !== undefined && now < block.until) {
    block.until = Math.max(block.until, until);
    return block;
  }
  return { toldAt: Infinity, until };
}
