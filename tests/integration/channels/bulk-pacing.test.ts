// The pacer's shares and priorities (decision 0041): broadcasts use the whole bot-wide budget
// while interactive traffic is idle, keep to their share while it is about, and a slot that frees
// up goes to the most urgent waiting send — an emergency before a reply, a reply before a
// broadcast (real Redis, the run's own prefix).
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { RedisRateLimiter } from '@baiying/channels';
import { Priority } from '@baiying/domain';

describe('shares and priorities of the Telegram pacer', () => {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `${process.env.TEST_REDIS_PREFIX ?? 'bytest'}-bulk-${randomBytes(3).toString('hex')}`;
  const limits = { chatPerSecond: 1, groupPerMinute: 20 };

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('lets broadcasts use the whole budget while nothing interactive is sent or waiting', async () => {
    const limiter = new RedisRateLimiter(redis, `${prefix}-idle`, { ...limits, globalPerSecond: 10, bulkPerSecond: 7 });
    const bulk = await Promise.all(Array.from({ length: 12 }, (_, i) => limiter.reserve(String(1000 + i), false, true)));
    expect(bulk.filter((w) => w === 0)).toHaveLength(10);
    // A refused send is told how long to wait: until the oldest reservation leaves the window.
    for (const w of bulk.filter((x) => x > 0)) {
      expect(w).toBeGreaterThan(900);
      expect(w).toBeLessThanOrEqual(1100);
    }
  });

  it('keeps broadcasts to their share while interactive traffic is about, leaving the rest to it', async () => {
    const limiter = new RedisRateLimiter(redis, `${prefix}-busy`, { ...limits, globalPerSecond: 10, bulkPerSecond: 7 });
    expect(await limiter.reserve('2000', false, false)).toBe(0);
    const bulk = await Promise.all(Array.from({ length: 12 }, (_, i) => limiter.reserve(String(1000 + i), false, true)));
    expect(bulk.filter((w) => w === 0)).toHaveLength(7);
    const interactive = await Promise.all(Array.from({ length: 4 }, (_, i) => limiter.reserve(String(2001 + i), false, false)));
    expect(interactive.filter((w) => w === 0)).toHaveLength(2);
  });

  it('defaults the broadcast share to the global budget minus one', async () => {
    const limiter = new RedisRateLimiter(redis, `${prefix}-d`, { ...limits, globalPerSecond: 5 });
    expect(await limiter.reserve('4000', false, false)).toBe(0);
    const bulk = await Promise.all(Array.from({ length: 6 }, (_, i) => limiter.reserve(String(3000 + i), false, true)));
    expect(bulk.filter((w) => w === 0)).toHaveLength(4);
  });

  it('gives a freed slot to the most urgent waiting send: an emergency, then a reply, then a broadcast', async () => {
    const limiter = new RedisRateLimiter(redis, `${prefix}-prio`, { ...limits, globalPerSecond: 2 });
    // A broadcast holds the whole second.
    const first = await Promise.all(['1', '2'].map((c) => limiter.reserve(c, false, true)));
    expect(first).toEqual([0, 0]);
    // A reply, then an emergency, find no slot: both wait, as waiters.
    const reply = await limiter.reserve('r', false, false, Priority.status);
    const emergency = await limiter.reserve('e', false, false, Priority.emergency);
    expect(reply).toBeGreaterThan(0);
    expect(emergency).toBeGreaterThan(0);
    // Once the second has passed, two slots are free and two sends wait for them: the broadcast
    // gets none, the reply one (the other is the emergency's), another reply none.
    await sleep(Math.max(reply, emergency));
    expect(await limiter.reserve('3', false, true)).toBeGreaterThan(0);
    expect(await limiter.reserve('r', false, false, Priority.status)).toBe(0);
    expect(await limiter.reserve('r2', false, false, Priority.status)).toBeGreaterThan(0);
    expect(await limiter.reserve('e', false, false, Priority.emergency)).toBe(0);
    expect(await limiter.reserve('4', false, true)).toBeGreaterThan(0);
  });

  it('does not hold slots for a send that waits on its own chat, not on the bot-wide budget', async () => {
    const limiter = new RedisRateLimiter(redis, `${prefix}-chat`, { ...limits, globalPerSecond: 4, bulkPerSecond: 3 });
    expect(await limiter.reserve('c', false, false, Priority.emergency)).toBe(0);
    // The same chat again within its second: it waits for the chat, and is no waiter for the budget.
    expect(await limiter.reserve('c', false, false, Priority.emergency)).toBeGreaterThan(0);
    // Three slots are left, all of them the broadcast's (a waiter would keep one of them).
    const bulk = await Promise.all(['1', '2', '3', '4'].map((c) => limiter.reserve(c, false, true)));
    expect(bulk.filter((w) => w === 0)).toHaveLength(3);
  });
});
