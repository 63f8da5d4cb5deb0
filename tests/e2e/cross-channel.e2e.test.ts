// Cross-channel: a WeChat resident's need is served by a Telegram team group, and a Telegram
// resident's need by a WeChat room — one desk, both channels in the same bot app.
import type { EventEmitter } from 'node:events';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startBot } from '../../apps/bot/src/bootstrap.js';
import { startWorker } from '../../apps/worker/src/bootstrap.js';
import type { AppConfig } from '@baiying/config';
import type { Channel } from '@baiying/db';
import { FakeBotApi, type FakeUser } from '../support/fake-telegram/fake-bot-api.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../support/test-env.js';

const TOKEN = '777000:CROSS-channel_token';

describe('cross-channel service', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_cross_bot' } });
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let worker: INestApplicationContext;
  const tgVolunteer: FakeUser = { id: 8001, first_name: '电报志愿者' };
  const tgResident: FakeUser = { id: 8002, first_name: '电报居民' };
  const tgGroup = { id: -6001, type: 'supergroup' as const, title: 'XF elderly' };
  let self: mock.ContactMock;
  let wxResident: mock.ContactMock;
  let wxVolunteer: mock.ContactMock;
  let room: mock.RoomMock;
  const roomSaid: string[] = [];
  const wxResidentSaid: string[] = [];

  async function person(channel: Channel, externalId: string, chatId: string, name: string, teamCode?: string) {
    const team = teamCode ? await h.prisma.team.findUniqueOrThrow({ where: { code: teamCode } }) : null;
    return h.prisma.person.create({
      data: {
        displayName: name,
        identities: { create: { channel, externalId, chatId } },
        ...(team ? { volunteer: { create: { stationId: team.orgUnitId, status: 'approved', memberships: { create: { teamId: team.id } } } } } : {}),
      },
    });
  }

  async function submit(residentId: string, channel: Channel, stationCode: string): Promise<string> {
    const actor = await h.desk.uow.run((w) => w.repos.people.actor(residentId));
    const station = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: stationCode } });
    const r = await h.desk.uow.run((w) =>
      h.desk.intake.submit.execute(w, actor, {
        channel,
        description: '需要有人陪老人聊天',
        truncated: false,
        categoryCode: 'elderly',
        stationId: station.id,
        address: null,
        location: null,
        wantedTime: null,
        phone: '13700001111',
        beneficiary: 'elderly',
        urgency: 'normal',
        attachments: [],
      }),
    );
    if (!r.ok) throw new Error(r.code);
    return r.value.code;
  }

  beforeAll(async () => {
    await fake.start();
    config = testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, WECHAT_MIN_GAP_MS: '20', OUTBOX_POLL_MS: '200' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    [self, wxResident, wxVolunteer] = mocker.createContacts(3) as [mock.ContactMock, mock.ContactMock, mock.ContactMock];
    room = mocker.createRoom({ memberIdList: [self.id, wxVolunteer.id], topic: '和平村助老队' });
    (room as unknown as EventEmitter).on('message', (m: { text(): string; talker(): { id: string } }) => m.talker().id === self.id && roomSaid.push(m.text()));
    (wxResident as unknown as EventEmitter).on(
      'message',
      (m: { text(): string; talker(): { id: string }; room(): unknown }) => m.talker().id === self.id && !m.room() && wxResidentSaid.push(m.text()),
    );
    const xf = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
    const hp = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-HP-ELDER' } });
    await h.prisma.teamChat.create({ data: { teamId: xf.id, channel: 'telegram', chatId: String(tgGroup.id) } });
    await h.prisma.teamChat.create({ data: { teamId: hp.id, channel: 'wechat', chatId: `r:${room.id}` } });
    await person('telegram', String(tgVolunteer.id), String(tgVolunteer.id), '电报志愿者', 'S-XF-ELDER');
    await person('wechat', wxVolunteer.id, `c:${wxVolunteer.id}`, '微信志愿者', 'S-HP-ELDER');
    worker = await startWorker(config);
    bot = await startBot(config, { wechatPuppet: puppet });
    mocker.login(self);
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await worker?.close();
    await fake.stop();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it("serves a WeChat resident's need from a Telegram team group", async () => {
    const resident = await person('wechat', wxResident.id, `c:${wxResident.id}`, '微信居民');
    const code = await submit(resident.id, 'wechat', 'S-XF');
    const card = await fake.waitFor({ chatId: tgGroup.id, text: new RegExp(`新需求 ${code}`) }, { timeoutMs: 15_000 });
    const data = card.replyMarkup && 'inline_keyboard' in card.replyMarkup ? card.replyMarkup.inline_keyboard[0]![0]! : null;
    if (!data || !('callback_data' in data)) throw new Error('no take button');
    const answer = await fake.waitForCallbackAnswer(fake.pressButton(tgVolunteer, card, data.callback_data!), { timeoutMs: 15_000 });
    expect(answer.text).toContain('接单成功');
    await fake.waitFor({ chatId: tgVolunteer.id, text: /13700001111/ }, { timeoutMs: 15_000 });
    await waitUntil(async () => wxResidentSaid.find((t) => t.includes(`电报志愿者 接下了您的需求 ${code}`)), 'WeChat resident told who is coming');
  }, 40_000);

  it("serves a Telegram resident's need from a WeChat room", async () => {
    const resident = await person('telegram', String(tgResident.id), String(tgResident.id), '电报居民');
    const code = await submit(resident.id, 'telegram', 'S-HP');
    await waitUntil(async () => roomSaid.find((t) => t.includes(`新需求 ${code}`) && t.includes(`回复「接单 ${code}」`)), 'card in the WeChat room');
    wxVolunteer.say(`接单 ${code}`).to(room);
    await waitUntil(async () => roomSaid.find((t) => t.includes(`微信志愿者 接下了 ${code}`)), 'take confirmed in the room');
    await fake.waitFor({ chatId: tgResident.id, text: new RegExp(`微信志愿者 接下了您的需求 ${code}`) }, { timeoutMs: 15_000 });
  }, 40_000);
});
