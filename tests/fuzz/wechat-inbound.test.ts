// Fuzz: WeChat messages as wechaty hands them over (any type, room or private, hostile text and
// names, numbered replies against random menus the desk delivered, a room whose topic or
// mention check fails) mapped to the engine's events: never a throw or a rejection; a numbered
// reply answers only a choice of a delivered menu (or is expired, or stays text).
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { types, type Message } from 'wechaty';
import { WechatInbound } from '@baiying/channels';
import { FieldCipher } from '@baiying/crypto';
import type { PrismaClient } from '@baiying/db';
import type { OutMessage } from '@baiying/domain';
import { FUZZ_RUNS, nastyText, pureRuns, watchRejections } from './fuzz-support.js';

const cipher = new FieldCipher(randomBytes(32));
const started = Date.now();
const TTL_MS = 30 * 60_000;

/** What the desk delivered to the chat, newest first, as the repository reads it. */
let delivered: Array<{ bodyEnc: string }> = [];
/** Just the one query the numbered replies make: the rows above, whatever the filter. */
const prisma = { sentMessage: { findMany: () => Promise.resolve(delivered) } } as unknown as PrismaClient;
const inbound = new WechatInbound(
  prisma,
  cipher,
  () => started,
  () => 'desk-account',
  TTL_MS,
);

const MESSAGE_TYPES = Object.values(types.Message).filter((v): v is types.Message => typeof v === 'number');
const outMessage: fc.Arbitrary<OutMessage> = fc.record({
  text: nastyText(50),
  buttons: fc.array(fc.array(fc.record({ label: nastyText(10), data: fc.stringMatching(/^[\w.:-]{1,40}$/) }), { maxLength: 3 }), { maxLength: 4 }),
});
const failing = <T>(v: T) =>
  fc.constantFrom(
    () => Promise.resolve(v),
    () => Promise.reject(new Error('puppet gone')),
  );

const message = fc.record({
  id: fc.string({ maxLength: 40 }),
  self: fc.boolean(),
  ageMs: fc.oneof(fc.integer({ min: -60_000, max: 120_000 }), fc.constant(0)),
  talker: fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }), name: nastyText(100) }),
  room: fc.option(fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }), topic: failing('居民群') }), { nil: undefined }),
  type: fc.constantFrom(...MESSAGE_TYPES),
  text: nastyText(200),
  mentionSelf: failing(true),
  menus: fc.array(outMessage, { maxLength: 5 }),
});

describe(`fuzz: WeChat message → InboundEvent (${FUZZ_RUNS} messages)`, () => {
  it('never throws; a numbered reply picks a delivered choice, is expired, or stays text', async () => {
    const rejections = watchRejections();
    await fc.assert(
      fc.asyncProperty(message, async (g) => {
        delivered = g.menus.map((msg) => ({ bodyEnc: cipher.encrypt(JSON.stringify(msg)) }));
        const m = {
          id: g.id,
          self: () => g.self,
          date: () => new Date(started - g.ageMs),
          talker: () => ({ id: g.talker.id, name: () => g.talker.name }),
          room: () => (g.room ? { id: g.room.id, topic: g.room.topic } : undefined),
          type: () => g.type,
          text: () => g.text,
          mentionSelf: g.mentionSelf,
        } as unknown as Message;
        const ev = await inbound.toEvent(m);
        if (ev === null) return;
        expect(g.self).toBe(false);
        expect(ev.updateId).toBe(`desk-account:${g.id}`);
        expect(ev.from.displayName.length).toBeGreaterThan(0);
        expect(ev.from.displayName.length).toBeLessThanOrEqual(64);
        if (g.room) {
          expect(ev).toMatchObject({ chat: { id: `r:${g.room.id}`, kind: 'group' }, kind: 'text', text: g.text });
          return;
        }
        expect(ev.chat).toEqual({ id: `c:${g.talker.id}`, kind: 'private' });
        if (ev.kind === 'callback' && !ev.callback?.expired) {
          const offered = g.menus.flatMap((msg) => (msg.buttons ?? []).flat().map((b) => b.data));
          expect(offered).toContain(ev.callback?.data);
        }
        if (ev.kind === 'command') expect(ev.command?.name).toMatch(/^[a-z0-9_]{1,32}$/);
      }),
      pureRuns(),
    );
    expect(rejections.stop()).toEqual([]);
  });
});
