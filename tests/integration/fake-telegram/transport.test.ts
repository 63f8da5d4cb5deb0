/**
 * The fake's HTTP side: routing of /bot<token>/<method>, request encodings, simulated
 * latency, the held long poll, and the lifecycle (stop, reset).
 */
import { performance } from 'node:perf_hooks';
import { Bot, InputFile } from 'grammy';
import type { Update } from 'grammy/types';
import { alice, aliceChat, bob, bobChat, call, messageIdOf, NO_LIMITS, until, useFake, type ApiReply } from './helpers.js';

describe('routing', () => {
  const fake = useFake({ limits: NO_LIMITS });

  test('a wrong token gets 401 Unauthorized, over HTTP and through grammY', async () => {
    const { status, reply } = await call(fake(), 'getMe', {}, '42:wrong');
    expect(status).toBe(401);
    expect(reply).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });

    const bot = new Bot('42:wrong', { client: { apiRoot: fake().apiRoot } });
    await expect(bot.init()).rejects.toMatchObject({ error_code: 401, description: 'Unauthorized' });
    // Refused before the method is looked at: nothing was counted as a call.
    expect(fake().stats.perMethod).toEqual({});
  });

  test('an unknown method gets 404 (and is counted under its own name); a path outside /bot<token>/ too', async () => {
    const { status, reply } = await call(fake(), 'sendTelepathy', { chat_id: 1 });
    expect(status).toBe(404);
    expect(reply).toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });
    expect(fake().stats.perMethod).toEqual({ sendTelepathy: 1 });

    const res = await fetch(`${fake().apiRoot}/favicon.ico`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
  });

  test('method names match case-insensitively, like Telegram', async () => {
    const { status } = await call(fake(), 'SENDmessage', { chat_id: 1, text: 'shouting' });
    expect(status).toBe(200);
    expect(fake().lastMessage(1)).toMatchObject({ method: 'sendMessage', text: 'shouting' });
    expect(fake().stats.perMethod).toEqual({ sendMessage: 1 });
  });
});

describe('request encodings', () => {
  const fake = useFake({ limits: NO_LIMITS });

  test('form-urlencoded bodies carry JSON-serialised fields', async () => {
    const markup = { inline_keyboard: [[{ text: 'ok', callback_data: 'ok' }]] };
    const form = new URLSearchParams({ chat_id: '8', text: 'from a form', reply_markup: JSON.stringify(markup) });
    const res = await fetch(`${fake().apiRoot}/bot${fake().token}/sendMessage`, { method: 'POST', body: form });
    expect(((await res.json()) as ApiReply).ok).toBe(true);
    expect(fake().lastMessage(8)).toMatchObject({ text: 'from a form', replyMarkup: markup, payload: { chat_id: '8' } });
  });

  test('multipart/form-data, which grammY sends when a file is attached', async () => {
    const bot = new Bot(fake().token, { client: { apiRoot: fake().apiRoot } });
    const photo = await bot.api.sendPhoto(9, new InputFile(Buffer.from('not really a jpeg'), 'p.jpg'), { caption: 'a photo' });
    expect(photo.photo?.[0]?.file_id).toMatch(/^AgAC/);
    expect(fake().lastMessage(9)).toMatchObject({ method: 'sendPhoto', text: 'a photo' });
  });

  test('query-string parameters, which the Bot API also accepts', async () => {
    const res = await fetch(`${fake().apiRoot}/bot${fake().token}/sendMessage?chat_id=10&text=from%20the%20query`);
    expect(res.status).toBe(200);
    expect(fake().lastMessage(10)).toMatchObject({ text: 'from the query' });
  });

  test('a body that is not JSON gets 400', async () => {
    const res = await fetch(`${fake().apiRoot}/bot${fake().token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiReply).description).toBe("Bad Request: can't parse JSON object");
  });
});

describe('latency', () => {
  const fake = useFake({ limits: NO_LIMITS });

  test('latencyMs, changed while the fake runs, delays the answers', async () => {
    fake().latencyMs = 80;
    const started = performance.now();
    await call(fake(), 'getMe', {});
    expect(performance.now() - started).toBeGreaterThanOrEqual(75);
  });
});

describe('the held long poll', () => {
  const fake = useFake({ limits: NO_LIMITS });

  test('a getUpdates with a timeout is held and answered as soon as an update arrives', async () => {
    const started = performance.now();
    let settled = false;
    const held = call(fake(), 'getUpdates', { timeout: 5 });
    void held.then(() => (settled = true));
    // Positive signal instead of a sleep: the fake reports that it holds the poll, i.e. it has not answered.
    await until(() => fake().holdingPoll, 'the fake to hold the poll');
    expect(settled).toBe(false);

    const update = fake().sendText(bob, bobChat, 'wake up');
    const { reply } = await held;
    expect((reply.result as Update[]).map((u) => u.update_id)).toEqual([update.update_id]);
    expect(performance.now() - started).toBeLessThan(2000); // far below the 5 s timeout
    expect(fake().holdingPoll).toBe(false);
  });

  test('updates pushed in one tick go out in one answer', async () => {
    const held = call(fake(), 'getUpdates', { timeout: 5 });
    await until(() => fake().holdingPoll, 'the fake to hold the poll');
    const ids = [1, 2, 3].map((i) => fake().sendText(alice, aliceChat, `burst ${i}`).update_id);
    const { reply } = await held;
    expect((reply.result as Update[]).map((u) => u.update_id)).toEqual(ids);
  });

  test('a second concurrent getUpdates terminates the first with 409, like Telegram', async () => {
    const first = call(fake(), 'getUpdates', { timeout: 5 });
    await until(() => fake().holdingPoll, 'the fake to hold the first poll');
    const second = call(fake(), 'getUpdates', { timeout: 0 });
    expect((await first).reply).toEqual({
      ok: false,
      error_code: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    expect((await second).reply).toEqual({ ok: true, result: [] });
  });
});

describe('lifecycle', () => {
  const fake = useFake({ limits: NO_LIMITS });

  test('stop() answers a held poll with no updates, rejects pending waits, and apiRoot is gone', async () => {
    const held = call(fake(), 'getUpdates', { timeout: 5 });
    await until(() => fake().holdingPoll, 'the fake to hold the poll');
    // The expectation is attached before stop() so the rejection is never unhandled.
    const waiting = expect(fake().waitFor({ text: 'never' })).rejects.toThrow('FakeBotApi stopped');
    await fake().stop();
    expect(await held).toEqual({ status: 200, reply: { ok: true, result: [] } });
    await waiting;
    expect(() => fake().apiRoot).toThrow(/call start\(\) before reading apiRoot/);
  });

  test('reset() forgets messages, queue, stats, faults and blocks, but update and message ids keep growing', async () => {
    const before = fake().sendText(alice, aliceChat, 'before reset');
    const botReply = await call(fake(), 'sendMessage', { chat_id: alice.id, text: 'bot before reset' });
    fake().failNext('getMe', 1, { status: 500, description: 'Internal Server Error' });
    fake().blockChat(bob.id);
    const waiting = expect(fake().waitFor({ text: 'never' })).rejects.toThrow('FakeBotApi reset');

    fake().reset();

    await waiting;
    expect(fake().messages).toHaveLength(0);
    expect(fake().pendingUpdateCount).toBe(0);
    expect(fake().stats).toEqual({
      status429: 0,
      limitBreaches: 0,
      sends: 0,
      perMethod: {},
      rejectedBy: { global: 0, chat: 0, group: 0 },
      injectedFaults: 0,
      updatesPushed: 0,
      updatesDelivered: 0,
      updatesDropped: 0,
      webhookAttempts: 0,
      webhookFailures: 0,
    });
    expect((await call(fake(), 'getMe', {})).status).toBe(200);
    expect((await call(fake(), 'sendMessage', { chat_id: bob.id, text: 'unblocked' })).status).toBe(200);
    const after = fake().sendText(alice, aliceChat, 'after reset');
    expect(after.update_id).toBe(before.update_id + 1);
    expect(after.message?.message_id).toBe(messageIdOf(botReply.reply) + 1);
  });
});
