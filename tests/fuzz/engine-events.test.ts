// Fuzz, end to end: random events handed to the conversation engine on the real database, as
// any channel adapter might hand them over — texts, commands of the desk (and unknown ones) with
// random arguments, buttons (real payloads sealed for the chat, mutated, moved or random),
// locations, media, joins, repeated update ids — from residents, volunteers and coordinators,
// in private and in groups. No event throws, no promise rejection goes unhandled, and
// afterwards the desk still answers a new resident's /help.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { ConversationEngine } from '@baiying/conversation';
import type { Channel, InboundEvent, OutMessage } from '@baiying/domain';
import { openDispatchOf, routedNeed } from '../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../support/test-env.js';
import { BUTTON_DEFS, E2E_TIMEOUT_MS, FUZZ_E2E_RUNS, fieldValues, nastyText, tryEncode, watchRejections } from './fuzz-support.js';

const COMMANDS = ['approve', 'bindteam', 'call', 'cancel', 'checkin', 'checkout', 'close', 'danger', 'emergency', 'help', 'jobs', 'link'];
const MORE_COMMANDS = ['me', 'my', 'pending', 'reassign', 'register', 'roster', 'start', 'token', 'verify', 'nosuch', 'HELP', 'x'.repeat(32)];
/** Seeded web personas (a resident, volunteers, coordinators) and strangers. */
const PEOPLE = ['demo-resident', 'demo-vol-li', 'demo-vol-zhang', 'demo-coord-dh', 'demo-coord-county', 'fz-a', 'fz-b', 'fz-c'];
/** Seeded team groups (web) and groups bound to nothing. */
const GROUPS = ['g-S-XF-ELDER', 'g-S-XF-REPAIR', 'g-I-DH-ELDER', 'fz-group', '-1001234567890'];
const NEED_TEXT = [
  '我家水管漏水了，在幸福小区3号楼，电话13800000000',
  '帮我买菜',
  '明天上午9点 理发 两人',
  '是',
  '否',
  '1',
  '取消',
  '跳过',
  '确认',
  '接单 N-0001',
];

const plan = fc.record({
  channel: fc.constantFrom<Channel>('web', 'telegram', 'wechat'),
  who: fc.oneof(fc.constantFrom(...PEOPLE), fc.string({ minLength: 1, maxLength: 80 })),
  group: fc.option(fc.constantFrom(...GROUPS), { freq: 3, nil: undefined }),
  repeat: fc.boolean(),
  displayName: nastyText(80),
  event: fc.oneof(
    fc.record({ kind: fc.constant('text' as const), text: fc.oneof(nastyText(300), fc.constantFrom(...NEED_TEXT)), mentioned: fc.boolean() }),
    fc.record({
      kind: fc.constant('command' as const),
      name: fc.constantFrom(...COMMANDS, ...MORE_COMMANDS),
      args: fc.oneof(nastyText(100), fc.constantFrom('', 'N-0001', 'S-XF-ELDER', '2')),
    }),
    fc.record({
      kind: fc.constant('button' as const),
      def: fc.nat(BUTTON_DEFS.length - 1),
      pick: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
      how: fc.constantFrom('sealed', 'mutated', 'moved', 'random', 'expired-number'),
      noise: nastyText(10),
      at: fc.nat(80),
    }),
    fc.record({
      kind: fc.constant('location' as const),
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
      live: fc.boolean(),
    }),
    fc.record({ kind: fc.constantFrom('photo' as const, 'voice' as const, 'sticker' as const, 'other' as const, 'joined' as const), fileRef: nastyText(40) }),
  ),
});

type Plan = typeof plan extends fc.Arbitrary<infer P> ? P : never;

describe(`fuzz, end to end: random events through the conversation engine (${FUZZ_E2E_RUNS} events)`, () => {
  const config = testConfig();
  let h: DeskHarness;
  let engine: ConversationEngine;
  /** Real ids for the buttons' uuid fields: needs, dispatches, teams, claims, calls — and one of nothing. */
  let ids: string[] = [];
  let seq = 0;

  beforeAll(async () => {
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: true });
    engine = await h.engine();
    const needs = await Promise.all(['fz-r1', 'fz-r2'].map((r) => routedNeed(h, r)));
    const dispatches = await Promise.all(needs.map((n) => openDispatchOf(h, n.id)));
    const teams = (await h.prisma.team.findMany({ take: 3 })).map((t) => t.id);
    const memberships = (await h.prisma.teamMembership.findMany({ take: 3 })).map((m) => m.id);
    ids = [...needs.map((n) => n.id), ...dispatches, ...teams, ...memberships, randomUUID()];
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  function toEvent(p: Plan): InboundEvent {
    const chat = p.group ? { id: p.group, kind: 'group' as const } : { id: p.who, kind: 'private' as const };
    const base = {
      channel: p.channel,
      updateId: p.repeat && seq > 0 ? `fz${seq}` : `fz${++seq}`,
      chat,
      from: { externalId: p.who, displayName: p.displayName },
    };
    const e = p.event;
    switch (e.kind) {
      case 'text':
        return { ...base, kind: 'text', text: e.text, mentioned: e.mentioned };
      case 'command':
        return { ...base, kind: 'command', command: { name: e.name, args: e.args }, text: `/${e.name} ${e.args}` };
      case 'location':
        return { ...base, kind: 'location', location: { lat: e.lat, lng: e.lng, live: e.live } };
      case 'button': {
        if (e.how === 'expired-number') return { ...base, kind: 'callback', callback: { id: 'cb', data: '', expired: true } };
        const def = BUTTON_DEFS[e.def]!;
        const payload = Object.fromEntries(fieldValues(def, ids).map(([key, vs], i) => [key, vs[e.pick[i]! % vs.length]]));
        const encoded = tryEncode(h.buttons, def, payload) ?? def.tag;
        const sealed = h.buttons.seal(encoded, e.how === 'moved' ? { channel: p.channel, chatId: 'elsewhere' } : { channel: p.channel, chatId: chat.id });
        const at = e.at % (sealed.length + 1);
        const data = e.how === 'mutated' ? sealed.slice(0, at) + e.noise + sealed.slice(at + 1) : e.how === 'random' ? e.noise : sealed;
        return { ...base, kind: 'callback', callback: { id: 'cb', data } };
      }
      default:
        return { ...base, kind: e.kind, ...(e.kind === 'photo' || e.kind === 'voice' ? { fileRef: e.fileRef } : {}) };
    }
  }

  it(
    'handles every event without a throw or an unhandled rejection',
    async () => {
      const rejections = watchRejections();
      await fc.assert(
        fc.asyncProperty(plan, async (p) => {
          await engine.handle(toEvent(p));
        }),
        { numRuns: FUZZ_E2E_RUNS },
      );
      expect(rejections.stop()).toEqual([]);
    },
    E2E_TIMEOUT_MS,
  );

  it('still answers a new resident’s /help', async () => {
    const who = `fz-fresh-${randomUUID()}`;
    const ev: InboundEvent = {
      channel: 'telegram',
      updateId: `fresh-${who}`,
      chat: { id: who, kind: 'private' },
      from: { externalId: who, displayName: '新居民' },
      kind: 'command',
      command: { name: 'help', args: '' },
      text: '/help',
    };
    await engine.handle(ev);
    const rows = await h.prisma.sentMessage.findMany({ where: { channel: 'telegram', chatId: who } });
    const texts = rows.map((r) => (JSON.parse(h.cipher.decrypt(r.bodyEnc)) as OutMessage).text).join('\n');
    expect(texts).toMatch(/\/my|我的需求/);
  });
});
