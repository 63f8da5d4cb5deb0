/**
 * What the fake knows about chats and the messages in them (the bot's and the users'):
 * the state that replies, edits, deletions and button presses are checked against.
 */
import type { Message, Update, User, UserFromGetMe } from 'grammy/types';
import { nowSeconds } from './clock.js';
import { ApiError } from './request.js';
import { canonicalJson } from './telegram-rules.js';
import type { FakeChat, FakeChatObject, FakeUser } from './types.js';

/** The shape Telegram nests as `reply_to_message` (one level deep only). */
export type ReplyMessage = NonNullable<Message['reply_to_message']>;

export interface StoredMessage {
  message: Message;
  fromBot: boolean;
  deleted: boolean;
  /** Raw text/caption and parse_mode: "not modified" compares these, not the parsed text. */
  rawText: string | undefined;
  parseMode: string | undefined;
  markupKey: string;
  hasText: boolean;
}

export function toUser(user: FakeUser): User {
  const out: User = { id: user.id, is_bot: false, first_name: user.first_name };
  if (user.username !== undefined) out.username = user.username;
  if (user.last_name !== undefined) out.last_name = user.last_name;
  if (user.language_code !== undefined) out.language_code = user.language_code;
  return out;
}

export function asReply(message: Message): ReplyMessage {
  return { ...structuredClone(message), reply_to_message: undefined };
}

export class ChatStore {
  private readonly chats = new Map<number, FakeChatObject>();
  private readonly blocked = new Set<number>();
  private readonly stored = new Map<number, Map<number, StoredMessage>>();
  private readonly lastMessageId = new Map<number, number>();
  private serial = 0;

  constructor(private readonly botInfo: UserFromGetMe) {}

  /** Forgets chats, blocks and messages; message ids and the serial keep growing (see FakeBotApi.reset). */
  clear(): void {
    this.chats.clear();
    this.blocked.clear();
    this.stored.clear();
  }

  /** One counter for generated file ids and callback query ids, so they never repeat. */
  nextSerial(): number {
    return ++this.serial;
  }

  /** message_id grows per chat, shared by user and bot messages, as in Telegram. */
  nextMessageId(chatId: number): number {
    const next = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, next);
    return next;
  }

  get(chatId: number, messageId: number): StoredMessage | undefined {
    return this.stored.get(chatId)?.get(messageId);
  }

  store(chatId: number, message: StoredMessage): void {
    let byId = this.stored.get(chatId);
    if (byId === undefined) {
      byId = new Map();
      this.stored.set(chatId, byId);
    }
    byId.set(message.message.message_id, message);
  }

  /** A chat the bot sends to: known from updates, or created like Telegram ids suggest. */
  chatFor(chatId: number): FakeChatObject {
    const known = this.chats.get(chatId);
    if (known !== undefined) return known;
    let chat: FakeChatObject;
    if (chatId > 0) chat = { id: chatId, type: 'private', first_name: `User ${chatId}` };
    else if (chatId <= -1_000_000_000_000) chat = { id: chatId, type: 'supergroup', title: `Supergroup ${chatId}` };
    else chat = { id: chatId, type: 'group', title: `Group ${chatId}` };
    this.chats.set(chatId, chat);
    return chat;
  }

  /** The chat object a user's message carries (a private chat is named after the user). */
  registerChat(chat: FakeChat, user: FakeUser): FakeChatObject {
    let object: FakeChatObject;
    if (chat.type === 'private') {
      object = { id: chat.id, type: 'private', first_name: user.first_name };
      if (user.username !== undefined) object.username = user.username;
      if (user.last_name !== undefined) object.last_name = user.last_name;
    } else if (chat.type === 'group') {
      object = { id: chat.id, type: 'group', title: chat.title ?? `Group ${chat.id}` };
    } else {
      object = { id: chat.id, type: 'supergroup', title: chat.title ?? `Supergroup ${chat.id}` };
      if (chat.username !== undefined) object.username = chat.username;
    }
    this.chats.set(chat.id, object);
    return object;
  }

  block(chatId: number): void {
    this.blocked.add(chatId);
  }

  unblock(chatId: number): void {
    this.blocked.delete(chatId);
  }

  checkNotBlocked(chat: FakeChatObject): void {
    if (!this.blocked.has(chat.id)) return;
    if (chat.type === 'private') throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    throw new ApiError(403, `Forbidden: bot was kicked from the ${chat.type} chat`);
  }

  /** Remembers chats and messages seen in updates, so the bot can reply to and edit around them. */
  learnFromUpdate(update: Update): void {
    const message = update.message ?? update.edited_message;
    if (message === undefined) return;
    if (!this.chats.has(message.chat.id)) this.chats.set(message.chat.id, message.chat);
    const last = this.lastMessageId.get(message.chat.id) ?? 0;
    if (message.message_id > last) this.lastMessageId.set(message.chat.id, message.message_id);
    const existing = this.get(message.chat.id, message.message_id);
    if (existing !== undefined && update.edited_message !== undefined) {
      existing.message = message;
      return;
    }
    if (existing === undefined) {
      this.store(message.chat.id, {
        message,
        fromBot: false,
        deleted: false,
        rawText: message.text ?? message.caption,
        parseMode: undefined,
        markupKey: canonicalJson(message.reply_markup),
        hasText: message.text !== undefined,
      });
    }
  }

  botUser(): User {
    return { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username };
  }

  /** A new message from a user in `chat`, optionally replying to a known message. */
  userMessage(from: FakeUser, chat: FakeChat, fields: Partial<Message>, replyTo?: number): Message & Update.NonChannel {
    const chatObject = this.registerChat(chat, from);
    const message: Message & Update.NonChannel = {
      ...fields,
      message_id: this.nextMessageId(chat.id),
      date: nowSeconds(),
      chat: chatObject,
      from: toUser(from),
    };
    if (replyTo !== undefined) {
      const target = this.get(chat.id, replyTo);
      if (target === undefined) throw new Error(`FakeBotApi: cannot reply to unknown message ${replyTo} in chat ${chat.id}`);
      message.reply_to_message = asReply(target.message);
    }
    return message;
  }
}
