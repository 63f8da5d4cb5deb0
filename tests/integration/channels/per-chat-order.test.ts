// Per-chat order: messages the desk decides for one chat arrive in the order they were decided,
// also when several are decided in one transaction (same createdAt), under pacing delays, injected
// 429s (retry_after, sent again) and a 502 whose fate is unknown (decision 0004: claimed, never
// sent twice, uncertain after the lease — and it holds its chat no longer). 1,000 sequenced
// messages to five private chats, through the bot's real outbound lane (BullMQ, Redis pacer,
// dispatcher) to the fake Bot API; the order is read from what the fake accepted.
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { Priority } from '@baiying/domain';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import { FakeBotApi } from '../../support/fake-telegram/fake-bot-api.js';
import { QueueName } from '@baiying/queue';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '424242:order-test-token';
const CHATS = [9101, 9102, 9103, 9104, 9105];
const TOTAL = 1000;
const TRANSACTIONS = 125; // 8 messages each, spread over the chats: several per chat per transaction

describe('per-chat order of outbound messages', () => {
  const fake = new FakeBotApi({ token: TOKEN, limits: { globalPerSecond: Infinity, perChatPerSecond: Infinity, perGroupPerMinute: Infinity } });
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication | undefined;

  beforeAll(async () => {
    await fake.start();
    config = testConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      // The bot's own pacer still holds each chat to a rate (here 25/s) and the bot to 150/s, so
      // messages meet pacing delays as well as the injected 429s.
      TELEGRAM_GLOBAL_PER_SECOND: '150',
      TELEGRAM_CHAT_PER_SECOND: '25',
    });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    bot = await startBot(config);
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await fake.stop();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it(`delivers ${TOTAL} messages to ${CHATS.length} chats in the order they were decided, through 429s and a retried failure`, async () => {
    // The decided order per chat, as the transactions commit.
    const decided = new Map<number, number[]>(CHATS.map((c) => [c, []]));
    let n = 0;
    let rng = 12345;
    const next = (): number => (rng = (rng * 1103515245 + 12345) % 2 ** 31);
    const faultsAt = new Set([64, 200, 408, 632, 824]);
    for (let t = 0; t < TRANSACTIONS; t++) {
      await h.desk.uow.run(async (w) => {
        for (let k = 0; k < TOTAL / TRANSACTIONS; k++) {
          const chat = CHATS[next() % CHATS.length]!;
          const i = n++;
          decided.get(chat)!.push(i);
          w.out.to({ channel: 'telegram', chatId: String(chat) }, `order.${i}`, 'test', { text: `#${i}` }, Priority.interactive);
        }
      });
      // Faults injected while the lane is busy: 429s with retry_after, and one 502 (fate unknown).
      if (faultsAt.has(n)) fake.failNext('sendMessage', 2, { status: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
      if (n === 504) fake.failNext('sendMessage', 1, { status: 502, description: 'Bad Gateway' });
    }

    const ours = () => fake.messages.filter((m) => m.method === 'sendMessage' && CHATS.includes(m.chatId));
    const lost = () => h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: 'order.' }, status: 'sending', lastError: { not: null } } });
    // Everything but the 502's message arrives; then the lane drains (the positive signal).
    await waitUntil(async () => ours().length >= TOTAL - 1 && (await lost()).length === 1, `${TOTAL - 1} deliveries and one of unknown fate`, 120_000, 200);
    await waitUntil(
      async () => {
        const c = await h.producer.queue(QueueName.Outbound).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        const open = await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: 'order.' }, status: 'pending' } });
        return open === 0 && Object.values(c).every((x) => x === 0);
      },
      'the outbound lane drained',
      60_000,
    );

    const got = ours();
    expect(got).toHaveLength(TOTAL - 1);
    expect(fake.stats.injectedFaults).toBe(2 * 5 + 1);
    // The 502's message was not sent again; each chat got the rest in the order decided.
    const [unknown] = await lost();
    const gone = Number(unknown!.purposeKey.slice('order.'.length));
    for (const chat of CHATS) {
      const received = got.filter((m) => m.chatId === chat).map((m) => Number((m.text ?? '').slice(1)));
      expect(received).toEqual(decided.get(chat)!.filter((i) => i !== gone));
    }
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: 'order.' }, status: 'sent' } })).toBe(TOTAL - 1);
  }, 240_000);
});
