// Fuzz: Telegram updates of every shape the Bot API sends (messages, commands, callbacks,
// locations, media, joins, edits), with hostile text and ids, mapped to the engine's events:
// never a throw, and every event holds the adapter's promises (a private chat is its sender's,
// a command is ours and named sanely, callbacks come from people in a chat).
import fc from 'fast-check';
import type { Update } from 'grammy/types';
import { telegramUpdateToEvent } from '@baiying/channels';
import { FUZZ_RUNS, nastyText, pureRuns, watchRejections } from './fuzz-support.js';

const me = { id: 777000111, username: 'baiying_bot' };
const id = fc.oneof(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom(0, -1, me.id, Number.MAX_SAFE_INTEGER));
const user = fc.record(
  {
    id,
    is_bot: fc.boolean(),
    first_name: nastyText(80),
    last_name: nastyText(80),
    username: fc.oneof(nastyText(40), fc.constantFrom(me.username, 'BAIYING_BOT', 'other_bot')),
  },
  { requiredKeys: ['id', 'is_bot', 'first_name'] },
);
const chat = fc.oneof(
  fc.record({ id, type: fc.constant('private' as const), first_name: nastyText(40) }),
  fc.record({ id, type: fc.constantFrom('group' as const, 'supergroup' as const), title: nastyText(100) }),
  fc.record({ id, type: fc.constant('channel' as const), title: nastyText(100) }),
);
const entity = fc.record({
  type: fc.constantFrom('bot_command' as const, 'mention' as const, 'bold' as const, 'url' as const),
  offset: fc.nat(10),
  length: fc.nat(40),
});
const command = fc
  .tuple(
    fc.stringMatching(/^[A-Za-z0-9_]{1,40}$/),
    fc.option(fc.constantFrom(me.username, 'BaiYing_Bot', 'other_bot', ''), { nil: undefined }),
    fc.option(nastyText(100), { nil: undefined }),
    fc.constantFrom(' ', '\n', '\t', ''),
  )
  .map(([name, at, args, sep]) => `/${name}${at !== undefined ? `@${at}` : ''}${args !== undefined ? `${sep}${args}` : ''}`);
const file = fc.record({ file_id: nastyText(60), file_unique_id: fc.string({ maxLength: 20 }) });
const photo = fc.array(fc.record({ file_id: nastyText(60), file_unique_id: fc.string({ maxLength: 20 }), width: fc.nat(), height: fc.nat() }), {
  maxLength: 4,
});
const location = fc.record(
  {
    latitude: fc.double({ min: -90, max: 90, noNaN: true }),
    longitude: fc.double({ min: -180, max: 180, noNaN: true }),
    live_period: fc.nat(86400),
  },
  { requiredKeys: ['latitude', 'longitude'] },
);

const message = fc
  .record(
    {
      message_id: fc.nat(),
      date: fc.nat(),
      chat,
      from: user,
      text: fc.oneof(nastyText(300), command),
      entities: fc.array(entity, { maxLength: 3 }),
      caption: nastyText(100),
      location,
      photo,
      voice: file,
      audio: file,
      sticker: file,
      new_chat_members: fc.array(user, { maxLength: 3 }),
      forward_origin: fc.constant({ type: 'hidden_user', date: 0, sender_user_name: 'x' }),
      via_bot: user,
      venue: fc.constant({ title: 'x', address: 'y' }),
    },
    { requiredKeys: ['message_id', 'date', 'chat'] },
  )
  // A private chat's id is usually its sender's (forged updates aside).
  .chain((m) => fc.boolean().map((sameId) => (sameId && m.from && m.chat.type === 'private' ? { ...m, chat: { ...m.chat, id: m.from.id } } : m)));

const callback = fc.record(
  {
    id: fc.string({ maxLength: 20 }),
    from: user,
    chat_instance: fc.string({ maxLength: 20 }),
    data: nastyText(100),
    message: message,
  },
  { requiredKeys: ['id', 'from', 'chat_instance'] },
);

const update = fc.oneof(
  fc.record({ update_id: fc.nat(), message }),
  fc.record({ update_id: fc.nat(), callback_query: callback }),
  fc.record({ update_id: fc.nat(), edited_message: message }),
  fc.record({ update_id: fc.nat(), channel_post: message }),
  fc.record({ update_id: fc.nat(), message, callback_query: callback }),
) as fc.Arbitrary<unknown> as fc.Arbitrary<Update>;

describe(`fuzz: Telegram update → InboundEvent (${FUZZ_RUNS} updates)`, () => {
  it('never throws, and every event keeps the adapter’s promises', () => {
    const rejections = watchRejections();
    fc.assert(
      fc.property(update, (u) => {
        const ev = telegramUpdateToEvent(u, me);
        if (ev === null) return;
        expect(ev.channel).toBe('telegram');
        expect(ev.updateId).toBe(`${me.id}:${u.update_id}`);
        expect(typeof ev.chat.id).toBe('string');
        expect(typeof ev.from.externalId).toBe('string');
        expect(ev.from.displayName.length).toBeLessThanOrEqual(64);
        if (ev.kind === 'callback') {
          expect(u.callback_query?.from.is_bot).toBe(false);
          expect(typeof ev.callback?.data).toBe('string');
          return;
        }
        expect(u.message?.from?.is_bot).toBe(false);
        if (ev.chat.kind === 'private') expect(ev.chat.id).toBe(ev.from.externalId);
        if (ev.kind === 'command') {
          expect(ev.command?.name).toMatch(/^[a-z0-9_]{1,32}$/);
          expect(u.message?.text?.toLowerCase()).not.toMatch(/^\/\w+@(?!baiying_bot\b)/);
        }
        if (ev.kind === 'location') {
          expect(Number.isFinite(ev.location?.lat)).toBe(true);
          if (ev.location?.live) expect(u.message?.forward_origin).toBeUndefined();
        }
      }),
      pureRuns(),
    );
    expect(rejections.stop()).toEqual([]);
  });
});
