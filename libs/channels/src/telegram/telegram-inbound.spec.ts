// Updates as Telegram sends them, and forged ones: a private chat whose id is not its sender's
// id cannot come from Telegram (there, a private chat's id is the user's id).
import type { Update } from 'grammy/types';
import { telegramUpdateToEvent } from './telegram-inbound.js';

const user = { id: 4242, is_bot: false, first_name: '居民' };
const message = (chatId: number, text = '/help'): Update => ({
  update_id: 1,
  message: {
    message_id: 1,
    date: 0,
    chat: { id: chatId, type: 'private', first_name: '居民' },
    from: user,
    text,
    entities: [{ type: 'bot_command', offset: 0, length: text.length }],
  },
});

const BOT = { id: 7001, username: 'baiying_bot' };

describe('telegramUpdateToEvent', () => {
  it('names the receiving bot in the update id', () => {
    expect(telegramUpdateToEvent(message(user.id), BOT)?.updateId).toBe('7001:1');
    expect(telegramUpdateToEvent(message(user.id), { id: 7002, username: 'baiying_bot' })?.updateId).toBe('7002:1');
  });

  it('maps a private command from its user', () => {
    expect(telegramUpdateToEvent(message(user.id), BOT)).toMatchObject({
      channel: 'telegram',
      chat: { id: '4242', kind: 'private' },
      from: { externalId: '4242' },
      kind: 'command',
    });
  });

  it('drops a private message whose chat is not its sender (a forged update)', () => {
    expect(telegramUpdateToEvent(message(9999), BOT)).toBeNull();
  });

  it('marks only a live, unforwarded location as live (a static pin can be anywhere)', () => {
    const located = (extra: Record<string, unknown>): Update =>
      ({
        update_id: 2,
        message: { message_id: 2, date: 0, chat: { id: user.id, type: 'private', first_name: '居民' }, from: user, ...extra },
      }) as Update;
    const at = { latitude: 31.36, longitude: 119.82 };
    const origin = { type: 'user', date: 0, sender_user: { id: 7, is_bot: false, first_name: '别人' } };
    expect(telegramUpdateToEvent(located({ location: { ...at, live_period: 900 } }), BOT)?.location).toEqual({ lat: 31.36, lng: 119.82, live: true });
    expect(telegramUpdateToEvent(located({ location: at }), BOT)?.location).toEqual({ lat: 31.36, lng: 119.82, live: false });
    expect(telegramUpdateToEvent(located({ location: { ...at, live_period: 900 }, forward_origin: origin }), BOT)?.location?.live).toBe(false);
  });
});
