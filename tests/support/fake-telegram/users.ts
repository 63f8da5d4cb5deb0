/**
 * Playing Telegram users: the updates a user's actions create (texts, locations, media,
 * button presses, adding the bot to a group), queued for the bot like Telegram would.
 */
import type { CallbackQuery, ChatMemberUpdated, Message, MessageEntity, Update, UserFromGetMe } from 'grammy/types';
import { type ChatStore, toUser } from './chats.js';
import { nowSeconds } from './clock.js';
import type { UpdateDelivery } from './delivery.js';
import type { Recorder } from './recorder.js';
import { callbackDataOf } from './telegram-rules.js';
import type { FakeChat, FakeUser, MessageRef, SentMessage } from './types.js';

export class UserSimulator {
  constructor(
    private readonly botInfo: UserFromGetMe,
    private readonly chats: ChatStore,
    private readonly recorder: Recorder,
    private readonly delivery: UpdateDelivery,
  ) {}

  sendText(from: FakeUser, chat: FakeChat, text: string, options: { replyTo?: number } = {}): Update {
    const message = this.chats.userMessage(from, chat, { text, ...commandEntities(text) }, options.replyTo);
    return this.delivery.push({ message });
  }

  /** `live_period` (seconds) makes it a live location, as "Share live location" sends it. */
  sendLocation(from: FakeUser, chat: FakeChat, location: { latitude: number; longitude: number; live_period?: number }): Update {
    const { latitude, longitude, live_period } = location;
    return this.delivery.push({
      message: this.chats.userMessage(from, chat, { location: { latitude, longitude, ...(live_period !== undefined ? { live_period } : {}) } }),
    });
  }

  sendPhoto(from: FakeUser, chat: FakeChat, options: { caption?: string; fileId?: string } = {}): Update {
    const fileId = options.fileId ?? `AgACAgFake${this.chats.nextSerial()}`;
    const sizes = [
      { suffix: 's', width: 90, height: 67, file_size: 1_200 },
      { suffix: 'm', width: 320, height: 240, file_size: 14_000 },
      { suffix: 'x', width: 1280, height: 960, file_size: 120_000 },
    ];
    const photo = sizes.map((s) => ({
      file_id: `${fileId}_${s.suffix}`,
      file_unique_id: `u_${fileId}_${s.suffix}`,
      width: s.width,
      height: s.height,
      file_size: s.file_size,
    }));
    const fields: Partial<Message> = { photo };
    if (options.caption !== undefined) Object.assign(fields, { caption: options.caption, ...captionEntities(options.caption) });
    return this.delivery.push({ message: this.chats.userMessage(from, chat, fields) });
  }

  sendVoice(from: FakeUser, chat: FakeChat, options: { duration?: number; fileId?: string } = {}): Update {
    const fileId = options.fileId ?? `AwACAgFakeVoice${this.chats.nextSerial()}`;
    const voice = { file_id: fileId, file_unique_id: `u_${fileId}`, duration: options.duration ?? 3, mime_type: 'audio/ogg', file_size: 8_000 };
    return this.delivery.push({ message: this.chats.userMessage(from, chat, { voice }) });
  }

  sendSticker(from: FakeUser, chat: FakeChat, options: { emoji?: string; fileId?: string } = {}): Update {
    const fileId = options.fileId ?? `CAACAgFakeSticker${this.chats.nextSerial()}`;
    const sticker = {
      file_id: fileId,
      file_unique_id: `u_${fileId}`,
      type: 'regular' as const,
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: options.emoji ?? '👍',
    };
    return this.delivery.push({ message: this.chats.userMessage(from, chat, { sticker }) });
  }

  pressButton(from: FakeUser, message: SentMessage | MessageRef, callbackData: string): string {
    const stored = this.chats.get(message.chatId, message.messageId);
    if (stored === undefined || !stored.fromBot) {
      throw new Error(`FakeBotApi.pressButton: the bot never sent message ${message.messageId} in chat ${message.chatId}`);
    }
    if (stored.deleted) throw new Error(`FakeBotApi.pressButton: message ${message.messageId} in chat ${message.chatId} was deleted`);
    const data = callbackDataOf(stored.message.reply_markup);
    if (!data.includes(callbackData)) {
      throw new Error(
        `FakeBotApi.pressButton: message ${message.messageId} in chat ${message.chatId} has no button with callback_data ${JSON.stringify(callbackData)} (it has ${JSON.stringify(data)})`,
      );
    }
    const id = `${this.botInfo.id}${String(this.chats.nextSerial()).padStart(6, '0')}`;
    this.recorder.issueQuery(id);
    const callbackQuery: CallbackQuery = {
      id,
      from: toUser(from),
      message: structuredClone(stored.message),
      chat_instance: String((Math.abs(message.chatId) * 7919) % 1_000_000_007),
      data: callbackData,
    };
    this.delivery.push({ callback_query: callbackQuery });
    return id;
  }

  addBotToGroup(chat: FakeChat, by: FakeUser): [Update, Update] {
    if (chat.type === 'private') throw new Error('FakeBotApi.addBotToGroup: a private chat is not a group');
    const chatObject = this.chats.registerChat(chat, by);
    this.chats.unblock(chat.id);
    const bot = this.chats.botUser();
    const member: ChatMemberUpdated = {
      chat: chatObject,
      from: toUser(by),
      date: nowSeconds(),
      old_chat_member: { status: 'left', user: bot },
      new_chat_member: { status: 'member', user: bot },
    };
    const first = this.delivery.push({ my_chat_member: member });
    const second = this.delivery.push({ message: this.chats.userMessage(by, chat, { new_chat_members: [bot] }) });
    return [first, second];
  }
}

/** Telegram marks a leading /command (with optional @botname) as a bot_command entity. */
function commandEntities(text: string): { entities?: MessageEntity[] } {
  const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  return command === null ? {} : { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] };
}

function captionEntities(caption: string): { caption_entities?: MessageEntity[] } {
  const { entities } = commandEntities(caption);
  return entities === undefined ? {} : { caption_entities: entities };
}
