/**
 * How updates reach the bot: the queue with getUpdates confirmation semantics, the filters
 * Telegram applies when an update is created, the user helpers that create them, and
 * webhook delivery with retries and webhook replies.
 */
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { alice, aliceChat, bob, bobChat, call, group, messageIdOf, NO_LIMITS, poll, until, useFake } from './helpers.js';
import { FakeBotApi, type FakeUser } from '../../support/fake-telegram/fake-bot-api.js';

describe('getUpdates', () => {
  const fake = useFake({ limits: NO_LIMITS });

  test('updates stay queued until a later offset confirms them', async () => {
    const a = fake().sendText(alice, aliceChat, 'one');
    const b = fake().sendText(alice, aliceChat, 'two');
    expect(b.update_id).toBe(a.update_id + 1);
    expect(b.message?.message_id).toBe((a.message?.message_id ?? 0) + 1);

    expect(await poll(fake(), {})).toEqual([a.update_id, b.update_id]);
    expect(await poll(fake(), {})).toEqual([a.update_id, b.update_id]); // not confirmed yet
    expect(await poll(fake(), { offset: b.update_id })).toEqual([b.update_id]);
    expect(await poll(fake(), { offset: b.update_id + 1 })).toEqual([]);
    expect(fake().pendingUpdateCount).toBe(0);
    expect(fake().stats.updatesDelivered).toBe(5);
  });

  test('limit caps the batch; a negative offset keeps only the last updates', async () => {
    const ids = [1, 2, 3, 4].map((i) => fake().sendText(alice, aliceChat, `m${i}`).update_id);
    expect(await poll(fake(), { limit: 2 })).toEqual(ids.slice(0, 2));
    expect(await poll(fake(), { offset: -1 })).toEqual(ids.slice(3));
    expect(fake().pendingUpdateCount).toBe(1);
  });

  test('a duplicate (same update_id) is delivered even after the offset passed it', async () => {
    const once = fake().sendText(alice, aliceChat, 'once');
    expect(await poll(fake(), {})).toEqual([once.update_id]);
    expect(await poll(fake(), { offset: once.update_id + 1 })).toEqual([]);

    fake().duplicate(once);
    expect(await poll(fake(), { offset: once.update_id + 1 })).toEqual([once.update_id]);
    expect(await poll(fake(), { offset: once.update_id + 1 })).toEqual([]);
    expect(fake().stats.updatesPushed).toBe(2);
  });

  test('allowed_updates filters updates created afterwards; [] restores the default', async () => {
    await poll(fake(), { allowed_updates: ['callback_query'] });
    fake().sendText(alice, aliceChat, 'not wanted');
    expect(await poll(fake(), {})).toEqual([]);
    expect(fake().stats.updatesDropped).toBe(1);

    await poll(fake(), { allowed_updates: [] });
    const wanted = fake().sendText(alice, aliceChat, 'wanted');
    expect(await poll(fake(), {})).toEqual([wanted.update_id]);
  });
});

describe('privacy mode', () => {
  const fake = useFake({ limits: NO_LIMITS, privacyMode: true });

  test('in groups only commands, mentions and replies to the bot get through', async () => {
    expect(fake().botInfo.can_read_all_group_messages).toBe(false);
    fake().sendText(alice, group, 'just chatting');
    const command = fake().sendText(alice, group, '/help');
    const mention = fake().sendText(alice, group, `hi @${fake().botInfo.username}`);
    const sent = await call(fake(), 'sendMessage', { chat_id: group.id, text: 'bot says' });
    const reply = fake().sendText(bob, group, 'answering the bot', { replyTo: messageIdOf(sent.reply) });
    const direct = fake().sendText(alice, aliceChat, 'private chats are not filtered');

    expect(await poll(fake(), {})).toEqual([command, mention, reply, direct].map((u) => u.update_id));
    expect(fake().stats.updatesDropped).toBe(1);
  });

  test('can be switched off while the fake runs', async () => {
    fake().privacyMode = false;
    const chatter = fake().sendText(alice, group, 'just chatting');
    expect(await poll(fake(), {})).toEqual([chatter.update_id]);
  });
});

describe('user helpers', () => {
  const fake = useFake({ limits: NO_LIMITS });

  test('build realistic updates', async () => {
    const location = fake().sendLocation(alice, aliceChat, { latitude: 31.23, longitude: 121.47 });
    const photo = fake().sendPhoto(alice, aliceChat, { caption: 'my street' });
    const voice = fake().sendVoice(alice, aliceChat, { duration: 4 });
    const sticker = fake().sendSticker(alice, aliceChat);
    const [joined, service] = fake().addBotToGroup(group, bob);

    expect(location.message?.location).toEqual({ latitude: 31.23, longitude: 121.47 });
    expect(photo.message?.photo).toHaveLength(3);
    expect(photo.message?.caption).toBe('my street');
    expect(voice.message?.voice?.duration).toBe(4);
    expect(sticker.message?.sticker?.emoji).toBe('👍');
    expect(joined.my_chat_member?.new_chat_member).toMatchObject({ status: 'member', user: { id: fake().botInfo.id, is_bot: true } });
    expect(service.message?.new_chat_members?.[0]?.id).toBe(fake().botInfo.id);
    expect(service.message?.chat).toEqual({ id: group.id, type: 'group', title: 'Volunteers' });
    const ids = [location, photo, voice, sticker].map((u) => u.message?.message_id ?? 0);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(4);
    expect(fake().lastUpdate).toBe(service);
    expect(await poll(fake(), {})).toHaveLength(6);
  });

  test('a leading command gets a bot_command entity; a reply carries the message replied to', async () => {
    const command = fake().sendText(alice, aliceChat, '/start@baiying_test_bot now');
    expect(command.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 23 }]);
    const reply = fake().sendText(alice, aliceChat, 'and this', { replyTo: command.message?.message_id });
    expect(reply.message?.reply_to_message).toMatchObject({ message_id: command.message?.message_id, text: '/start@baiying_test_bot now' });
    expect(() => fake().sendText(alice, aliceChat, 'x', { replyTo: 999 })).toThrow(/cannot reply to unknown message 999/);
  });
});

describe('webhook mode', () => {
  const fake = useFake({ limits: NO_LIMITS });
  const servers: Server[] = [];

  /** Serves `bot` on a local webhook; the first `failFirst` POSTs get a 500 before grammY sees them. */
  async function listen(bot: Bot, secretToken: string, failFirst = 0): Promise<string> {
    const handle = webhookCallback(bot, 'http', { secretToken });
    let failuresLeft = failFirst;
    const server = http.createServer((req, res) => {
      if (failuresLeft > 0) {
        failuresLeft--;
        req.resume();
        res.writeHead(500).end();
        return;
      }
      void handle(req, res);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;
  }

  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
  });

  test('updates are POSTed (with the secret), retried after a non-2xx, and getUpdates is refused', async () => {
    const bot = new Bot(fake().token, { client: { apiRoot: fake().apiRoot } });
    const handled: Update[] = [];
    bot.use(async (ctx, next) => {
      handled.push(ctx.update);
      await next();
    });
    bot.on('message:text', (ctx) => ctx.reply(`webhook echo: ${ctx.message.text}`));
    const url = await listen(bot, 'sekret_1', 2);
    await bot.api.setWebhook(url, { secret_token: 'sekret_1' });
    expect(fake().webhook).toMatchObject({ url, secretToken: 'sekret_1' });

    const update = fake().sendText(alice, aliceChat, 'via webhook');
    const reply = await fake().waitFor({ chatId: alice.id, text: 'webhook echo: via webhook' });

    expect(reply.method).toBe('sendMessage');
    await fake().waitUntilDelivered(); // the reply is sent before the webhook answers 200
    expect(handled.map((u) => u.update_id)).toEqual([update.update_id]);
    expect(fake().stats).toMatchObject({ webhookFailures: 2, webhookAttempts: 3, updatesDelivered: 1 });
    expect((await bot.api.getWebhookInfo()).last_error_message).toMatch(/500/);

    const polled = await call(fake(), 'getUpdates', {});
    expect(polled.reply).toMatchObject({ ok: false, error_code: 409 });
  });

  test('a wrong secret is refused by grammY, so the update stays pending and is retried', async () => {
    const bot = new Bot(fake().token, { client: { apiRoot: fake().apiRoot } });
    await bot.api.setWebhook(await listen(bot, 'expected_secret'), { secret_token: 'other_secret' });
    fake().sendText(alice, aliceChat, 'hi');
    // Positive signal: the fake has seen the webhook refuse the update twice (first POST and one retry).
    await until(() => fake().stats.webhookFailures >= 2, 'two refused webhook POSTs');
    expect(fake().stats.updatesDelivered).toBe(0);
    expect(fake().pendingUpdateCount).toBe(1);
    expect((await bot.api.getWebhookInfo()).last_error_message).toMatch(/^Wrong response from the webhook: 401/);
  });

  test('a webhook reply (method in the response body) is executed', async () => {
    const bot = new Bot(fake().token, { client: { apiRoot: fake().apiRoot, canUseWebhookReply: (method) => method === 'sendMessage' } });
    bot.on('message:text', (ctx) => ctx.reply('answered in the webhook response'));
    await bot.api.setWebhook(await listen(bot, 'other_secret'), { secret_token: 'other_secret' });

    fake().sendText(bob, bobChat, 'hi');
    const reply = await fake().waitFor({ chatId: bob.id, text: 'answered in the webhook response' });
    expect(reply.payload).toMatchObject({ method: 'sendMessage', chat_id: bob.id });
    // Positive signal: once the webhook answered 2xx, grammY has finished with the update.
    await fake().waitUntilDelivered();
    // Over HTTP only setWebhook and grammY's getMe (bot.init on the first update): the reply came back inside the webhook response.
    expect(fake().stats.perMethod).toEqual({ setWebhook: 1, getMe: 1, sendMessage: 1 });
    expect(fake().messages).toHaveLength(1);
  });

  test('deleteWebhook switches back to polling', async () => {
    const bot = new Bot(fake().token, { client: { apiRoot: fake().apiRoot } });
    await bot.api.setWebhook(await listen(bot, 'sekret_2'), { secret_token: 'sekret_2' });
    await bot.api.deleteWebhook();
    expect(fake().webhook).toBeUndefined();
    const update = fake().sendText(alice, aliceChat, 'polled again');
    expect(await poll(fake(), {})).toEqual([update.update_id]);
  });
});

describe('webhook mode with parallel connections (webhookMaxConnections)', () => {
  const fake = useFake({ limits: NO_LIMITS, webhookMaxConnections: 8 });
  let server: Server | undefined;

  afterEach(async () => {
    const s = server;
    server = undefined;
    if (s)
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
  });

  /**
   * A webhook that holds every POST until `release()`; `seen` lists the update ids in the order
   * they arrived, `open` how many POSTs it holds now.
   */
  async function holdingWebhook(failFirstOf: Set<number> = new Set()) {
    const held: Array<() => void> = [];
    const seen: number[] = [];
    const state = { open: 0, maxOpen: 0 };
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update;
        seen.push(update.update_id);
        if (failFirstOf.delete(update.update_id)) {
          res.writeHead(500).end();
          return;
        }
        state.open++;
        state.maxOpen = Math.max(state.maxOpen, state.open);
        held.push(() => {
          state.open--;
          res.writeHead(200).end();
        });
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    return { url, seen, state, release: () => held.splice(0).forEach((f) => f()) };
  }

  test('posts different chats and users at once, one chat (or one user) at a time, in order', async () => {
    const hook = await holdingWebhook();
    expect((await call(fake(), 'setWebhook', { url: hook.url })).reply.ok).toBe(true);
    const users = Array.from({ length: 5 }, (_, i): FakeUser => ({ id: 3000 + i, first_name: `u${i}` }));
    const first = users.map((u) => fake().sendText(u, FakeBotApi.privateChat(u), 'one').update_id);
    const second = users.map((u) => fake().sendText(u, FakeBotApi.privateChat(u), 'two').update_id);
    // All five chats are posted at once; each chat's second message waits for its first.
    await until(() => hook.state.open === 5, 'five POSTs held at once');
    expect(hook.seen).toEqual(first);
    expect(fake().pendingUpdateCount).toBe(10);
    hook.release();
    await until(() => hook.seen.length === 10 && hook.state.open === 5, 'the second messages posted');
    expect(hook.seen.slice(5)).toEqual(second);
    hook.release();
    await fake().waitUntilDelivered();
    expect(fake().stats).toMatchObject({ webhookAttempts: 10, updatesDelivered: 10 });
  });

  test('caps the POSTs in flight at the smaller of the option and the webhook max_connections; a failed update keeps its queue waiting', async () => {
    const users = Array.from({ length: 6 }, (_, i): FakeUser => ({ id: 3100 + i, first_name: `u${i}` }));
    const failing = fake().sendText(users[0]!, FakeBotApi.privateChat(users[0]!), 'fails once');
    const hook = await holdingWebhook(new Set([failing.update_id]));
    const later = fake().sendText(users[0]!, FakeBotApi.privateChat(users[0]!), 'after the retry');
    for (const u of users.slice(1)) fake().sendText(u, FakeBotApi.privateChat(u), 'hello');
    expect((await call(fake(), 'setWebhook', { url: hook.url, max_connections: 3 })).reply.ok).toBe(true);
    await until(() => hook.state.open === 3, 'three POSTs held');
    while (hook.seen.length < 8) {
      expect(hook.state.open).toBeLessThanOrEqual(3);
      hook.release();
      await until(() => hook.state.open > 0 || hook.seen.length === 8, 'the next POSTs');
    }
    hook.release();
    await fake().waitUntilDelivered();
    expect(hook.state.maxOpen).toBe(3);
    // The failed update was posted again before its chat's next message.
    expect(hook.seen.filter((id) => id === failing.update_id)).toHaveLength(2);
    expect(hook.seen.lastIndexOf(failing.update_id)).toBeLessThan(hook.seen.indexOf(later.update_id));
    expect(fake().stats).toMatchObject({ webhookFailures: 1, updatesDelivered: 7 });
  });
});

describe('setWebhook with verification time (webhookVerifyMs)', () => {
  const fake = useFake({ limits: NO_LIMITS, webhookVerifyMs: 200 });

  test('a second setWebhook while the first waits terminates it with 409; an identical one afterwards is answered at once', async () => {
    const url = 'http://127.0.0.1:9/telegram/webhook';
    const [first, second] = await Promise.all([
      call(fake(), 'setWebhook', { url, secret_token: 's_1' }),
      call(fake(), 'setWebhook', { url, secret_token: 's_1' }),
    ]);
    expect(first).toEqual({ status: 409, reply: { ok: false, error_code: 409, description: 'Conflict: terminated by other setWebhook' } });
    expect(second).toEqual({ status: 200, reply: { ok: true, result: true, description: 'Webhook was set' } });
    expect(fake().webhook).toMatchObject({ url, secretToken: 's_1' });
    const started = Date.now();
    expect((await call(fake(), 'setWebhook', { url, secret_token: 's_1' })).reply).toEqual({ ok: true, result: true, description: 'Webhook is already set' });
    expect(Date.now() - started).toBeLessThan(150);
    // A changed secret is a changed webhook: verified again.
    expect((await call(fake(), 'setWebhook', { url, secret_token: 's_2' })).reply.description).toBe('Webhook was set');
    expect(fake().webhook).toMatchObject({ url, secretToken: 's_2' });
  });
});
