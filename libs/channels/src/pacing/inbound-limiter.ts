// Shared (Redis) windows for inbound messages, so any number of bot replicas together admit at
// most N events per person and per group chat a minute. Same sliding windows as the outbound
// RedisRateLimiter (sorted sets of timestamps, trimmed to the window in one script), keyed by
// sender and chat instead of send slots. The conversation ingress decides what counts where.
import type { Redis } from 'ioredis';
import { LuaScript } from './lua-script.js';

export interface InboundWindowSpec {
  key: string;
  max: number;
  enforce: boolean;
}

// KEYS: the windows. ARGV: now, windowMs, member, then max and enforce (1/0) per key.
// Refused (returns 0, counting nothing) when an enforced window is full; else counts in all.
const ADMIT = `
local now = tonumber(ARGV[1])
local win = tonumber(ARGV[2])
local member = ARGV[3]
for i = 1, #KEYS do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - win)
  if ARGV[3 + 2 * i] == '1' and redis.call('ZCARD', KEYS[i]) >= tonumber(ARGV[2 + 2 * i]) then return 0 end
end
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], now, member)
  redis.call('PEXPIRE', KEYS[i], win + 1000)
end
return 1
`;

/** The script by its number of windows (keys): one LuaScript, and one SHA, per count. */
const admitScripts = new Map<number, LuaScript>();
function admitScript(windows: number): LuaScript {
  let script = admitScripts.get(windows);
  if (!script) admitScripts.set(windows, (script = new LuaScript(ADMIT, windows)));
  return script;
}

export class RedisInboundLimiter {
  private seq = 0;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async admit(windows: InboundWindowSpec[], windowMs: number): Promise<boolean> {
    if (windows.length === 0) return true;
    const now = Date.now();
    const member = `${now}-${process.pid}-${this.seq++}`;
    const r = (await admitScript(windows.length).run(this.redis, [
      ...windows.map((w) => `${this.prefix}:in:${w.key}`),
      String(now),
      String(windowMs),
      member,
      ...windows.flatMap((w) => [String(w.max), w.enforce ? '1' : '0']),
    ])) as number;
    return r === 1;
  }

  async firstNotice(key: string, windowMs: number): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}:in:${key}`, '1', 'PX', windowMs, 'NX')) === 'OK';
  }
}
