/**
 * Real grammY clients against the fake: a bot on bot.start() long polling (with auto-retry
 * honouring the fake's 429s) and one on @grammyjs/runner. Each test starts its own fake and
 * bot, so none depends on what an earlier test left behind.
 */
import { autoRetry } from '@grammyjs/auto-retry';
import { run } from '@grammyjs/runner';
import { Bot, InlineKeyboard } from 'grammy';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { alice, aliceChat, bob, bobChat, group } from './helpers.js';

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

describe('a grammY bot on bot.start() long polling', () => {
  let fake: FakeBotApi;
  let bot: Bot;
  let polling: { done: Promise<void> };
  let seenUpdateIds: number[];

  beforeEach(async () => {
    // Scaled time (1 fake second = 20 ms) and fractional retry_after let auto-retry honour 429s quickly.
    fake = new FakeBotApi({ timeScale: 0.02, fractionalRetryAfter: true });
    await fake.start();
    seenUpdateIds = [];
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

  // Stop the bot before the fake: bot.stop() confirms its offset with a last getUpdates.
  afterEach(async () => {
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
    expect(reply.messageId).toBe((update.message?.message_id ?? 0) + 1);
    expect(fake.lastMessage(alice.id)).toBe(reply);
    expect(fake.stats.perMethod.getMe).toBe(1);
    expect(fake.stats.perMethod.deleteWebhook).toBe(1);
  });

  test('a button press round trip: answerCallbackQuery and editMessageText', async () => {
    fake.sendText(alice, aliceChat, '/start');
    const menu = await fake.waitFor({ chatId: alice.id, text: 'Welcome to Baiying' });

    const queryId = fake.pressButton(alice, menu, 'help:1');
    const answer = await fake.waitForCallbackAnswer(queryId);
    const edited = await fake.waitFor((m) => m.editOf === menu.messageId, { chatId: alice.id });

    expect(answer).toMatchObject({ callbackQueryId: queryId, text: 'On it', showAlert: false });
    expect(edited).toMatchObject({ method: 'editMessageText', text: 'Help requested', replyMarkup: undefined });
    // The keyboard is gone with the edit, so the button can no longer be pressed.
    expect(() => fake.pressButton(alice, menu, 'help:1')).toThrow(/no button with callback_data "help:1"/);
  });

  test('a duplicated update (same update_id) is delivered again, and only once more', async () => {
    const original = fake.sendText(bob, bobChat, 'hello twice');
    await fake.waitFor({ chatId: bob.id, text: 'echo: hello twice' });

    fake.duplicate(original);
    // Positive signal that the duplicate was handled: a later update in the same chat was answered.
    fake.sendText(bob, bobChat, 'marker');
    await fake.waitFor({ chatId: bob.id, text: 'echo: marker' });

    expect(seenUpdateIds.filter((id) => id === original.update_id)).toHaveLength(2);
    // grammY does not deduplicate: the bot replied to the same update twice (1 s per chat apart thanks to auto-retry).
    expect(fake.chatMessages(bob.id).map((m) => m.text)).toEqual(['echo: hello twice', 'echo: hello twice', 'echo: marker']);
  });

  test('a shared location and being added to a group reach grammY filters', async () => {
    fake.sendLocation(alice, aliceChat, { latitude: 31.23, longitude: 121.47 });
    await fake.waitFor({ chatId: alice.id, text: 'location 31.23' });

    const [joined, service] = fake.addBotToGroup(group, bob);
    await fake.waitFor({ chatId: group.id, text: 'Thanks for adding me' });
    // Both updates reached the bot, and only my_chat_member got an answer (the service message has no text).
    await fake.waitUntilDelivered();
    expect(seenUpdateIds.slice(-2)).toEqual([joined.update_id, service.update_id]);
    expect(fake.chatMessages(group.id).map((m) => m.text)).toEqual(['Thanks for adding me']);
  });

  test('waitFor rejects with the recent messages of the chat', async () => {
    fake.sendText(alice, aliceChat, '/start');
    await fake.waitFor({ chatId: alice.id, text: 'Welcome to Baiying' });
    await expect(fake.waitFor({ chatId: alice.id, text: 'never sent' }, { timeoutMs: 50 })).rejects.toThrow(
      /no message to chat 1001 with text "never sent" within 50 ms\.\nLast 1 of 1 messages in chat 1001:\n {2}#0 sendMessage chat 1001 msg 2: "Welcome to Baiying" \[I need help\]/,
    );
  });
});

describe('a grammY bot on @grammyjs/runner', () => {
  let fake: FakeBotApi;

  beforeEach(async () => {
    fake = new FakeBotApi();
    await fake.start();
  });

  afterEach(() => fake.stop());

  test('run(bot) polls the fake and the reply is recorded', async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    bot.command('start', (ctx) => ctx.reply('runner says hi'));
    await bot.init();
    const handle = run(bot);
    try {
      const update = fake.sendText(alice, aliceChat, '/start');
      const reply = await fake.waitFor({ chatId: alice.id, text: 'runner says hi' });
      expect(reply).toMatchObject({ method: 'sendMessage', messageId: (update.message?.message_id ?? 0) + 1 });
    } finally {
      await handle.stop();
    }
  });
});
