/**
 * The Bot API methods the fake implements and Telegram's errors for them. The flood limits
 * are off here (limits.test.ts covers them), so no test depends on timing.
 */
import { Bot, GrammyError } from 'grammy';
import { alice, aliceChat, call, group, messageIdOf, NO_LIMITS, useFake } from './helpers.js';

const fake = useFake({ limits: NO_LIMITS });

describe('sendMessage checks', () => {
  test('texts over 4096 characters are rejected, counted after HTML parsing', async () => {
    const tooLong = await call(fake(), 'sendMessage', { chat_id: 1, text: 'x'.repeat(4097) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.reply.description).toBe('Bad Request: message is too long');

    const exact = await call(fake(), 'sendMessage', { chat_id: 2, text: 'x'.repeat(4096) });
    expect(exact.reply.ok).toBe(true);
    const withTags = await call(fake(), 'sendMessage', { chat_id: 3, text: `<b>${'x'.repeat(4095)}</b>&amp;`, parse_mode: 'HTML' });
    expect(withTags.reply.ok).toBe(true);
    // The answer carries the parsed text; the record keeps the text as sent.
    expect((withTags.reply.result as { text: string }).text).toBe(`${'x'.repeat(4095)}&`);
    expect(fake().lastMessage(3)?.text).toBe(`<b>${'x'.repeat(4095)}</b>&amp;`);

    expect(fake().messages.map((m) => m.chatId)).toEqual([2, 3]);
  });

  test('missing fields, unknown chats, long callback_data', async () => {
    expect((await call(fake(), 'sendMessage', { text: 'hi' })).reply.description).toBe('Bad Request: chat_id is empty');
    expect((await call(fake(), 'sendMessage', { chat_id: '@volunteers', text: 'hi' })).reply.description).toBe('Bad Request: chat not found');
    expect((await call(fake(), 'sendMessage', { chat_id: 5 })).reply.description).toBe('Bad Request: message text is empty');
    expect((await call(fake(), 'sendMessage', { chat_id: 5, text: '   ' })).reply.description).toBe('Bad Request: message text is empty');

    const longData = { inline_keyboard: [[{ text: 'b', callback_data: '字'.repeat(22) }]] }; // 66 bytes in UTF-8
    const button = await call(fake(), 'sendMessage', { chat_id: 5, text: 'hi', reply_markup: longData });
    expect(button).toEqual({ status: 400, reply: { ok: false, error_code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' } });
    expect(fake().messages).toHaveLength(0);
  });

  test('blocked chats get 403 until unblocked (private: blocked, group: kicked)', async () => {
    fake().blockChat(6);
    fake().blockChat(group.id);
    const blocked = await call(fake(), 'sendMessage', { chat_id: 6, text: 'hi' });
    expect(blocked).toEqual({ status: 403, reply: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } });
    const kicked = await call(fake(), 'sendMessage', { chat_id: group.id, text: 'hi' });
    expect(kicked.reply.description).toBe('Forbidden: bot was kicked from the group chat');
    expect(fake().messages).toHaveLength(0);

    fake().unblockChat(6);
    expect((await call(fake(), 'sendMessage', { chat_id: 6, text: 'hi again' })).status).toBe(200);
    expect(fake().messages.map((m) => m.text)).toEqual(['hi again']);
  });

  test('a reply to an unknown message fails unless allow_sending_without_reply', async () => {
    const strict = await call(fake(), 'sendMessage', { chat_id: 7, text: 're', reply_parameters: { message_id: 99 } });
    expect(strict.reply.description).toBe('Bad Request: message to be replied not found');
    const lenient = await call(fake(), 'sendMessage', { chat_id: 7, text: 're', reply_parameters: { message_id: 99, allow_sending_without_reply: true } });
    expect(lenient.status).toBe(200);
  });
});

describe('edits and deletions', () => {
  test('not modified, not found, and a reply-markup edit', async () => {
    const markup = { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] };
    const sent = await call(fake(), 'sendMessage', { chat_id: 7, text: 'hello', reply_markup: markup });
    const messageId = messageIdOf(sent.reply);

    const same = await call(fake(), 'editMessageText', { chat_id: 7, message_id: messageId, text: 'hello', reply_markup: markup });
    expect(same.status).toBe(400);
    expect(same.reply.description).toMatch(/^Bad Request: message is not modified/);

    const missing = await call(fake(), 'editMessageText', { chat_id: 7, message_id: messageId + 100, text: 'x' });
    expect(missing.reply.description).toBe('Bad Request: message to edit not found');

    const edit = await call(fake(), 'editMessageReplyMarkup', { chat_id: 7, message_id: messageId });
    expect(edit.reply.ok).toBe(true);
    expect(fake().lastMessage(7)).toMatchObject({ method: 'editMessageReplyMarkup', editOf: messageId, text: 'hello', replyMarkup: undefined });
    expect(fake().chatMessages(7)).toHaveLength(2);
  });

  test("a user's message can't be edited, a location has no text to edit", async () => {
    const userMessage = fake().sendText(alice, aliceChat, 'mine');
    const byUser = await call(fake(), 'editMessageText', { chat_id: alice.id, message_id: userMessage.message?.message_id, text: 'yours' });
    expect(byUser.reply.description).toBe("Bad Request: message can't be edited");

    const location = await call(fake(), 'sendLocation', { chat_id: alice.id, latitude: 31.23, longitude: 121.47 });
    const onLocation = await call(fake(), 'editMessageText', { chat_id: alice.id, message_id: messageIdOf(location.reply), text: 'x' });
    expect(onLocation.reply.description).toBe('Bad Request: there is no text in the message to edit');
  });
});

describe('callback queries', () => {
  test('answerCallbackQuery records the answer once; a second answer or an unknown id is refused', async () => {
    const sent = await call(fake(), 'sendMessage', {
      chat_id: alice.id,
      text: 'menu',
      reply_markup: { inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] },
    });
    const queryId = fake().pressButton(alice, { chatId: alice.id, messageId: messageIdOf(sent.reply) }, 'go');

    const first = await call(fake(), 'answerCallbackQuery', { callback_query_id: queryId, text: 'Going', show_alert: true, cache_time: 5 });
    expect(first.reply).toEqual({ ok: true, result: true });
    expect(await fake().waitForCallbackAnswer(queryId)).toMatchObject({
      callbackQueryId: queryId,
      text: 'Going',
      showAlert: true,
      cacheTime: 5,
      url: undefined,
    });

    const tooOld = 'Bad Request: query is too old and response timeout expired or query ID is invalid';
    expect((await call(fake(), 'answerCallbackQuery', { callback_query_id: queryId })).reply.description).toBe(tooOld);
    expect((await call(fake(), 'answerCallbackQuery', { callback_query_id: 'made-up' })).reply.description).toBe(tooOld);
    expect(fake().callbackAnswers).toHaveLength(1);
  });

  test('pressButton refuses buttons the bot never sent', async () => {
    const sent = await call(fake(), 'sendMessage', { chat_id: alice.id, text: 'plain' });
    expect(() => fake().pressButton(alice, { chatId: alice.id, messageId: messageIdOf(sent.reply) }, 'go')).toThrow(
      /has no button with callback_data "go" \(it has \[\]\)/,
    );
    expect(() => fake().pressButton(alice, { chatId: alice.id, messageId: 999 }, 'go')).toThrow(/the bot never sent message 999/);
  });
});

describe('other methods through grammY', () => {
  test('sendLocation, getChat, commands, deleteMessage, chat actions', async () => {
    const bot = new Bot(fake().token, { client: { apiRoot: fake().apiRoot } });
    const location = await bot.api.sendLocation(alice.id, 31.23, 121.47);
    expect(location.location).toEqual({ latitude: 31.23, longitude: 121.47 });
    expect(fake().lastMessage(alice.id)).toMatchObject({ method: 'sendLocation', text: undefined });

    expect(await bot.api.getChat(group.id)).toMatchObject({ id: group.id, type: 'group' });
    await bot.api.setMyCommands([{ command: 'start', description: 'Begin' }]);
    expect(await bot.api.getMyCommands()).toEqual([{ command: 'start', description: 'Begin' }]);
    expect(fake().commands()).toEqual([{ command: 'start', description: 'Begin' }]);
    await expect(bot.api.setMyCommands([{ command: 'Bad Name', description: 'x' }])).rejects.toMatchObject({ description: 'Bad Request: BOT_COMMAND_INVALID' });
    await bot.api.deleteMyCommands();
    expect(await bot.api.getMyCommands()).toEqual([]);

    expect(await bot.api.sendChatAction(alice.id, 'typing')).toBe(true);
    expect(await bot.api.deleteMessage(alice.id, location.message_id)).toBe(true);
    await expect(bot.api.deleteMessage(alice.id, location.message_id)).rejects.toMatchObject({ description: 'Bad Request: message to delete not found' });
  });

  test('grammY surfaces the fake errors as GrammyError', async () => {
    const bot = new Bot(fake().token, { client: { apiRoot: fake().apiRoot } });
    const error = await bot.api.sendMessage(1, '').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 400, description: 'Bad Request: message text is empty' });
  });
});
