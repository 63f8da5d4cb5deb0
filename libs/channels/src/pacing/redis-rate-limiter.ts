// Shared (Redis) pacing for a platform's limits, so any number of bot replicas together stay
// under them: a global per-second budget, one message per interval per chat, and a per-minute
// budget for groups. `reserve` either takes a slot now or says how long to wait; `settle`
// then moves the slot to when the platform answered (see there).
import type { Redis } from 'ioredis';
import { Priority } from '@baiying/domain';
import { LuaScript } from './lua-script.js';

export interface PacingLimits {
  globalPerSecond: number;
  chatPerSecond: number;
  groupPerMinute: number;
  /**
   * Broadcast sends' share of `globalPerSecond` (default: all but one) while interactive traffic
   * is about (sent in the last second or waiting), so a job card or a reply finds a free slot at
   * once even while a call goes out at full speed; while it is idle they may use the whole budget.
   */
  bulkPerSecond?: number;
}

// Sliding windows as sorted sets of timestamps; a chat's "blocked until" from 429s; and the
// waiters: sends refused only for want of a bot-wide slot (decision 0041), queued in order —
// priority first (lower is more urgent), then the message's own order (its outbox sequence) —
// with the time each is due back (decision 0062). A refused send is told to come back when its
// turn in that queue is expected to find a slot free (not merely when the next slot frees, which
// woke every waiter at once, one to win and the rest to ask again), and a slot that frees up goes
// to the waiters due by then before any send queued behind them: a send may take one only if
// fewer than `globalPerSecond − (waiters ahead of it, due)` slots are in use. A waiter that does
// not come back within its grace stops holding slots. Broadcasts (the lowest priority, never
// waiters) also keep to their share while interactive traffic is about (an interactive send in
// the window, or one waiting), and use the whole budget when it is idle.
// KEYS: global, chat, group-window, chat-block, global-block, bulk-window, wait-queue, wait-due.
// ARGV: now, globalMax, chatGapMs, groupMax, isGroup, member, isBulk, bulkMax, place, waiter,
//       graceMs, dueWithinMs.
const RESERVE = `
local now = tonumber(ARGV[1])
local gmax = tonumber(ARGV[2])
local gap = tonumber(ARGV[3])
local grmax = tonumber(ARGV[4])
local isGroup = ARGV[5] == '1'
local member = ARGV[6]
local isBulk = ARGV[7] == '1'
local bmax = tonumber(ARGV[8])
local place = tonumber(ARGV[9])
local me = ARGV[10]
local grace = tonumber(ARGV[11])
local soon = tonumber(ARGV[12])
-- Milliseconds until the send with rank waiters ahead of it may take a slot, when the window
-- now holds count sends and every waiter ahead takes the first slot that frees up: the sends in
-- the window and those to come, in order, are S(0..); S(count + rank) is its slot, and a slot n
-- is free a second after slot n − gmax was taken (or now, when that one is not needed).
local function turnWait(count, rank)
  local m = math.floor(rank / gmax) + 1
  local i = count + rank - m * gmax
  if i < 0 then return 1000 * (m - 1) end
  local nth = redis.call('ZRANGE', KEYS[1], i, i, 'WITHSCORES')
  return math.max(1, tonumber(nth[2]) + 1000 * m - now)
end
-- Milliseconds until a window of 1 s holding count sends (oldest first) has room under cap.
local function windowWait(key, count, cap)
  if count < cap then return 0 end
  if cap <= 0 then return 50 end
  local nth = redis.call('ZRANGE', key, count - cap, count - cap, 'WITHSCORES')
  return math.max(1, tonumber(nth[2]) + 1000 - now)
end
local other = 0
local gb = tonumber(redis.call('GET', KEYS[5]) or '0')
if gb > now then other = math.max(other, gb - now) end
local cb = tonumber(redis.call('GET', KEYS[4]) or '0')
if cb > now then other = math.max(other, cb - now) end
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
if last + gap > now then other = math.max(other, last + gap - now) end
if isGroup then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - 60000)
  local n = redis.call('ZCARD', KEYS[3])
  if n >= grmax then
    local oldest = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
    other = math.max(other, tonumber(oldest[2]) + 60000 - now)
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 1000)
local gcount = redis.call('ZCARD', KEYS[1])
-- Waiters past their grace leave the queue.
local gone = redis.call('ZRANGEBYSCORE', KEYS[8], '-inf', now)
for _, w in ipairs(gone) do
  redis.call('ZREM', KEYS[7], w)
  redis.call('ZREM', KEYS[8], w)
end
-- Waiters ahead of this send (all of them for a broadcast) that are due by now or very soon.
local ahead = 0
local head = redis.call('ZRANGE', KEYS[7], 0, math.max(0, gmax - 1), 'WITHSCORES')
for i = 1, #head, 2 do
  if head[i] ~= me then
    if not isBulk and tonumber(head[i + 1]) >= place then break end
    local due = tonumber(redis.call('ZSCORE', KEYS[8], head[i]) or '0') - grace
    if due <= now + soon then ahead = ahead + 1 end
  end
end
local gwait = windowWait(KEYS[1], gcount, gmax - ahead)
if isBulk then
  redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', now - 1000)
  local bcount = redis.call('ZCARD', KEYS[6])
  if gcount > bcount or redis.call('ZCARD', KEYS[7]) > 0 then gwait = math.max(gwait, windowWait(KEYS[6], bcount, bmax)) end
end
local wait = math.max(other, gwait)
if wait > 0 then
  if not isBulk and gwait > 0 and other <= gwait then
    -- Its turn: after every waiter ahead of it in the queue, due or not.
    local rank = redis.call('ZCOUNT', KEYS[7], '-inf', '(' .. ARGV[9])
    local mine = redis.call('ZSCORE', KEYS[7], me)
    if mine and tonumber(mine) < place then rank = rank - 1 end
    wait = math.max(wait, turnWait(gcount, rank))
    redis.call('ZADD', KEYS[7], ARGV[9], me)
    redis.call('ZADD', KEYS[8], now + wait + grace, me)
    for k = 7, 8 do
      if redis.call('PTTL', KEYS[k]) < wait + grace + 1000 then redis.call('PEXPIRE', KEYS[k], wait + grace + 1000) end
    end
  end
  return wait
end
redis.call('ZREM', KEYS[7], me)
redis.call('ZREM', KEYS[8], me)
if isBulk then
  redis.call('ZADD', KEYS[6], now, member)
  redis.call('PEXPIRE', KEYS[6], 2000)
end
redis.call('ZADD', KEYS[1], now, member)
redis.call('PEXPIRE', KEYS[1], 2000)
redis.call('SET', KEYS[2], now, 'PX', gap + 1000)
if isGroup then
  redis.call('ZADD', KEYS[3], now, member)
  redis.call('PEXPIRE', KEYS[3], 61000)
end
return 0
`;

// A send's slot, moved to the moment the platform answered (the send arrived there in between).
// KEYS: global, bulk-window, group-window, chat. ARGV: at, member, chatGapMs.
const SETTLE = `
local at = tonumber(ARGV[1])
local member = ARGV[2]
local gap = tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], 'XX', at, member)
redis.call('ZADD', KEYS[2], 'XX', at, member)
if redis.call('ZADD', KEYS[3], 'XX', 'CH', at, member) == 1 then redis.call('PEXPIRE', KEYS[3], 61000) end
redis.call('PEXPIRE', KEYS[1], 2000)
redis.call('PEXPIRE', KEYS[2], 2000)
local last = tonumber(redis.call('GET', KEYS[4]) or '-1')
if last >= 0 and last < at then redis.call('SET', KEYS[4], at, 'PX', gap + 1000) end
return 0
`;

const RESERVE_SCRIPT = new LuaScript(RESERVE, 8);
const SETTLE_SCRIPT = new LuaScript(SETTLE, 4);
/** Places in the waiters' queue are `priority × ORDER_SPAN + order` (exact in a double up to priority 8,999). */
const ORDER_SPAN = 1e12;
/**
 * A waiter ahead in the queue holds a slot for itself from this long before it is due back: the
 * replicas' clocks differ by a little, and a slot that frees up just before a waiter's turn is
 * its slot (its wait was computed for it).
 */
const WAITER_DUE_SOON_MS = 50;

export class RedisRateLimiter {
  private seq = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: PacingLimits,
    /**
     * Safety margin against clock granularity: act as if windows were slightly longer. Small,
     * because `settle` already dates every send at or after its arrival; each wait is padded by
     * it, so it costs a broadcast that much per slot and second.
     */
    private readonly marginMs = 2,
    /**
     * How long past its told wait a refused send stays a waiter (its job comes back through the
     * queue's delayed set); a waiter that does not come back stops holding slots after that.
     */
    private readonly waiterGraceMs = 300,
  ) {}

  async reserve(chatId: string, isGroup: boolean, bulk = false, priority?: number, order?: number): Promise<number> {
    return (await this.reserveSlot(chatId, isGroup, { bulk, priority, order })).wait;
  }

  /**
   * `reserve`, also naming the slot taken (when wait is 0) for `settle`. `priority` is the
   * message's (lower is more urgent; broadcasts are the lowest): a send refused for want of a
   * bot-wide slot waits as a waiter, and the slots that free up go to the most urgent waiter first.
   * `order` places it among waiters of its priority (the message's outbox sequence: first
   * decided, first sent); a send without one queues behind them. A refused send is told when its
   * turn comes, so a backlog of waiters comes back about one per slot instead of all at once.
   */
  async reserveSlot(
    chatId: string,
    isGroup: boolean,
    opts: { bulk?: boolean; priority?: number; order?: number } = {},
  ): Promise<{ wait: number; member: string }> {
    const p = this.prefix;
    const now = Date.now();
    const member = `${now}-${process.pid}-${this.seq++}`;
    const bulk = opts.bulk ?? false;
    const priority = Math.max(0, Math.trunc(opts.priority ?? (bulk ? Priority.bulk : Priority.interactive)));
    // The queue's place: priority first, then the message's order (last when none is given).
    const order = opts.order === undefined ? ORDER_SPAN - 1 : Math.min(ORDER_SPAN - 1, Math.max(0, Math.trunc(opts.order)));
    const wait = (await RESERVE_SCRIPT.run(this.redis, [
      `${p}:rl:global`,
      `${p}:rl:chat:${chatId}`,
      `${p}:rl:group:${chatId}`,
      `${p}:rl:block:${chatId}`,
      `${p}:rl:block:*global*`,
      `${p}:rl:bulk`,
      `${p}:rl:waitq`,
      `${p}:rl:waitdue`,
      String(now),
      String(this.limits.globalPerSecond),
      String(Math.ceil(1000 / this.limits.chatPerSecond) + this.marginMs),
      String(this.limits.groupPerMinute),
      isGroup ? '1' : '0',
      member,
      bulk ? '1' : '0',
      String(this.limits.bulkPerSecond ?? Math.max(1, this.limits.globalPerSecond - 1)),
      String(priority * ORDER_SPAN + order),
      `${priority}|${chatId}`,
      String(this.waiterGraceMs),
      String(WAITER_DUE_SOON_MS),
    ])) as number;
    return { wait: wait > 0 ? wait + this.marginMs : 0, member };
  }

  /**
   * Call once the platform answered a send that `reserveSlot` allowed. Its slot counted from the
   * reservation; the request reached the platform some time later (a database write, a busy
   * event loop, the HTTP stack), and Telegram counts arrivals. Windows kept at reservation
   * times then let a late send and an early one land less than a second apart (a 429, and a
   * second of silence for the whole bot). Re-dated to the answer, which came after the arrival,
   * every window covers at least the real one.
   */
  async settle(chatId: string, member: string): Promise<void> {
    const p = this.prefix;
    await SETTLE_SCRIPT.run(this.redis, [
      `${p}:rl:global`,
      `${p}:rl:bulk`,
      `${p}:rl:group:${chatId}`,
      `${p}:rl:chat:${chatId}`,
      // +1: Date.now() truncates, the platform's clock may not.
      String(Date.now() + 1),
      member,
      String(Math.ceil(1000 / this.limits.chatPerSecond) + this.marginMs),
    ]);
  }

  async block(chatId: string | null, ms: number): Promise<void> {
    const key = chatId === null ? `${this.prefix}:rl:block:*global*` : `${this.prefix}:rl:block:${chatId}`;
    await this.redis.set(key, String(Date.now() + ms), 'PX', ms + 1000);
  }
}
