// The WeChat account's pacer by priority (decision 0041): a refused send waits as a waiter, and
// the next slot of the account goes to the most urgent one — an emergency before a broadcast
// that asked first (real Redis, the run's own prefix).
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { WechatPacer } from '@baiying/channels';
import { Priority } from '@baiying/domain';

describe('WeChat pacer by priority', () => {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = `${process.env.TEST_REDIS_PREFIX ?? 'bytest'}-wxprio-${randomBytes(3).toString('hex')}`;

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('gives the next slot to a waiting emergency, not to the broadcast that asked before it', async () => {
    const pacer = new WechatPacer(redis, prefix, { minGapMs: 300, perMinute: 100, breakerPauseMs: 1000, windowMs: 60_000 });
    expect((await pacer.reserve('c:a', Priority.bulk)).wait).toBe(0);
    const bulk = await pacer.reserve('c:b', Priority.bulk);
    const emergency = await pacer.reserve('c:e', Priority.emergency);
    expect(bulk.wait).toBeGreaterThan(0);
    expect(emergency.wait).toBeGreaterThan(0);
    await sleep(Math.max(bulk.wait, emergency.wait));
    // The gap has passed: the broadcast is told to wait (the slot is the emergency's), the emergency takes it.
    expect((await pacer.reserve('c:b', Priority.bulk)).wait).toBeGreaterThan(0);
    expect((await pacer.reserve('c:e', Priority.emergency)).wait).toBe(0);
    // With no one more urgent waiting, the broadcast has the slot after.
    await sleep(310);
    expect((await pacer.reserve('c:b', Priority.bulk)).wait).toBe(0);
  });
});
