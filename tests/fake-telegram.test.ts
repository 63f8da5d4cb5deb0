/**
 * Proves the fake Telegram Bot API with real grammY clients over HTTP on 127.0.0.1:
 * long polling (bot.start() and @grammyjs/runner), webhooks, Telegram's errors and,
 * above all, the flood limits other tests and the benchmark rely on.
 */
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { autoRetry } from '@grammyjs/auto-retry';
import { run } from '@grammyjs/runner';
import { Bot, GrammyError, InlineKeyboard, InputFile, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { FakeBotApi, type FakeChat, type FakeUser, type SentMessage } from './support/fake-telegram/fake-bot-api.js';

interface ApiReply {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A plain HTTP client, like the project's broadcast sender (no grammY in between). */
async function call(fake: FakeBotApi, method: string, body: Record<string, unknown>, token = fake.token): Promise<{ status: number; reply: ApiReply }> {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, reply: (await res.json()) as ApiReply };
}

/** Waits (bounded: 2 s) until the fake has received `count` calls of `method`. */
async function untilCalled(fake: FakeBotApi, method: string, count: number): Promise<void> {
  for (let i = 0; i < 400 && (fake.stats.perMethod[method] ?? 0) < count; i++) await sleep(5);
  expect(fake.stats.perMethod[method] ?? 0).toBeGreaterThanOrEqual(count);
}

const alice: FakeUser = { id: 1001, first_name: 'Alice', username: 'alice' };
const bob: FakeUser = { id: 1002, first_name: 'Bob' };
const aliceChat: FakeChat = FakeBotApi.privateChat(alice);
const group: FakeChat = { id: -4001, type: 'group', title: 'Volunteers' };

/**
 * Starts `bot.start()` and resolves once polling runs. The promise that settles on stop is
 * returned inside an object: returned bare, `await` would flatten it and wait for the stop.
 */
async function startPolling(bot: Bot): Promise<{ done: Promise<void> }> {
  let done: Promise<void> = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    done = bot.start({ onStart: () => resolve() });
    done.catch(reject);
  });
  return { done };
}

describe('FakeBotApi with a grammY bot on bot.start() long polling', () => {
  // Scaled time (1 fake second = 20 ms) and fractional retry_after let auto-retry honour 429s quickly.
  const fake = new FakeBotApi({ timeScale: 0.02, fractionalRetryAfter: true });
  let bot: Bot;
  let polling: { done: Promise<void> };
  const seenUpdateIds: number[] = [];

  beforeAll(async () => {
    await fake.start();
    bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bot.api.config.use(autoRetry({ maxRetryAttempts: 5 }));
    bot.use(async (ctx, next) => {
      seenUpdateIds.push(ctx.update.update_id);
      await next();
    });
    bot.command('start', (ctx) => ctx.reply('Welcome to Baiying', { reply_markup: new InlineKeyboard().text('I need help', 'help:1') }));
    bot.callbackQuery('help:1', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'On it' });
      await ctx.editMessageText('Help requested');
    });
    bot.on('message:text', (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    bot.on('message:location', (ctx) => ctx.reply(`location ${ctx.message.location.latitude}`));
    bot.on('my_chat_member', (ctx) => ctx.reply('Thanks for adding me'));
    bot.catch((err) => {
      throw err.error;
    });
    polling = await startPolling(bot);
  });

  afterAll(async () => {
    await bot.stop();
    await polling.done;
    await fake.stop();
  });

  test('a /start text reaches the bot and its ctx.reply is recorded', async () => {
    const update = fake.sendText(alice, aliceChat, '/start');
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);

    const reply = await fake.waitFor({ chatId: alice.id, text: 'Welcome to Baiying' });

    expect(reply.method).toBe('sendMessage');
    expect(reply.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'I need help', callback_data: 'help:1' }]] });
    expect(fake.lastMessage(alice.id)).toBe(reply);
    expect(fake.stats.perMethod.getMe).toBe(1);
    expect(fake.stats.perMethod.deleteWebhook).toBe(1);
  });

  test('a button press round trip: answerCallbackQuery and editMessageText', async () => {
    const from = fake.messages.length;
    fake.sendText(alice, aliceChat, '/start');
    const menu = await fake.waitFor({ chatId: alice.id, text: 'Welcome to Baiying' }, { fromSeq: from });

    const queryId = fake.pressButton(alice, menu, 'help:1');
    const answer = await fake.waitForCallbackAnswer(queryId);
    const edited = await fake.waitFor((m) => m.editOf === menu.messageId, { chatId: alice.id });

    expect(answer).toMatchObject({ callbackQueryId: queryId, text: 'On it', showAlert: false });
    expect(edited).toMatchObject({ method: 'editMessageText', messageId: menu.messageId, text: 'Help requested', replyMarkup: undefined });
    // The keyboard is gone with the edit, so the button can no longer be pressed.
    expect(() => fake.pressButton(alice, menu, 'help:1')).toThrow(/no button with callback_data "help:1"/);
  });

  test('a duplicated update (same update_id) is delivered again, and only once more', async () => {
    const original = fake.sendText(bob, FakeBotApi.privateChat(bob), 'hello twice');
    await fake.waitFor({ chatId: bob.id, text: 'echo: hello twice' });

    fake.duplicate(original);
    fake.sendText(bob, FakeBotApi.privateChat(bob), 'marker');
    await fake.waitFor({ chatId: bob.id, text: 'echo: marker' });

    expect(seenUpdateIds.filter((id) => id === original.update_id)).toHaveLength(2);
    // grammY does not deduplicate: the bot replied to the same update twice (1 s per chat apart thanks to auto-retry).
    expect(fake.chatMessages(bob.id).filter((m) => m.text === 'echo: hello twice')).toHaveLength(2);
  });

  test('a shared location and being added to a group reach grammY filters', async () => {
    fake.sendLocation(alice, aliceChat, { latitude: 31.23, longitude: 121.47 });
    await fake.waitFor({ chatId: alice.id, text: 'location 31.23' });

    fake.addBotToGroup(group, bob);
    const thanks = await fake.waitFor({ chatId: group.id, text: 'Thanks for adding me' });
    expect(thanks.chatId).toBe(group.id);
  });

  test('waitFor rejects with the recent messages of the chat', async () => {
    await expect(fake.waitFor({ chatId: alice.id, text: 'never sent' }, { timeoutMs: 50 })).rejects.toThrow(
      /no message to chat 1001 with text "never sent" within 50 ms\.\nLast \d+ of \d+ messages in chat 1001:\n[\s\S]*Welcome to Baiying/,
    );
  });
});

describe('FakeBotApi with @grammyjs/runner', () => {
  const fake = new FakeBotApi();

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  test('run(bot) polls the fake and the reply is recorded', async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bot.command('start', (ctx) => ctx.reply('runner says hi'));
    await bot.init();
    const handle = run(bot);
    try {
      fake.sendText(alice, aliceChat, '/start');
      const reply = await fake.waitFor({ chatId: alice.id, text: 'runner says hi' });
      expect(reply.messageId).toBeGreaterThan(0);
    } finally {
      await handle.stop();
    }
  });
});

describe('FakeBotApi errors', () => {
  const fake = new FakeBotApi({ timeScale: 0.05 }); // 50 ms windows keep the 1/s rule out of the way

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  test('a wrong token gets 401 Unauthorized, over HTTP and through grammY', async () => {
    const { status, reply } = await call(fake, 'getMe', {}, '42:wrong');
    expect(status).toBe(401);
    expect(reply).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });

    const bot = new Bot('42:wrong', { client: { apiRoot: fake.apiRoot } });
    await expect(bot.init()).rejects.toMatchObject({ error_code: 401, description: 'Unauthorized' });
  });

  test('an unknown method gets 404', async () => {
    const { status, reply } = await call(fake, 'sendTelepathy', { chat_id: 1 });
    expect(status).toBe(404);
    expect(reply).toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });
  });

  test('texts over 4096 characters are rejected, counted after HTML parsing', async () => {
    const tooLong = await call(fake, 'sendMessage', { chat_id: 1, text: 'x'.repeat(4097) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.reply.description).toBe('Bad Request: message is too long');

    const exact = await call(fake, 'sendMessage', { chat_id: 2, text: 'x'.repeat(4096) });
    expect(exact.reply.ok).toBe(true);
    const withTags = await call(fake, 'sendMessage', { chat_id: 3, text: `<b>${'x'.repeat(4095)}</b>&amp;`, parse_mode: 'HTML' });
    expect(withTags.reply.ok).toBe(true);

    expect(fake.messages.map((m) => m.chatId)).toEqual([2, 3]);
  });

  test('missing fields, long callback_data, blocked chats', async () => {
    expect((await call(fake, 'sendMessage', { text: 'hi' })).reply.description).toBe('Bad Request: chat_id is empty');
    expect((await call(fake, 'sendMessage', { chat_id: 5 })).reply.description).toBe('Bad Request: message text is empty');
    expect((await call(fake, 'sendMessage', { chat_id: 5, text: '   ' })).reply.description).toBe('Bad Request: message text is empty');

    const longData = { inline_keyboard: [[{ text: 'b', callback_data: '字'.repeat(22) }]] }; // 66 bytes in UTF-8
    const button = await call(fake, 'sendMessage', { chat_id: 5, text: 'hi', reply_markup: longData });
    expect(button).toEqual({ status: 400, reply: { ok: false, error_code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' } });

    fake.blockChat(6);
    const blocked = await call(fake, 'sendMessage', { chat_id: 6, text: 'hi' });
    expect(blocked).toEqual({ status: 403, reply: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } });
    expect(fake.messages).toHaveLength(0);
  });

  test('edits: not modified, not found, and a reply-markup edit', async () => {
    const markup = { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] };
    const sent = await call(fake, 'sendMessage', { chat_id: 7, text: 'hello', reply_markup: markup });
    const messageId = (sent.reply.result as { message_id: number }).message_id;

    const same = await call(fake, 'editMessageText', { chat_id: 7, message_id: messageId, text: 'hello', reply_markup: markup });
    expect(same.status).toBe(400);
    expect(same.reply.description).toMatch(/^Bad Request: message is not modified/);

    const missing = await call(fake, 'editMessageText', { chat_id: 7, message_id: messageId + 100, text: 'x' });
    expect(missing.reply.description).toBe('Bad Request: message to edit not found');

    await sleep(60); // the 1/s per chat rule also counts edits (default countEdits: true); 1 s = 50 ms here
    const edit = await call(fake, 'editMessageReplyMarkup', { chat_id: 7, message_id: messageId });
    expect(edit.reply.ok).toBe(true);
    expect(fake.lastMessage(7)).toMatchObject({ method: 'editMessageReplyMarkup', editOf: messageId, text: 'hello', replyMarkup: undefined });
  });

  test('form-urlencoded and multipart requests are understood', async () => {
    const form = new URLSearchParams({ chat_id: '8', text: 'from a form', reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'ok', callback_data: 'ok' }]] }) });
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, { method: 'POST', body: form });
    expect(((await res.json()) as ApiReply).ok).toBe(true);
    expect(fake.lastMessage(8)?.replyMarkup).toEqual({ inline_keyboard: [[{ text: 'ok', callback_data: 'ok' }]] });

    // grammY switches to multipart/form-data when a file is attached.
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    const photo = await bot.api.sendPhoto(9, new InputFile(Buffer.from('not really a jpeg'), 'p.jpg'), { caption: 'a photo' });
    expect(photo.photo?.[0]?.file_id).toMatch(/^AgAC/);
    expect(fake.lastMessage(9)).toMatchObject({ method: 'sendPhoto', text: 'a photo' });
  });

  test('failNext injects errors and latencyMs delays answers', async () => {
    fake.failNext('sendMessage', 1, { status: 500, description: 'Internal Server Error' });
    expect((await call(fake, 'sendMessage', { chat_id: 10, text: 'a' })).status).toBe(500);
    expect((await call(fake, 'sendMessage', { chat_id: 10, text: 'a' })).status).toBe(200);
    expect(fake.stats.injectedFaults).toBe(1);

    fake.latencyMs = 80;
    try {
      const started = performance.now();
      await call(fake, 'getMe', {});
      expect(performance.now() - started).toBeGreaterThanOrEqual(75);
    } finally {
      fake.latencyMs = 0;
    }
  });

  test('a second concurrent getUpdates terminates the first with 409, like Telegram', async () => {
    const first = call(fake, 'getUpdates', { timeout: 5 });
    await untilCalled(fake, 'getUpdates', 1);
    const second = call(fake, 'getUpdates', { timeout: 0 });
    expect((await first).reply).toMatchObject({ ok: false, error_code: 409 });
    expect((await second).reply).toEqual({ ok: true, result: [] });
  });
});

describe('FakeBotApi flood limits', () => {
  // One fake, reconfigured per test; reset() forgets windows, messages and stats.
  // 250 ms per fake second: short, yet long enough that back-to-back requests surely share a window.
  const fake = new FakeBotApi({ timeScale: 0.25 });

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  test('1 send per second per chat: the second immediate send gets 429 retry_after and is accepted after waiting', async () => {
    const unitMs = 1000 * fake.timeScale;
    expect((await call(fake, 'sendMessage', { chat_id: 20, text: 'one' })).status).toBe(200);

    const second = await call(fake, 'sendMessage', { chat_id: 20, text: 'two' });
    expect(second.status).toBe(429);
    expect(second.reply).toEqual({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    // Another chat is not affected by chat 20's window.
    expect((await call(fake, 'sendMessage', { chat_id: 21, text: 'other chat' })).status).toBe(200);

    await sleep((second.reply.parameters?.retry_after ?? 1) * unitMs + 5);
    expect((await call(fake, 'sendMessage', { chat_id: 20, text: 'two' })).status).toBe(200);

    expect(fake.chatMessages(20).map((m) => m.text)).toEqual(['one', 'two']);
    expect(fake.stats).toMatchObject({ status429: 1, limitBreaches: 0, sends: 3, rejectedBy: { chat: 1, global: 0, group: 0 } });
  });

  test('fractionalRetryAfter reports real seconds', async () => {
    const fractional = new FakeBotApi({ timeScale: 0.1, fractionalRetryAfter: true });
    await fractional.start();
    try {
      await call(fractional, 'sendMessage', { chat_id: 20, text: 'one' });
      const second = await call(fractional, 'sendMessage', { chat_id: 20, text: 'two' });
      expect(second.reply.parameters).toEqual({ retry_after: 0.1 });
      expect(second.reply.description).toBe('Too Many Requests: retry after 0.1');
    } finally {
      await fractional.stop();
    }
  });

  test('20 sends per minute per group, on top of 1 per second', async () => {
    // 20 ms per fake second, so a fake minute is 1.2 s.
    const minuteFake = new FakeBotApi({ timeScale: 0.02, limits: { perChatPerSecond: 1, perGroupPerMinute: 20 } });
    await minuteFake.start();
    try {
      const unitMs = 1000 * minuteFake.timeScale;
      const started = performance.now();
      let accepted = 0;
      // Bounded: at most 60 attempts and 4 s; each accepted send waits out the 1/s rule.
      for (let attempt = 0; attempt < 60 && accepted < 20 && performance.now() - started < 4000; attempt++) {
        const { status, reply } = await call(minuteFake, 'sendMessage', { chat_id: group.id, text: `news ${accepted}` });
        if (status === 200) accepted++;
        else expect(reply.description).toBe('Too Many Requests: retry after 1'); // only the per-second rule so far
        await sleep(unitMs + 2);
      }
      expect(accepted).toBe(20);

      const over = await call(minuteFake, 'sendMessage', { chat_id: group.id, text: 'one too many' });
      expect(over.status).toBe(429);
      const retryAfter = over.reply.parameters?.retry_after ?? 0;
      // The oldest of the 20 sends leaves the 60-unit window after 60 - (elapsed units) units.
      const elapsedUnits = (performance.now() - started) / unitMs;
      expect(retryAfter).toBeGreaterThanOrEqual(Math.floor(60 - elapsedUnits) - 1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(minuteFake.stats.rejectedBy.group).toBe(1);
      // A private chat is not subject to the group rule.
      expect((await call(minuteFake, 'sendMessage', { chat_id: 22, text: 'private is fine' })).status).toBe(200);

      await sleep(retryAfter * unitMs + 5);
      expect((await call(minuteFake, 'sendMessage', { chat_id: group.id, text: 'after the window' })).status).toBe(200);
      expect(minuteFake.chatMessages(group.id)).toHaveLength(21);
      expect(minuteFake.stats.limitBreaches).toBe(0);
    } finally {
      await minuteFake.stop();
    }
  });

  test('30 sends per second overall: the 31st concurrent send to a fresh chat gets 429', async () => {
    const slow = new FakeBotApi(); // real-time windows so 31 concurrent requests surely fall into one second
    await slow.start();
    try {
      const results = await Promise.all(Array.from({ length: 31 }, (_, i) => call(slow, 'sendMessage', { chat_id: 100 + i, text: `hello ${i}` })));
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(30);
      const rejected = results.find((r) => r.status === 429);
      expect(rejected?.reply.parameters?.retry_after).toBe(1);
      expect(slow.stats.rejectedBy).toEqual({ global: 1, chat: 0, group: 0 });
      expect(slow.messages).toHaveLength(30);
      expect(slow.sendsInCurrentSecond()).toBe(30);
      // In-flight concurrent requests are not breaches: none was sent after the 429 was read.
      expect(slow.stats.limitBreaches).toBe(0);
    } finally {
      await slow.stop();
    }
  });

  test('a client that ignores retry_after is counted as breaching, one that honours it is not', async () => {
    // Half-second fake seconds: long enough that the hammering below surely falls inside the told retry_after.
    const strict = new FakeBotApi({ timeScale: 0.5, breachGraceMs: 10 });
    await strict.start();
    try {
      const unitMs = 1000 * strict.timeScale;
      await call(strict, 'sendMessage', { chat_id: 30, text: 'first' });
      const told = await call(strict, 'sendMessage', { chat_id: 30, text: 'again' });
      expect(told.reply.parameters?.retry_after).toBe(1);
      expect(strict.stats.limitBreaches).toBe(0);

      await sleep(20); // past the in-flight grace
      const started = performance.now();
      // Hammering on inside the 500 ms retry_after: bounded to 5 tries and 300 ms.
      for (let i = 0; i < 5 && performance.now() - started < 300; i++) {
        const again = await call(strict, 'sendMessage', { chat_id: 30, text: 'again' });
        expect(again.status).toBe(429);
      }
      expect(strict.stats.limitBreaches).toBeGreaterThanOrEqual(1);
      expect(strict.chatMessages(30).map((m) => m.text)).toEqual(['first']);

      // A polite client in another chat waits out its retry_after and never breaches.
      await call(strict, 'sendMessage', { chat_id: 31, text: 'first' });
      const before = strict.stats.limitBreaches;
      const polite = await call(strict, 'sendMessage', { chat_id: 31, text: 'second' });
      expect(polite.status).toBe(429);
      await sleep((polite.reply.parameters?.retry_after ?? 1) * unitMs + 5);
      expect((await call(strict, 'sendMessage', { chat_id: 31, text: 'second' })).status).toBe(200);
      expect(strict.stats.limitBreaches).toBe(before);
    } finally {
      await strict.stop();
    }
  });

  test('edits count by default and can be exempted', async () => {
    const sent = await call(fake, 'sendMessage', { chat_id: 40, text: 'v1' });
    const id = (sent.reply.result as { message_id: number }).message_id;
    expect((await call(fake, 'editMessageText', { chat_id: 40, message_id: id, text: 'v2' })).status).toBe(429);

    const lenient = new FakeBotApi({ countEdits: false });
    await lenient.start();
    try {
      const first = await call(lenient, 'sendMessage', { chat_id: 40, text: 'v1' });
      const firstId = (first.reply.result as { message_id: number }).message_id;
      expect((await call(lenient, 'editMessageText', { chat_id: 40, message_id: firstId, text: 'v2' })).status).toBe(200);
    } finally {
      await lenient.stop();
    }
  });
});

describe('FakeBotApi getUpdates semantics and user helpers', () => {
  const fake = new FakeBotApi({ timeScale: 0.05 });
  const bobChat = FakeBotApi.privateChat(bob);

  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  const poll = async (body: Record<string, unknown>): Promise<number[]> => {
    const { reply } = await call(fake, 'getUpdates', body);
    expect(reply.ok).toBe(true);
    return (reply.result as Update[]).map((u) => u.update_id);
  };

  test('updates stay queued until a later offset confirms them', async () => {
    const a = fake.sendText(alice, aliceChat, 'one');
    const b = fake.sendText(alice, aliceChat, 'two');
    expect(b.update_id).toBe(a.update_id + 1);
    expect(b.message?.message_id).toBe((a.message?.message_id ?? 0) + 1);

    expect(await poll({})).toEqual([a.update_id, b.update_id]);
    expect(await poll({})).toEqual([a.update_id, b.update_id]); // not confirmed yet
    expect(await poll({ offset: b.update_id })).toEqual([b.update_id]);
    expect(await poll({ offset: b.update_id + 1 })).toEqual([]);
    expect(fake.pendingUpdateCount).toBe(0);
  });

  test('a held long poll is answered as soon as an update arrives', async () => {
    const started = performance.now();
    const held = call(fake, 'getUpdates', { timeout: 5 });
    let settled = false;
    void held.then(() => (settled = true));
    await untilCalled(fake, 'getUpdates', 1);
    await sleep(20);
    expect(settled).toBe(false); // held, not answered empty
    const update = fake.sendText(bob, bobChat, 'wake up');
    const { reply } = await held;
    expect((reply.result as Update[]).map((u) => u.update_id)).toEqual([update.update_id]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  test('allowed_updates filters updates created afterwards; [] restores the default', async () => {
    await poll({ allowed_updates: ['callback_query'] });
    fake.sendText(alice, aliceChat, 'not wanted');
    expect(await poll({})).toEqual([]);
    expect(fake.stats.updatesDropped).toBe(1);

    await poll({ allowed_updates: [] });
    const wanted = fake.sendText(alice, aliceChat, 'wanted');
    expect(await poll({})).toEqual([wanted.update_id]);
  });

  test('privacy mode: in groups only commands, mentions and replies to the bot get through', async () => {
    fake.privacyMode = true;
    try {
      fake.sendText(alice, group, 'just chatting');
      const command = fake.sendText(alice, group, '/help');
      const mention = fake.sendText(alice, group, `hi @${fake.botInfo.username}`);
      const sent = await call(fake, 'sendMessage', { chat_id: group.id, text: 'bot says' });
      const botMessageId = (sent.reply.result as { message_id: number }).message_id;
      const reply = fake.sendText(bob, group, 'answering the bot', { replyTo: botMessageId });
      const direct = fake.sendText(alice, aliceChat, 'private chats are not filtered');

      expect(await poll({})).toEqual([command, mention, reply, direct].map((u) => u.update_id));
      expect(fake.stats.updatesDropped).toBe(1);
    } finally {
      fake.privacyMode = false;
    }
  });

  test('user helpers build realistic updates', async () => {
    const location = fake.sendLocation(alice, aliceChat, { latitude: 31.23, longitude: 121.47 });
    const photo = fake.sendPhoto(alice, aliceChat, { caption: 'my street' });
    const voice = fake.sendVoice(alice, aliceChat, { duration: 4 });
    const sticker = fake.sendSticker(alice, aliceChat);
    const [joined, service] = fake.addBotToGroup(group, bob);

    expect(location.message?.location).toEqual({ latitude: 31.23, longitude: 121.47 });
    expect(photo.message?.photo).toHaveLength(3);
    expect(photo.message?.caption).toBe('my street');
    expect(voice.message?.voice?.duration).toBe(4);
    expect(sticker.message?.sticker?.emoji).toBe('👍');
    expect(joined.my_chat_member?.new_chat_member).toMatchObject({ status: 'member', user: { id: fake.botInfo.id, is_bot: true } });
    expect(service.message?.new_chat_members?.[0]?.id).toBe(fake.botInfo.id);
    const ids = [location, photo, voice, sticker].map((u) => u.message?.message_id ?? 0);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(4);
    expect(await poll({})).toHaveLength(6);
  });

  test('minimal methods through grammY: sendLocation, getChat, commands, deleteMessage, chat actions', async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    const location = await bot.api.sendLocation(alice.id, 31.23, 121.47);
    expect(location.location).toEqual({ latitude: 31.23, longitude: 121.47 });
    expect(fake.lastMessage(alice.id)).toMatchObject({ method: 'sendLocation', text: undefined });

    expect(await bot.api.getChat(group.id)).toMatchObject({ id: group.id, type: 'group' });
    await bot.api.setMyCommands([{ command: 'start', description: 'Begin' }]);
    expect(await bot.api.getMyCommands()).toEqual([{ command: 'start', description: 'Begin' }]);
    await expect(bot.api.setMyCommands([{ command: 'Bad Name', description: 'x' }])).rejects.toMatchObject({ description: 'Bad Request: BOT_COMMAND_INVALID' });

    await bot.api.sendChatAction(alice.id, 'typing');
    expect(await bot.api.deleteMessage(alice.id, location.message_id)).toBe(true);
    await expect(bot.api.deleteMessage(alice.id, location.message_id)).rejects.toMatchObject({ description: 'Bad Request: message to delete not found' });
  });
});

describe('FakeBotApi webhook mode', () => {
  const fake = new FakeBotApi();
  let server: Server | undefined;
  let failuresToInject = 0;
  let handled: Update[] = [];

  beforeAll(async () => {
    await fake.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  async function listen(bot: Bot, secretToken: string): Promise<string> {
    const handle = webhookCallback(bot, 'http', { secretToken });
    const created = http.createServer((req, res) => {
      if (failuresToInject > 0) {
        failuresToInject--;
        req.resume();
        res.writeHead(500).end();
        return;
      }
      void handle(req, res);
    });
    server = created;
    await new Promise<void>((resolve) => created.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(created.address() as AddressInfo).port}/telegram`;
  }

  afterEach(async () => {
    const current = server;
    server = undefined;
    if (current !== undefined) {
      await new Promise<void>((resolve) => {
        current.close(() => resolve());
        current.closeAllConnections();
      });
    }
    fake.reset();
  });

  test('updates are POSTed to the webhook (with its secret), retried after a non-2xx, and getUpdates is refused', async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    handled = [];
    bot.use(async (ctx, next) => {
      handled.push(ctx.update);
      await next();
    });
    bot.on('message:text', (ctx) => ctx.reply(`webhook echo: ${ctx.message.text}`));
    const url = await listen(bot, 'sekret_1');
    await bot.api.setWebhook(url, { secret_token: 'sekret_1' });
    expect(fake.webhook).toMatchObject({ url, secretToken: 'sekret_1' });

    failuresToInject = 2;
    const update = fake.sendText(alice, aliceChat, 'via webhook');
    const reply = await fake.waitFor({ chatId: alice.id, text: 'webhook echo: via webhook' });

    expect(reply.method).toBe('sendMessage');
    await fake.waitUntilDelivered(); // the reply is sent before the webhook answers 200
    expect(handled.map((u) => u.update_id)).toEqual([update.update_id]);
    expect(fake.stats).toMatchObject({ webhookFailures: 2, webhookAttempts: 3, updatesDelivered: 1 });
    expect((await bot.api.getWebhookInfo()).last_error_message).toMatch(/500/);

    const poll = await call(fake, 'getUpdates', {});
    expect(poll.reply).toMatchObject({ ok: false, error_code: 409 });
  });

  test('a webhook reply (method in the response body) is executed', async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot, canUseWebhookReply: (method) => method === 'sendMessage' } });
    bot.on('message:text', (ctx) => ctx.reply('answered in the webhook response'));
    await bot.api.setWebhook(await listen(bot, 'other_secret'), { secret_token: 'other_secret' });

    fake.sendText(bob, FakeBotApi.privateChat(bob), 'hi');
    const reply: SentMessage = await fake.waitFor({ chatId: bob.id, text: 'answered in the webhook response' });
    expect(reply.payload).toMatchObject({ method: 'sendMessage', chat_id: bob.id });
    // Only setWebhook went over HTTP: the reply came back inside the webhook response.
    expect(fake.stats.perMethod.setWebhook).toBe(1);
    expect(fake.stats.perMethod.sendMessage).toBe(1);
    expect(fake.messages).toHaveLength(1);
  });

  test('grammY surfaces the fake errors as GrammyError', async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    const error = await bot.api.sendMessage(1, '').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 400, description: 'Bad Request: message text is empty' });
  });
});
