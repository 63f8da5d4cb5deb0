// Telegram updates for the ingest load: private text messages, each from a different user, so
// no chat ever gets two updates (per-chat ordering and reply pacing play no part in acks).
import type { Update } from 'grammy/types';

/** What residents type: commands and short need descriptions (these start the intake dialogue). */
export const INGEST_TEXTS: readonly string[] = ['/help', '我家老人腿脚不便，想找人上门理发', '/start', '楼道的灯坏了，能来人帮忙修一下吗'];

export const INGEST_MIX = 'distinct users, one private message each, cycling "/help", a short elderly-care need, "/start", a short repair need';

/**
 * Update number `i` of a series. Series with different `base`s never share update ids or users
 * (the bot deduplicates by update_id; each user is new to it).
 */
export function ingestUpdate(base: number, i: number): Update {
  const userId = 700_000_000 + base + i;
  const text = INGEST_TEXTS[i % INGEST_TEXTS.length]!;
  const message: NonNullable<Update['message']> = {
    message_id: 1,
    date: Math.floor(Date.now() / 1000),
    chat: { id: userId, type: 'private', first_name: `居民${i}` },
    from: { id: userId, is_bot: false, first_name: `居民${i}`, language_code: 'zh-hans' },
    text,
  };
  const command = /^\/[a-z_]+/.exec(text);
  if (command) message.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }];
  return { update_id: 900_000_000 + base + i, message };
}
