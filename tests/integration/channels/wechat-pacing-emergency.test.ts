// An emergency is never held back by pacing (issue 16): with a WeChat account paced and a broadcast
// backlog (the bulk lane, one message to each of many residents) going out, a message of emergency
// priority queued later leaves within a few sends, not after the backlog. Asserted from the mock's
// delivery order. (Control, run by hand: the same message sent through the bulk lane arrived ~50th.)
import type { EventEmitter } from 'node:events';
import type { INestApplication } from '@nestjs/common';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import type { AppConfig } from '@baiying/config';
import { Priority } from '@baiying/domain';
import { deskHarness, flushPrefix, outboundSettled, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const BACKLOG = 60;
const GAP_MS = 40;

describe('WeChat pacing: an emergency goes ahead of the backlog', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });

  beforeAll(async () => {
    config = testConfig({ WECHAT_MIN_GAP_MS: String(GAP_MS), WECHAT_PER_MINUTE: '20', WECHAT_WINDOW_MS: '1000' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    bot = await startBot(config, { wechatPuppet: puppet });
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('delivers an emergency queued behind a paced broadcast backlog before the backlog drains', async () => {
    // One broadcast message to each of many residents: no chat waits on its own earlier message.
    const [self, responder, ...residents] = mocker.createContacts(BACKLOG + 2) as mock.ContactMock[];
    mocker.login(self!);
    const order: string[] = [];
    for (const c of [responder!, ...residents]) {
      (c as unknown as EventEmitter).on('message', (m: { text(): string; talker(): { id: string } }) => {
        if (m.talker().id === self!.id) order.push(m.text());
      });
    }
    await h.desk.uow.run(async (w) => {
      residents.forEach((r, i) => w.out.bulk({ channel: 'wechat', chatId: `c:${r.id}` }, `backlog.${i}`, 'test', () => ({ text: `广播 ${i}` })));
    });
    // The backlog is being paced out (20 a second at most) when the emergency arrives.
    await waitUntil(async () => order.length >= 3, 'the backlog started', 30_000, 20);
    await h.desk.uow.run(async (w) => {
      w.out.to({ channel: 'wechat', chatId: `c:${responder!.id}` }, 'backlog.emergency', 'test', { text: '紧急求助' }, Priority.emergency);
    });
    await waitUntil(async () => order.length >= BACKLOG + 1, `every message (got ${order.length})`, 60_000, 50);
    await outboundSettled(h, 'backlog.');

    const at = order.indexOf('紧急求助');
    // Sends already under way when it was queued (a paced slot or two may be taken).
    const queuedAt = 3;
    // Ahead of the backlog: out within a few sends of being queued, not after the other ~55.
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at - queuedAt).toBeLessThanOrEqual(5);
    expect(order.filter((t) => t.startsWith('广播')).length).toBe(BACKLOG);
  }, 90_000);
});
