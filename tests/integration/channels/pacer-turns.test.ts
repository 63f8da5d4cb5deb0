// The pacer's queue of waiters (decision 0062): a send refused for want of a bot-wide slot is
// told when its turn comes — after every waiter ahead of it, by priority then by the message's
// order — so a backlog comes back about one send per slot instead of all at once; a slot that
// frees up goes to the waiter whose turn it is before a newcomer; a waiter that never comes back
// stops holding slots after its grace (real Redis, the run's own prefix).
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { RedisRateLimiter } from '@baiying/channels';
import { Priority } from '@baiying/domain';

describe("the Telegram pacer's queue of waiters", () => {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const base = `${process.env.TEST_REDIS_PREFIX ?? 'bytest'}-turns-${randomBytes(3).toString('hex')}`;
  const limits = { chatPerSecond: 1, groupPerMinute: 20, globalPerSecond: 4 };

  afterAll(async () => {
    const keys = await redis.keys(`${base}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  /** The window was filled between these two times (the four slots were taken in between). */
  let filled = { from: 0, to: 0 };

  /** A limiter on its own prefix whose window is full: four sends taken now. */
  async function fullWindow(name: string, graceMs = 300): Promise<RedisRateLimiter> {
    const limiter = new RedisRateLimiter(redis, `${base}-${name}`, limits, 2, graceMs);
    const from = Date.now();
    const taken = await Promise.all(['a', 'b', 'c', 'd'].map((c) => limiter.reserve(`full-${c}`, false, false, Priority.interactive, 1)));
    filled = { from, to: Date.now() };
    expect(taken).toEqual([0, 0, 0, 0]);
    return limiter;
  }

  /** A reply's reservation: its wait, and when that wait ends by the test's clock. */
  async function ask(limiter: RedisRateLimiter, chat: string, order: number, priority: number = Priority.interactive): Promise<{ wait: number; due: number }> {
    const asked = Date.now();
    const wait = await limiter.reserve(chat, false, false, priority, order);
    return { wait, due: asked + wait };
  }

  it('tells each waiter of a backlog its own turn: a second further per window, in order', async () => {
    const limiter = await fullWindow('backlog');
    // Ten replies, asking in the order they were decided.
    const turns: Array<{ wait: number; due: number }> = [];
    for (let order = 10; order < 20; order++) turns.push(await ask(limiter, `chat-${order}`, order));
    // Each is due back no earlier than the one before it (a few ms of clock granularity aside).
    for (let i = 1; i < turns.length; i++) expect(turns[i]!.due).toBeGreaterThanOrEqual(turns[i - 1]!.due - 3);
    // The first four turns come as the four slots taken at the start leave the window (1 s after
    // them); the next four a second later; the last two a second after that — not ten sends all
    // back at once after the first second.
    const second = (i: number): number => Math.floor(i / 4) + 1;
    turns.forEach((t, i) => {
      expect(t.due).toBeGreaterThanOrEqual(filled.from + 1000 * second(i) - 3);
      expect(t.due).toBeLessThanOrEqual(filled.to + 1000 * second(i) + 10);
    });
    // A message decided before all of them, asking only now, is told the first turn.
    expect((await ask(limiter, 'chat-early', 5)).due).toBeLessThanOrEqual(turns[0]!.due + 3);
  });

  it('paces a backlog at the whole budget when the window holds few sends (after a lull)', async () => {
    const limiter = await fullWindow('lull');
    // Three waiters, due as the window empties; they do not come back yet, and hold three slots.
    const held = [];
    for (const c of ['h1', 'h2', 'h3']) held.push(await ask(limiter, c, 10 + held.length));
    await sleep(Math.max(...held.map((h) => h.due)) - Date.now());
    const from = Date.now();
    expect(await limiter.reserve('one', false, false, Priority.interactive, 20)).toBe(0);
    // The window holds one send; ten more replies queue behind the three due waiters: four
    // slots a second (the budget), not one a second (what the window happens to hold).
    const turns = [];
    for (let i = 0; i < 10; i++) turns.push(await ask(limiter, `after-${i}`, 30 + i));
    const end = Date.now();
    const second = (i: number): number => Math.floor(i / 4) + 1;
    turns.forEach((t, i) => {
      expect(t.due).toBeGreaterThanOrEqual(from + 1000 * second(i) - 3);
      expect(t.due).toBeLessThanOrEqual(end + 1000 * second(i) + 10);
    });
  });

  it('gives a freed slot to the waiter whose turn it is, not to a newcomer; more urgent waiters go first', async () => {
    const limiter = await fullWindow('turn');
    const early = await ask(limiter, 'early', 100);
    // An emergency asking later is queued ahead of the reply that waits.
    const emergency = await ask(limiter, 'urgent', 500, Priority.emergency);
    expect(early.wait).toBeGreaterThan(0);
    expect(emergency.wait).toBeGreaterThan(0);
    expect(emergency.due).toBeLessThanOrEqual(early.due + 3);
    await sleep(Math.max(early.due, emergency.due) - Date.now());
    // Slots are free now, but the two due waiters hold two of them: a newcomer (a later order)
    // gets the other two only, and is refused the third.
    expect(await limiter.reserve('new-1', false, false, Priority.interactive, 200)).toBe(0);
    expect(await limiter.reserve('new-2', false, false, Priority.interactive, 201)).toBe(0);
    expect(await limiter.reserve('new-3', false, false, Priority.interactive, 202)).toBeGreaterThan(0);
    // A broadcast waits behind every waiter.
    expect(await limiter.reserve('bulk', false, true)).toBeGreaterThan(0);
    expect(await limiter.reserve('early', false, false, Priority.interactive, 100)).toBe(0);
    expect(await limiter.reserve('urgent', false, false, Priority.emergency, 500)).toBe(0);
  });

  it('keeps a waiter its place when it comes back late (it keeps its order), and frees the slots of one that never does', async () => {
    const limiter = await fullWindow('late', 100);
    const gone = await ask(limiter, 'gone', 1000);
    const late = await ask(limiter, 'late', 1001);
    expect(late.due).toBeGreaterThanOrEqual(gone.due - 3);
    // Both are due; neither comes back within its grace (100 ms).
    await sleep(late.due - Date.now() + 250);
    // The window is empty and nobody due holds a slot: a newcomer goes at once.
    expect(await limiter.reserve('newcomer', false, false, Priority.interactive, 5000)).toBe(0);
    // Fill the window again; the late waiter is refused, and queued ahead of a newer waiter
    // that asked before it — its order, not its asking, gives its place.
    for (const c of ['x', 'y', 'z']) expect(await limiter.reserve(c, false, false, Priority.interactive, 6000)).toBe(0);
    const newer = await ask(limiter, 'newer', 7000);
    const back = await ask(limiter, 'late', 1001);
    expect(back.wait).toBeGreaterThan(0);
    expect(back.due).toBeLessThanOrEqual(newer.due + 3);
    const waiters = await redis.zrange(`${base}-late:rl:waitq`, '0', '-1');
    expect(waiters).toEqual([`${Priority.interactive}|late`, `${Priority.interactive}|newer`]);
  });

  it('runs its scripts by SHA and reloads them after SCRIPT FLUSH', async () => {
    const limiter = new RedisRateLimiter(redis, `${base}-flush`, limits);
    expect(await limiter.reserve('one', false)).toBe(0);
    await redis.script('FLUSH');
    expect(await limiter.reserve('two', false)).toBe(0);
    const slot = await limiter.reserveSlot('three', false);
    await redis.script('FLUSH');
    await limiter.settle('three', slot.member);
    expect(await redis.zscore(`${base}-flush:rl:global`, slot.member)).not.toBeNull();
  });
});
