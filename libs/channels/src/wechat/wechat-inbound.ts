// Turns a wechaty message into the engine's event. Private numbered replies ("1", "2") stand for
// the n-th choice of the newest message with choices *delivered* to that chat within the menu's
// lifetime (WECHAT_MENU_TTL_MINUTES); a queued menu the person never saw, an old one or a number
// it does not have is answered as expired.
import type { Message } from 'wechaty';
// The message types from the puppet's light entry, not wechaty's (which loads the whole SDK).
import * as types from 'wechaty-puppet/types';
import type { FieldCipher } from '@baiying/crypto';
import { Repos, type PrismaClient } from '@baiying/db';
import type { InboundEvent, OutMessage } from '@baiying/domain';
import { numberedChoices, parseChoiceNumber, parseChoiceNumbers } from './wechat-render.js';

/** Messages older than this before the channel started are history a puppet replays: ignored. */
const REPLAY_GRACE_MS = 60_000;
/** How many recent messages to a chat a numbered reply looks through for its menu. */
const MENU_LOOKBACK = 5;
const NAME_CHARS = 64;
const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:\s+([\s\S]*))?$/;

export const wechatChatId = {
  room: (id: string) => `r:${id}`,
  contact: (id: string) => `c:${id}`,
  isRoom: (chatId: string) => chatId.startsWith('r:'),
  raw: (chatId: string) => chatId.slice(2),
};

export class WechatInbound {
  private readonly repos: Repos;

  constructor(
    prisma: PrismaClient,
    private readonly cipher: FieldCipher,
    private readonly startedAt: () => number,
    /** The logged-in account's id: message ids are that account's, so the event's id names it. */
    private readonly account: () => string,
    /** How long after delivery a menu still answers numbers. */
    private readonly menuTtlMs: number,
  ) {
    this.repos = new Repos(prisma);
  }

  /** Null for the bot's own messages, replayed history and non-text group chatter. */
  async toEvent(m: Message): Promise<InboundEvent | null> {
    if (m.self()) return null;
    if (m.date().getTime() < this.startedAt() - REPLAY_GRACE_MS) return null;
    const talker = m.talker();
    const room = m.room();
    const base = {
      channel: 'wechat' as const,
      updateId: `${this.account()}:${m.id}`,
      from: { externalId: talker.id, displayName: talker.name().slice(0, NAME_CHARS) || '微信用户' },
    };
    const type = m.type();
    if (room) {
      if (type !== types.Message.Text) return null;
      const mentioned = await m.mentionSelf().catch(() => false);
      const title = await room.topic().catch(() => undefined);
      return { ...base, chat: { id: wechatChatId.room(room.id), kind: 'group', ...(title ? { title } : {}) }, kind: 'text', text: m.text(), mentioned };
    }
    const chat = { id: wechatChatId.contact(talker.id), kind: 'private' as const };
    switch (type) {
      case types.Message.Text: {
        const text = m.text();
        const n = parseChoiceNumber(text);
        if (n !== null) {
          const choice = await this.choice(chat.id, n);
          if (choice === 'expired') return { ...base, chat, kind: 'callback', callback: { id: m.id, data: '', expired: true } };
          if (choice) return { ...base, chat, kind: 'callback', callback: { id: m.id, data: choice } };
        }
        const several = parseChoiceNumbers(text);
        if (several) {
          const picked = await Promise.all(several.map((k) => this.choice(chat.id, k)));
          if (picked.some((c) => c === 'expired')) return { ...base, chat, kind: 'callback', callback: { id: m.id, data: '', expired: true } };
          const [first, ...more] = picked as Array<string | null>;
          if (first && more.every((c): c is string => c !== null)) return { ...base, chat, kind: 'callback', callback: { id: m.id, data: first, more } };
        }
        // Commands typed as on the other channels (/call, /my, /help) work here too.
        const command = COMMAND.exec(text.trim());
        if (command) return { ...base, chat, kind: 'command', command: { name: command[1]!.toLowerCase(), args: command[2] ?? '' }, text };
        return { ...base, chat, kind: 'text', text };
      }
      case types.Message.Image:
        return { ...base, chat, kind: 'photo', fileRef: `wechat:${m.id}` };
      case types.Message.Audio:
        return { ...base, chat, kind: 'voice', fileRef: `wechat:${m.id}` };
      case types.Message.Emoticon:
        return { ...base, chat, kind: 'sticker' };
      case types.Message.Recalled:
        return null;
      default:
        // Files, mini-programs, red packets, transfers, links, system notices.
        return { ...base, chat, kind: 'other' };
    }
  }

  /**
   * "1", "2", …: the n-th numbered choice of the newest delivered, unexpired message with choices
   * in this chat. 'expired' when the number answers nothing valid: the menu on screen (the latest
   * delivered message) has no such number, or the menu it would answer was never delivered or is
   * too old. Null when the number is ordinary text (no menu about, or a later message without
   * choices, e.g. a form's "how many people?", was the last thing shown).
   */
  private async choice(chatId: string, n: number): Promise<string | 'expired' | null> {
    const since = new Date(Date.now() - this.menuTtlMs);
    const delivered = await this.repos.messaging.deliveredToChat('wechat', chatId, since, MENU_LOOKBACK);
    const at = delivered.findIndex((row) => this.choicesOf(row.bodyEnc).length > 0);
    if (at >= 0) return this.choicesOf(delivered[at]!.bodyEnc)[n - 1] ?? (at === 0 ? 'expired' : null);
    const recent = await this.repos.messaging.recentToChat('wechat', chatId, MENU_LOOKBACK);
    return recent.some((row) => this.choicesOf(row.bodyEnc).length >= n) ? 'expired' : null;
  }

  private choicesOf(bodyEnc: string): string[] {
    return numberedChoices(JSON.parse(this.cipher.decrypt(bodyEnc)) as OutMessage);
  }
}
