// Duplicate-update markers (processed_update): keyed by the receiving bot as well as the update
// id, pruned past the redelivery window, and every skipped duplicate counted and logged. The
// desk's TelegramChannel long-polls the fake Bot API and feeds the real conversation engine on
// the real database; replies are the sent_message rows the engine writes (no sender runs here).
import type { InboundEvent, Logger } from '@baiying/domain';
import { TelegramChannel } from '@baiying/channels';
import type { ConversationEngine } from '@baiying/conversation';
import { outboxJobs } from '@baiying/kernel';
import { FakeBotApi, type FakeUser } from '../../support/fake-telegram/fake-bot-api.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const HELP = /居民：直接描述需求即可/;
const NO_LIMITS = { globalPerSecond: Infinity, perChatPerSecond: Infinity, perGroupPerMinute: Infinity };
const resident: FakeUser = { id: 5151, first_name: '居民' };

const config = testConfig();
let h: DeskHarness;
let engine: ConversationEngine;
const warnings: Array<{ message: string; context?: Record<string, unknown> }> = [];
const logger: Logger = { log: () => undefined, warn: (message, context) => warnings.push({ message, context }), error: () => undefined };

beforeAll(async () => {
  h = deskHarness(config, 5);
  await resetDatabase(h.prisma, h.cipher);
  engine = await h.engine({ logger });
});
afterAll(async () => {
  await flushPrefix(config.redisUrl, config.redisPrefix);
  await h.close();
});

/** A fresh fake Bot API (update ids from 1) with the desk's Telegram channel polling it. */
async function botOn(token: string): Promise<{ fake: FakeBotApi; stop: () => Promise<void> }> {
  const fake = new FakeBotApi({ token, limits: NO_LIMITS });
  await fake.start();
  const channel = new TelegramChannel(
    { token, apiRoot: fake.apiRoot, limits: { globalPerSecond: 30, chatPerSecond: 1, groupPerMinute: 20, bulkPerSecond: 10 } },
    logger,
  );
  await channel.start((ev) => engine.handle(ev));
  return {
    fake,
    stop: async () => {
      await channel.stop();
      await fake.stop();
    },
  };
}

/** The replies the engine wrote for one update (its purpose keys name the update). */
async function repliesTo(updateId: string): Promise<string[]> {
  const rows = await h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: `r.telegram.${updateId}.` } }, orderBy: { seq: 'asc' } });
  return rows.map((r) => (JSON.parse(h.cipher.decrypt(r.bodyEnc)) as { text: string }).text);
}

const answered = (updateId: string, n = 1) =>
  waitUntil(async () => {
    const r = await repliesTo(updateId);
    return r.filter((t) => HELP.test(t)).length >= n ? r : null;
  }, `${n} answer(s) to update ${updateId}`);

describe('duplicate updates', () => {
  it('a new bot on the same database, numbering from 1 again, still gets answers; a real redelivery is skipped, counted and logged', async () => {
    const first = await botOn('111111:first-bot-token');
    const u1 = first.fake.sendText(resident, FakeBotApi.privateChat(resident), '/help');
    await answered(`111111:${u1.update_id}`);
    await first.stop();

    // A new token (another bot id) and a fresh Bot API: the same update ids again.
    const second = await botOn('222222:second-bot-token');
    try {
      const u2 = second.fake.sendText(resident, FakeBotApi.privateChat(resident), '/help');
      expect(u2.update_id).toBe(u1.update_id);
      await answered(`222222:${u2.update_id}`);
      const markers = await h.prisma.processedUpdate.findMany({ where: { channel: 'telegram' }, select: { updateId: true } });
      expect(markers.map((m) => m.updateId).sort()).toEqual([`111111:${u1.update_id}`, `222222:${u2.update_id}`]);

      // Telegram redelivers the same update: skipped, and says so.
      const before = engine.duplicatesSkipped().telegram ?? 0;
      second.fake.duplicate(u2);
      await waitUntil(async () => (engine.duplicatesSkipped().telegram ?? 0) > before, 'the duplicate counted');
      expect(warnings).toContainEqual({
        message: 'duplicate update skipped',
        context: { channel: 'telegram', updateId: `222222:${u2.update_id}`, skipped: before + 1 },
      });
      expect((await repliesTo(`222222:${u2.update_id}`)).filter((t) => HELP.test(t))).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('prunes markers past the redelivery window; the same id seen again afterwards (a new sequence) is answered', async () => {
    const ev: InboundEvent = {
      channel: 'telegram',
      updateId: '333333:7',
      chat: { id: String(resident.id), kind: 'private' },
      from: { externalId: String(resident.id), displayName: '居民' },
      kind: 'command',
      command: { name: 'help', args: '' },
      text: '/help',
    };
    expect(await engine.handle(ev)).toEqual({ duplicate: false });
    expect(await engine.handle(ev)).toEqual({ duplicate: true });
    const recent: InboundEvent = { ...ev, updateId: '333333:8' };
    expect(await engine.handle(recent)).toEqual({ duplicate: false });

    // The first marker is past the window (48 h by default); the second is not.
    await h.prisma.processedUpdate.update({
      where: { channel_updateId: { channel: 'telegram', updateId: ev.updateId } },
      data: { createdAt: new Date(Date.now() - 49 * 3_600_000) },
    });
    const reconcile = outboxJobs(h.desk.uow, h.prisma, h.producer, config).reconcile!;
    const counts = await reconcile({ ensurer: { ensure: () => Promise.resolve(false) }, clock: { now: () => new Date() } });
    expect(counts.markersPruned).toBe(1);
    const left = await h.prisma.processedUpdate.findMany({ where: { updateId: { startsWith: '333333:' } }, select: { updateId: true } });
    expect(left.map((m) => m.updateId)).toEqual(['333333:8']);

    // Telegram may start a new sequence that reuses the id: it is handled and answered again,
    // not mistaken for the old reply.
    expect(await engine.handle(ev)).toEqual({ duplicate: false });
    expect((await repliesTo(ev.updateId)).filter((t) => HELP.test(t))).toHaveLength(2);
    expect(await engine.handle(recent)).toEqual({ duplicate: true });
  });
});
