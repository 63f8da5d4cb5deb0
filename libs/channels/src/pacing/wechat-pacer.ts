// Pacing for a personal WeChat account (risk control, user reports; no official figure):
// at most one send per `minGapMs` and `perMinute` per minute for the whole account, shared in
// Redis, plus a circuit breaker that pauses every send after a "too frequent" error.
import type { Redis } from 'ioredis';
import { Priority } from '@baiying/domain';
import { LuaScript } from './lua-script.js';

export interface WechatPacing {
  minGapMs: number;
  perMinute: number;
  /** How long the breaker pauses sending after the platform says "too frequent". */
  breakerPauseMs: number;
  /** Length of the per-minute window (tests shorten it). */
  windowMs: number;
}

// KEYS: last, window, breaker, waiters. ARGV: now, gap, max, window, member, priority, waiter, graceMs.
// Waiters (decision 0041): a refused send stays listed as `<priority>|<chat>` until it will have
// asked again; a free slot is taken only by a send with no more urgent waiter listed, so an
// emergency takes the next slot ahead of replies, notices and broadcasts queued before it.
const RESERVE = `
local now = tonumber(ARGV[1])
local gap = tonumber(ARGV[2])
local max = tonumber(ARGV[3])
local win = tonumber(ARGV[4])
local prio = tonumber(ARGV[6])
local me = ARGV[7]
local grace = tonumber(ARGV[8])
local wait = 0
local br = tonumber(redis.call('GET', KEYS[3]) or '0')
if br > now then wait = br - now end
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
if last + gap > now then wait = math.max(wait, last + gap - now) end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - win)
if redis.call('ZCARD', KEYS[2]) >= max then
  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  wait = math.max(wait, tonumber(oldest[2]) + win - now)
end
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
local ahead = false
for _, w in ipairs(redis.call('ZRANGE', KEYS[4], 0, -1)) do
  local p = tonumber(string.match(w, '^(%d+)|'))
  if w ~= me and p ~= nil and p < prio then ahead = true end
end
-- The slot belongs to a more urgent waiter: this send's turn is one gap later at the earliest.
if ahead then wait = math.max(wait, gap) end
if wait > 0 then
  redis.call('ZADD', KEYS[4], now + wait + grace, me)
  redis.call('PEXPIRE', KEYS[4], wait + grace + 1000)
  return wait
end
redis.call('ZREM', KEYS[4], me)
redis.call('SET', KEYS[1], now, 'PX', gap + 1000)
redis.call('ZADD', KEYS[2], now, ARGV[5])
redis.call('PEXPIRE', KEYS[2], win + 1000)
return 0
`;

/** A send's priority when none is named (the domain's Priority.interactive). */
const DEFAULT_PRIORITY = Priority.interactive;
/**
 * How long past its told wait a refused send stays a waiter (its job comes back through the
 * queue's delayed set, later on a busy machine); at least one gap, so a waiter that never comes
 * back idles the account for little more than a slot.
 */
const MIN_WAITER_GRACE_MS = 2000;

const RESERVE_SCRIPT = new LuaScript(RESERVE, 4);

export class WechatPacer {
  private seq = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    readonly pacing: WechatPacing,
  ) {}

  /**
   * Takes a send slot now, or says how long to wait. `chatId` and `priority` (lower is more
   * urgent) name the send as a waiter while it waits, so the slots go to the most urgent first.
   */
  async reserve(chatId = '', priority: number = DEFAULT_PRIORITY): Promise<{ wait: number; member: string }> {
    const now = Date.now();
    const member = `${now}-${process.pid}-${this.seq++}`;
    const prio = Math.max(0, Math.trunc(priority));
    const wait = (await RESERVE_SCRIPT.run(this.redis, [
      `${this.prefix}:wx:last`,
      `${this.prefix}:wx:window`,
      `${this.prefix}:wx:breaker`,
      `${this.prefix}:wx:waiters`,
      String(now),
      String(this.pacing.minGapMs),
      String(this.pacing.perMinute),
      String(this.pacing.windowMs),
      member,
      String(prio),
      `${prio}|${chatId}`,
      String(Math.max(MIN_WAITER_GRACE_MS, this.pacing.minGapMs)),
    ])) as number;
    return { wait: wait > 0 ? wait + 5 : 0, member };
  }

  /**
   * Re-stamps a taken slot with the moment the platform call was made, so the next slot is
   * measured from the real send, however long the event loop took to get there.
   */
  async touch(member: string): Promise<void> {
    const now = Date.now();
    await this.redis
      .multi()
      .set(`${this.prefix}:wx:last`, String(now), 'PX', this.pacing.minGapMs + 1000)
      .zadd(`${this.prefix}:wx:window`, now, member)
      .exec();
  }

  /** Trips the breaker: nothing is sent until it closes; returns false if it was already open. */
  async trip(): Promise<boolean> {
    const r = await this.redis.set(`${this.prefix}:wx:breaker`, String(Date.now() + this.pacing.breakerPauseMs), 'PX', this.pacing.breakerPauseMs + 1000, 'NX');
    return r === 'OK';
  }
}
