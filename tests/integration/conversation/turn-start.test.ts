// The start of a turn in one call (decision 0042): the dedupe marker, a first contact's person,
// the dialogue state written with the turn's messages, and the person's language settled by the
// engine's rules — also where the function alone cannot know the outcome (a stored state that no
// longer decrypts counts as no form). The real engine on the real database; no sender runs here.
import type { InboundEvent, Logger } from '@baiying/domain';
import type { ConversationEngine } from '@baiying/conversation';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const config = testConfig();
let h: DeskHarness;
let engine: ConversationEngine;
const logger: Logger = { log: () => undefined, warn: () => undefined, error: () => undefined };
let nextUpdate = 1;

beforeAll(async () => {
  h = deskHarness(config, 5);
  await resetDatabase(h.prisma, h.cipher);
  engine = await h.engine({ logger });
});
afterAll(async () => {
  await flushPrefix(config.redisUrl, config.redisPrefix);
  await h.close();
});

function say(user: string, text: string, languageCode?: string, updateId = String(nextUpdate++)): InboundEvent {
  const command = /^\/([a-z_]+)/.exec(text);
  return {
    channel: 'telegram',
    updateId,
    chat: { id: user, kind: 'private' },
    from: { externalId: user, displayName: `居民${user}`, ...(languageCode ? { languageCode } : {}) },
    ...(command ? { kind: 'command' as const, command: { name: command[1]!, args: '' } } : { kind: 'text' as const, text }),
  };
}

async function personOf(user: string) {
  const i = await h.prisma.channelIdentity.findUniqueOrThrow({
    where: { channel_externalId: { channel: 'telegram', externalId: user } },
    include: { person: true },
  });
  return { locale: i.person.locale, source: i.person.localeSource, name: i.person.displayNameEnc ? h.cipher.decrypt(i.person.displayNameEnc) : null };
}

const state = (user: string) => h.prisma.conversationState.findUnique({ where: { channel_chatKey: { channel: 'telegram', chatKey: user } } });

describe('the start of a turn', () => {
  it('creates a first contact once, with its name encrypted, and skips a repeated update', async () => {
    const ev = say('8101', '/help', 'en');
    expect(await engine.handle(ev)).toEqual({ duplicate: false });
    expect(await personOf('8101')).toEqual({ locale: 'en', source: 'client', name: '居民8101' });
    expect(await engine.handle(ev)).toEqual({ duplicate: true });
    expect(await h.prisma.channelIdentity.count({ where: { externalId: '8101' } })).toBe(1);
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `r.telegram.${ev.updateId}.` } } })).toBe(1);
  });

  it('takes the language a first text is clearly written in, keeps it for an answer inside the form, and writes the form with the reply', async () => {
    await engine.handle(say('8102', '楼道的灯坏了，能来人帮忙修一下吗', 'en'));
    expect(await personOf('8102')).toMatchObject({ locale: 'zh', source: 'text' });
    const form = await state('8102');
    expect(form).not.toBeNull();
    // Inside the form an answer in Latin letters does not switch the language.
    await engine.handle(say('8102', 'Room 302 Building 5 Garden Road'));
    expect(await personOf('8102')).toMatchObject({ locale: 'zh', source: 'text' });
  });

  it('switches the language when the stored form no longer reads (the rules, not the row)', async () => {
    await engine.handle(say('8103', '/start', 'zh-hans'));
    expect(await personOf('8103')).toMatchObject({ locale: 'zh', source: 'client' });
    // A state that no longer decrypts (e.g. a rotated key) is no form: a clear English text switches.
    await h.prisma.conversationState.create({ data: { channel: 'telegram', chatKey: '8103', flow: 'intake', dataEnc: 'not-a-cipher-text' } });
    await engine.handle(say('8103', 'The street light outside my building is broken, please send someone'));
    expect(await personOf('8103')).toMatchObject({ locale: 'en', source: 'text' });
  });

  it('keeps a chosen language whatever the app or the text says', async () => {
    await engine.handle(say('8104', '/help', 'zh-hans'));
    await h.prisma.person.updateMany({ where: { identities: { some: { externalId: '8104' } } }, data: { locale: 'zh', localeSource: 'chosen' } });
    await engine.handle(say('8104', 'The street light outside my building is broken, please send someone', 'en'));
    expect(await personOf('8104')).toMatchObject({ locale: 'zh', source: 'chosen' });
  });
  it("takes the chat's lock under the key the reconciler's lockChat takes: a turn waits while that chat is held, another chat's does not", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let taken: () => void = () => undefined;
    const lockTaken = new Promise<void>((r) => (taken = r));
    const holder = h.desk.uow.run(async (w) => {
      await w.repos.messaging.lockChat('telegram', '8109');
      taken();
      await held;
    });
    await lockTaken;
    const turn = engine.handle(say('8109', '/help'));
    // The positive signal: the turn's backend waits for the very advisory lock the holder has.
    const waiting = () => h.prisma.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM pg_locks w
      JOIN pg_locks g ON g.locktype = 'advisory' AND g.granted AND g.classid = w.classid AND g.objid = w.objid AND g.pid <> w.pid
      WHERE w.locktype = 'advisory' AND NOT w.granted`;
    await waitUntil(async () => (await waiting())[0]!.n === 1, "the turn waiting for the held chat's lock");
    // Another chat's turn is not held up by it.
    expect(await engine.handle(say('8110', '/help'))).toEqual({ duplicate: false });
    release();
    await holder;
    expect(await turn).toEqual({ duplicate: false });
    expect((await waiting())[0]!.n).toBe(0);
  });
});
