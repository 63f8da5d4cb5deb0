// Turns a Telegram update into the engine's channel-free event, or null for updates the
// desk does not act on (edits, channel posts, other bots' traffic, …).
import type { Update } from 'grammy/types';
import type { InboundEvent } from '@baiying/domain';

const displayName = (u: { first_name: string; last_name?: string }): string => [u.first_name, u.last_name].filter(Boolean).join(' ').slice(0, 64);

type TelegramUser = { id: number; first_name: string; last_name?: string; username?: string; language_code?: string };

/** Who sent it, with the language their Telegram app is set to (an IETF tag such as "en", "zh-hans"). */
function sender(u: TelegramUser): InboundEvent['from'] {
  const from: InboundEvent['from'] = { externalId: String(u.id), displayName: displayName(u) };
  if (u.username) from.username = u.username;
  if (u.language_code) from.languageCode = u.language_code.slice(0, 16);
  return from;
}

/**
 * `me` is the bot receiving the update (getMe): update ids are per bot, and a new token on the
 * same database numbers from wherever Telegram starts, so the event's id names the bot too.
 */
export function telegramUpdateToEvent(update: Update, me: { id: number; username: string }): InboundEvent | null {
  const botUsername = me.username;
  const updateId = `${me.id}:${update.update_id}`;
  if (update.callback_query) {
    const q = update.callback_query;
    const chat = q.message?.chat;
    if (!chat || q.from.is_bot) return null;
    return {
      channel: 'telegram',
      updateId,
      chat: { id: String(chat.id), kind: chat.type === 'private' ? 'private' : 'group', title: 'title' in chat ? chat.title : undefined },
      from: sender(q.from),
      kind: 'callback',
      callback: { id: q.id, data: q.data ?? '' },
    };
  }
  const m = update.message;
  if (!m || !m.from || m.from.is_bot) return null;
  // On Telegram a private chat's id is its user's id: anything else is a forged update.
  if (m.chat.type === 'private' && m.chat.id !== m.from.id) return null;
  const base = {
    channel: 'telegram' as const,
    updateId,
    chat: {
      id: String(m.chat.id),
      kind: m.chat.type === 'private' ? ('private' as const) : ('group' as const),
      title: 'title' in m.chat ? m.chat.title : undefined,
    },
    from: sender(m.from),
  };
  if (m.new_chat_members?.some((u) => u.is_bot && u.username?.toLowerCase() === botUsername.toLowerCase())) {
    return { ...base, kind: 'joined' };
  }
  if (m.text !== undefined) {
    const cmd = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(m.text);
    if (cmd && m.entities?.[0]?.type === 'bot_command' && m.entities[0].offset === 0) {
      // In groups, a command addressed to another bot is not ours.
      if (cmd[2] && cmd[2].toLowerCase() !== botUsername.toLowerCase()) return null;
      return { ...base, kind: 'command', command: { name: cmd[1]!.toLowerCase(), args: cmd[3] ?? '' }, text: m.text };
    }
    return { ...base, kind: 'text', text: m.text };
  }
  if (m.location) {
    // Only a live location sent from the device counts as live (check-in by location): a static
    // location can be any pin dropped on the map, and a forwarded one is someone else's.
    const live = m.location.live_period !== undefined && !m.forward_origin && !m.via_bot && !m.venue;
    return { ...base, kind: 'location', location: { lat: m.location.latitude, lng: m.location.longitude, live } };
  }
  if (m.photo?.length) return { ...base, kind: 'photo', fileRef: m.photo[m.photo.length - 1]!.file_id, text: m.caption };
  if (m.voice) return { ...base, kind: 'voice', fileRef: m.voice.file_id };
  if (m.audio) return { ...base, kind: 'voice', fileRef: m.audio.file_id };
  if (m.sticker) return { ...base, kind: 'sticker' };
  if (m.chat.type !== 'private') return null; // service messages and media chatter in groups
  return { ...base, kind: 'other' };
}
