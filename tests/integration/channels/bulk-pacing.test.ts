// The pacer's broadcast share: bulk sends stop at bulkPerSecond, leaving the rest of the global
// budget to job cards and replies (real Redis, the run's own prefix).
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisRateLimiter } from '@baiying/channels';

describe('bulk share of the Telegram pacer', () => {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `${process.env.TEST_REDIS_PREFIX ?? 'bytest'}-bulk-${randomBytes(3).toString('hex')}`;

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('gives broadcasts at most their share and keeps the rest for interactive sends', async () => {
    const limiter = new RedisRateLimiter(redis, prefix, { globalPerSecond: 10, chatPerSecond: 1, groupPerMinute: 20, bulkPerSecond: 7 });
    const bulk = await Promise.all(Array.from({ length: 12 }, (_, i) => limiter.reserve(String(1000 + i), false, true)));
    expect(bulk.filter((w) => w === 0)).toHaveLength(7);
    // The remaining three slots of the second are still free for job cards and replies.
    const interactive = await Promise.all(Array.from({ length: 4 }, (_, i) => limiter.reserve(String(2000 + i), false, false)));
    expect(interactive.filter((w) => w === 0)).toHaveLength(3);
    // A refused send is told how long to wait: until the oldest reservation leaves the window.
    const refused = bulk.filter((w) => w > 0);
    for (const w of refused) expect(w).toBeGreaterThan(900);
    for (const w of refused) expect(w).toBeLessThanOrEqual(1100);
  });

  it('defaults the broadcast share to the global budget minus one', async () => {
    const limiter = new RedisRateLimiter(redis, `${prefix}-d`, { globalPerSecond: 5, chatPerSecond: 1, groupPerMinute: 20 });
    const bulk = await Promise.all(Array.from({ length: 6 }, (_, i) => limiter.reserve(String(3000 + i), false, true)));
    expect(bulk.filter((w) => w === 0)).toHaveLength(4);
  });
});
