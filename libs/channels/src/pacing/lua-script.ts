// A Lua script run by its SHA-1 (EVALSHA): the pacers run one on every send and the inbound
// limiter one on every update, and EVAL sends the whole body each time for Redis to hash again.
// A Redis that does not know the script yet (a restart, a new replica, SCRIPT FLUSH) answers
// NOSCRIPT, and the call falls back to EVAL, which also loads it.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export class LuaScript {
  private readonly sha: string;

  constructor(
    private readonly source: string,
    private readonly numberOfKeys: number,
  ) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script with its keys, then its arguments (as EVAL takes them). */
  async run(redis: Redis, keysAndArgs: string[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, this.numberOfKeys, ...keysAndArgs);
    } catch (e) {
      if (e instanceof Error && e.message.startsWith('NOSCRIPT')) return redis.eval(this.source, this.numberOfKeys, ...keysAndArgs);
      throw e;
    }
  }
}
