/**
 * Telegram's flood limits as the fake enforces them: the three sliding windows, 429 answers
 * with retry_after, breach counting for clients that ignore it, and injected faults.
 * Each describe builds its own fake with the time scale its windows need.
 */
import { performance } from 'node:perf_hooks';
import { call, group, messageIdOf, sleep, useFake } from './helpers.js';

describe('1 send per second per chat', () => {
  // 250 ms per fake second: short, yet long enough that back-to-back requests surely share a window.
  const fake = useFake({ timeScale: 0.25 });

  test('the second immediate send gets 429 retry_after and is accepted after waiting', async () => {
    const unitMs = 1000 * fake().timeScale;
    expect((await call(fake(), 'sendMessage', { chat_id: 20, text: 'one' })).status).toBe(200);

    const second = await call(fake(), 'sendMessage', { chat_id: 20, text: 'two' });
    expect(second.status).toBe(429);
    expect(second.reply).toEqual({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    // Another chat is not affected by chat 20's window.
    expect((await call(fake(), 'sendMessage', { chat_id: 21, text: 'other chat' })).status).toBe(200);

    await sleep((second.reply.parameters?.retry_after ?? 1) * unitMs + 5);
    expect((await call(fake(), 'sendMessage', { chat_id: 20, text: 'two' })).status).toBe(200);

    expect(
      fake()
        .chatMessages(20)
        .map((m) => m.text),
    ).toEqual(['one', 'two']);
    expect(fake().stats).toMatchObject({ status429: 1, limitBreaches: 0, sends: 3, rejectedBy: { chat: 1, global: 0, group: 0 } });
  });

  test('edits count by default', async () => {
    const sent = await call(fake(), 'sendMessage', { chat_id: 40, text: 'v1' });
    const edit = await call(fake(), 'editMessageText', { chat_id: 40, message_id: messageIdOf(sent.reply), text: 'v2' });
    expect(edit.status).toBe(429);
    expect(
      fake()
        .chatMessages(40)
        .map((m) => m.text),
    ).toEqual(['v1']);
  });
});

describe('countEdits: false', () => {
  const fake = useFake({ countEdits: false });

  test('edits bypass the limits', async () => {
    const sent = await call(fake(), 'sendMessage', { chat_id: 40, text: 'v1' });
    expect((await call(fake(), 'editMessageText', { chat_id: 40, message_id: messageIdOf(sent.reply), text: 'v2' })).status).toBe(200);
    expect(
      fake()
        .chatMessages(40)
        .map((m) => m.text),
    ).toEqual(['v1', 'v2']);
  });
});

describe('fractionalRetryAfter', () => {
  const fake = useFake({ timeScale: 0.1, fractionalRetryAfter: true });

  test('retry_after is reported in real seconds', async () => {
    await call(fake(), 'sendMessage', { chat_id: 20, text: 'one' });
    const second = await call(fake(), 'sendMessage', { chat_id: 20, text: 'two' });
    expect(second.reply.parameters).toEqual({ retry_after: 0.1 });
    expect(second.reply.description).toBe('Too Many Requests: retry after 0.1');
  });
});

describe('20 sends per minute per group', () => {
  // 20 ms per fake second, so a fake minute is 1.2 s.
  const fake = useFake({ timeScale: 0.02, limits: { perChatPerSecond: 1, perGroupPerMinute: 20 } });

  test('applies on top of 1 per second, and only to groups', async () => {
    const unitMs = 1000 * fake().timeScale;
    const started = performance.now();
    let accepted = 0;
    // Bounded: at most 60 attempts and 4 s; each accepted send waits out the 1/s rule.
    for (let attempt = 0; attempt < 60 && accepted < 20 && performance.now() - started < 4000; attempt++) {
      const { status, reply } = await call(fake(), 'sendMessage', { chat_id: group.id, text: `news ${accepted}` });
      if (status === 200) accepted++;
      else expect(reply.description).toBe('Too Many Requests: retry after 1'); // only the per-second rule so far
      await sleep(unitMs + 2);
    }
    expect(accepted).toBe(20);

    const over = await call(fake(), 'sendMessage', { chat_id: group.id, text: 'one too many' });
    expect(over.status).toBe(429);
    const retryAfter = over.reply.parameters?.retry_after ?? 0;
    // The oldest of the 20 sends leaves the 60-unit window after 60 - (elapsed units) units.
    const elapsedUnits = (performance.now() - started) / unitMs;
    expect(retryAfter).toBeGreaterThanOrEqual(Math.floor(60 - elapsedUnits) - 1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(fake().stats.rejectedBy.group).toBe(1);
    // A private chat is not subject to the group rule.
    expect((await call(fake(), 'sendMessage', { chat_id: 22, text: 'private is fine' })).status).toBe(200);

    await sleep(retryAfter * unitMs + 5);
    expect((await call(fake(), 'sendMessage', { chat_id: group.id, text: 'after the window' })).status).toBe(200);
    expect(fake().chatMessages(group.id)).toHaveLength(21);
    expect(fake().stats.limitBreaches).toBe(0);
  });
});

describe('30 sends per second overall', () => {
  // Real-time windows so 31 concurrent requests surely fall into one second.
  const fake = useFake();

  test('the 31st concurrent send to a fresh chat gets 429', async () => {
    const results = await Promise.all(Array.from({ length: 31 }, (_, i) => call(fake(), 'sendMessage', { chat_id: 100 + i, text: `hello ${i}` })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    const rejected = results.find((r) => r.status === 429);
    expect(rejected?.reply.parameters?.retry_after).toBe(1);
    expect(fake().stats.rejectedBy).toEqual({ global: 1, chat: 0, group: 0 });
    expect(fake().messages).toHaveLength(30);
    expect(fake().sendsInCurrentSecond()).toBe(30);
    // In-flight concurrent requests are not breaches: none was sent after the 429 was read.
    expect(fake().stats.limitBreaches).toBe(0);
  });
});

describe('breaches', () => {
  // Half-second fake seconds: long enough that the hammering below surely falls inside the told retry_after.
  const fake = useFake({ timeScale: 0.5, breachGraceMs: 10 });

  test('a client that ignores retry_after is counted as breaching', async () => {
    await call(fake(), 'sendMessage', { chat_id: 30, text: 'first' });
    const told = await call(fake(), 'sendMessage', { chat_id: 30, text: 'again' });
    expect(told.reply.parameters?.retry_after).toBe(1);
    expect(fake().stats.limitBreaches).toBe(0);

    await sleep(20); // past the in-flight grace
    const started = performance.now();
    // Hammering on inside the 500 ms retry_after: bounded to 5 tries and 300 ms.
    let tries = 0;
    for (; tries < 5 && performance.now() - started < 300; tries++) {
      const again = await call(fake(), 'sendMessage', { chat_id: 30, text: 'again' });
      expect(again.status).toBe(429);
    }
    expect(fake().stats.limitBreaches).toBe(tries);
    expect(fake().stats.rejectedBy.chat).toBe(1); // breaches are not window rejections
    expect(
      fake()
        .chatMessages(30)
        .map((m) => m.text),
    ).toEqual(['first']);
  });

  test('a client that honours retry_after is not', async () => {
    const unitMs = 1000 * fake().timeScale;
    await call(fake(), 'sendMessage', { chat_id: 31, text: 'first' });
    const polite = await call(fake(), 'sendMessage', { chat_id: 31, text: 'second' });
    expect(polite.status).toBe(429);
    await sleep((polite.reply.parameters?.retry_after ?? 1) * unitMs + 5);
    expect((await call(fake(), 'sendMessage', { chat_id: 31, text: 'second' })).status).toBe(200);
    expect(fake().stats).toMatchObject({ limitBreaches: 0, status429: 1 });
  });

  test('an injected 429 with retry_after arms breach detection for its chat', async () => {
    fake().failNext('sendMessage', 1, { status: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const injected = await call(fake(), 'sendMessage', { chat_id: 32, text: 'x' });
    expect(injected.reply).toEqual({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    await sleep(20); // past the in-flight grace, well inside the 500 ms told
    expect((await call(fake(), 'sendMessage', { chat_id: 32, text: 'x' })).status).toBe(429);
    expect((await call(fake(), 'sendMessage', { chat_id: 33, text: 'other chat' })).status).toBe(200);
    expect(fake().stats).toMatchObject({ injectedFaults: 1, limitBreaches: 1, status429: 2 });
  });
});

describe('failNext', () => {
  const fake = useFake();

  test('answers the next calls with the given error instead of running them', async () => {
    fake().failNext('sendmessage', 1, { status: 500, description: 'Internal Server Error' });
    const failed = await call(fake(), 'sendMessage', { chat_id: 10, text: 'a' });
    expect(failed).toEqual({ status: 500, reply: { ok: false, error_code: 500, description: 'Internal Server Error' } });
    expect(fake().messages).toHaveLength(0);
    expect((await call(fake(), 'sendMessage', { chat_id: 10, text: 'a' })).status).toBe(200);
    expect(fake().stats.injectedFaults).toBe(1);
  });

  test("'*' matches any method, for the given number of calls", async () => {
    fake().failNext('*', 2, { status: 502, description: 'Bad Gateway' });
    expect((await call(fake(), 'getMe', {})).status).toBe(502);
    expect((await call(fake(), 'getChat', { chat_id: 1 })).status).toBe(502);
    expect((await call(fake(), 'getMe', {})).status).toBe(200);
    expect(() => fake().failNext('getMe', 0, { status: 500, description: 'x' })).toThrow(RangeError);
  });
});
