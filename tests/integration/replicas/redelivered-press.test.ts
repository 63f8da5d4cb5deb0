// A button press re-sent by Telegram to another replica while the first delivery is still
// running (its webhook call was too slow): the first delivery's toast must reach the volunteer.
// Two TelegramChannels in webhook mode (two replicas) feed the real conversation engine on the
// real database; the test posts the update as Telegram would, in the one order that matters:
// the first delivery has committed the take but not yet answered when the re-sent one arrives.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TelegramChannel } from '@baiying/channels';
import type { HandleOutcome, InboundEvent } from '@baiying/domain';
import { takeButton } from '@baiying/features';
import type { Request, RequestHandler, Response } from 'express';
import { bindGroup, coordinatorAs, volunteerAs } from '../../support/e2e-world.js';
import { FakeBotApi, type FakeChat, type FakeUser } from '../../support/fake-telegram/fake-bot-api.js';
import { openDispatchOf, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '777002:REDELIVER-test_token';
const SECRET = 'redeliver-secret-7';
const NO_LIMITS = { globalPerSecond: Infinity, perChatPerSecond: Infinity, perGroupPerMinute: Infinity };
const LIMITS = { globalPerSecond: 30, chatPerSecond: 1, groupPerMinute: 20, bulkPerSecond: 29 };
const volunteer: FakeUser = { id: 7_730_001, first_name: '李师傅' };
const coordinatorUser: FakeUser = { id: 7_730_002, first_name: '赵主任' };
const group: FakeChat = { id: -1_001_000_773_001, type: 'supergroup', title: '幸福社区为老服务队群' };

/** Serves a webhook handler (written for Express) on node:http: the few request/response calls grammY's adapter makes. */
async function serve(handler: RequestHandler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const expressReq = Object.assign(req, {
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
        header: (name: string) => req.headers[name.toLowerCase()],
      });
      const expressRes = Object.assign(res, {
        set: (name: string, value: string) => (res.setHeader(name, value), expressRes),
        send: (body: string) => (res.end(body), expressRes),
        status: (code: number) => ((res.statusCode = code), expressRes),
      });
      handler(expressReq as unknown as Request, expressRes as unknown as Response, () => undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('a button press re-sent to another replica', () => {
  const config = testConfig();
  const fake = new FakeBotApi({ token: TOKEN, limits: NO_LIMITS });
  let h: DeskHarness;
  const channels: TelegramChannel[] = [];
  const servers: Array<{ close: () => Promise<void> }> = [];

  beforeAll(async () => {
    await fake.start();
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await Promise.all(channels.map((c) => c.stop()));
    await fake.stop();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  /** A replica: the desk's Telegram channel in webhook mode on its own port, handing events to `handle`. */
  async function replica(handle: (ev: InboundEvent) => Promise<HandleOutcome>): Promise<string> {
    const channel = new TelegramChannel(
      { token: TOKEN, apiRoot: fake.apiRoot, webhookUrl: 'http://127.0.0.1/telegram/webhook', webhookSecret: SECRET, limits: LIMITS },
      { log: () => undefined, warn: () => undefined, error: () => undefined },
    );
    channels.push(channel);
    const handler = await channel.start(handle);
    if (!handler) throw new Error('the channel did not start in webhook mode');
    const server = await serve(handler);
    servers.push(server);
    return server.url;
  }

  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(body),
    }).then((r) => r.status);

  it('leaves the answer to the first delivery, so the winner sees 接单成功', async () => {
    const engine = await h.engine();
    // The first delivery commits, then is slow to answer: it returns only once the re-sent one is done.
    let resentDone!: () => void;
    const resent = new Promise<void>((resolve) => (resentDone = resolve));
    const first = await replica(async (ev) => {
      const outcome = await engine.handle(ev);
      await resent;
      return outcome;
    });
    const second = await replica((ev) => engine.handle(ev));

    const coordinator = await coordinatorAs(h, { channel: 'telegram', externalId: String(coordinatorUser.id), name: '赵主任' }, 'I-DH');
    await bindGroup(h, coordinator, 'S-XF-ELDER', { channel: 'telegram', chatId: String(group.id), title: group.title });
    await volunteerAs(h, { channel: 'telegram', externalId: String(volunteer.id), name: volunteer.first_name }, ['S-XF-ELDER']);
    const need = await routedNeed(h, 'res-redeliver', { channel: 'telegram', teamCode: 'S-XF-ELDER' });
    // Sealed for the group, as the outbox seals a card's button.
    const data = h.buttons.seal(h.buttons.encode(takeButton, { dispatchId: await openDispatchOf(h, need.id) }), {
      channel: 'telegram',
      chatId: String(group.id),
    });
    // The card as the bot posts it (no sender runs here): a message with the take button in the group.
    const sent = await fetch(`${fake.apiRoot}/bot${TOKEN}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        chat_id: group.id,
        text: `新需求 ${need.code}`,
        reply_markup: { inline_keyboard: [[{ text: '我来接单', callback_data: data }]] },
      }),
    });
    expect(sent.status).toBe(200);
    const card = fake.lastMessage(group.id)!;

    const queryId = fake.pressButton(volunteer, card, data);
    const update = fake.lastUpdate!;
    const firstDelivery = post(first, update);
    // Positive signal that the first delivery has committed: its marker is visible.
    const marker = `${fake.botInfo.id}:${update.update_id}`;
    await waitUntil(async () => (await h.prisma.processedUpdate.count({ where: { updateId: marker } })) === 1, 'the first delivery committed');
    expect(await post(second, update)).toBe(200);
    resentDone();
    expect(await firstDelivery).toBe(200);

    const answer = await fake.waitForCallbackAnswer(queryId, { timeoutMs: 10_000 });
    expect(answer.text).toContain('接单成功');
    expect(fake.stats.perMethod.answerCallbackQuery).toBe(1);
    expect(await h.prisma.claim.count({ where: { needId: need.id } })).toBe(1);
  });
});
