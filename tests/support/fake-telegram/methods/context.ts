/** What the Bot API methods work on, and the parameter checks several of them share. */
import type { UserFromGetMe } from 'grammy/types';
import type { ChatStore } from '../chats.js';
import type { UpdateDelivery } from '../delivery.js';
import type { Limits } from '../limits.js';
import type { Recorder } from '../recorder.js';
import { badRequest, type Params } from '../request.js';
import type { FakeStats } from '../types.js';
import type { CommandRegistry } from './bot.js';

export interface MethodContext {
  readonly botInfo: UserFromGetMe;
  /** Whether edits count against the flood limits. */
  readonly countEdits: boolean;
  readonly stats: FakeStats;
  readonly chats: ChatStore;
  readonly recorder: Recorder;
  readonly limits: Limits;
  readonly delivery: UpdateDelivery;
  readonly commands: CommandRegistry;
  /** See FakeBotApiOptions.webhookVerifyMs. */
  readonly webhookVerifyMs: number;
}

export function requireChatId(p: Params): number {
  if (!p.has('chat_id') || p.str('chat_id') === '') throw badRequest('chat_id is empty');
  const chatId = p.int('chat_id');
  // @username targets are not modelled: the fake knows chats by id only.
  if (chatId === undefined || Number.isNaN(chatId) || chatId === 0) throw badRequest('chat not found');
  return chatId;
}
