// Cross-channel: a WeChat resident's need is served by a Telegram team group, and a Telegram
// resident's need by a WeChat room — one desk, both channels in the same bot app.
//
// Each test stands alone: before it the database is emptied down to the demo county's units
// and teams (resetWorld); the test makes its own Telegram users and group (ids of its own), its
// own WeChat contacts and room, binds them and submits its need.
import type { EventEmitter } from 'node:events';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startBot } from '../../apps/bot/src/bootstrap.js';
import { startWorker } from '../../apps/worker/src/bootstrap.js';
import type { AppConfig } from '@baiying/config';
import type { ActorRow, Channel } from '@baiying/db';
import { FakeBotApi, type FakeChat, type FakeUser, type SentMessage } from '../support/fake-telegram/fake-bot-api.js';
import { residentAs, resetWorld, volunteerAs } from '../support/e2e-world.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../support/test-env.js';

const TOKEN = '777000:CROSS-channel_token';

type WechatMessage = { text(): string; talker(): { id: string }; room(): unknown };

/** What the bot says in a room or privately to a contact (not in rooms). */
function said(target: mock.RoomMock | mock.ContactMock, selfId: string, inRoom: boolean): string[] {
  const out: string[] = [];
  (target as unknown as EventEmitter).on('message', (m: WechatMessage) => {
    if (m.talker().id === selfId && (inRoom || !m.room())) out.push(m.text());
  });
  return out;
}

function takeButton(card: SentMessage): string {
  const kb = card.replyMarkup && 'inline_keyboard' in card.replyMarkup ? card.replyMarkup.inline_keyboard.flat() : [];
  const b = kb.find((x) => /我来接单/.test(x.text));
  if (!b || !('callback_data' in b) || !b.callback_data) throw new Error(`no take button on: ${card.text}`);
  return b.callback_data;
}

describe('cross-channel service', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_cross_bot' } });
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let worker: INestApplicationContext;
  let self: mock.ContactMock;
  let round = 0;

  /** A need of `resident`, submitted; the worker routes it (as it does for a need from chat). */
  async function submit(resident: ActorRow, channel: Channel, stationCode: string): Promise<string> {
    const station = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: stationCode } });
    const r = await h.desk.uow.run((w) =>
      h.desk.intake.submit.execute(w, resident, {
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

  /** A group chat bound to a team, as /bindteam leaves it. */
  async function bound(teamCode: string, channel: Channel, chatId: string): Promise<void> {
    const team = await h.prisma.team.findUniqueOrThrow({ where: { code: teamCode } });
    await h.prisma.teamChat.create({ data: { teamId: team.id, channel, chatId } });
  }

  beforeAll(async () => {
    await fake.start();
    config = testConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, WECHAT_MIN_GAP_MS: '20', OUTBOX_POLL_MS: '200' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    [self] = mocker.createContacts(1) as [mock.ContactMock];
    worker = await startWorker(config);
    bot = await startBot(config, { wechatPuppet: puppet });
    mocker.login(self);
  }, 60_000);

  beforeEach(async () => {
    await resetWorld(h, { demo: null });
    round++;
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await worker?.close();
    await fake.stop();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it("serves a WeChat resident's need from a Telegram team group", async () => {
    const tgVolunteer: FakeUser = { id: 8000 + round * 10 + 1, first_name: '电报志愿者' };
    const tgGroup: FakeChat = { id: -(6000 + round), type: 'supergroup', title: 'XF elderly' };
    const [wxResident] = mocker.createContacts(1) as [mock.ContactMock];
    const toResident = said(wxResident, self.id, false);
    await bound('S-XF-ELDER', 'telegram', String(tgGroup.id));
    await volunteerAs(h, { channel: 'telegram', externalId: String(tgVolunteer.id), name: '电报志愿者' }, ['S-XF-ELDER']);
    const resident = await residentAs(h, { channel: 'wechat', externalId: wxResident.id, chatId: `c:${wxResident.id}`, name: '微信居民' });
    const start = fake.messages.length;

    const code = await submit(resident, 'wechat', 'S-XF');
    const card = await fake.waitFor({ chatId: tgGroup.id, text: new RegExp(`新需求 ${code}`) }, { fromSeq: start, timeoutMs: 15_000 });
    expect(card.text).not.toContain('13700001111');
    const answer = await fake.waitForCallbackAnswer(fake.pressButton(tgVolunteer, card, takeButton(card)), { timeoutMs: 15_000 });
    expect(answer.text).toContain('接单成功');
    const details = await fake.waitFor({ chatId: tgVolunteer.id, text: new RegExp(`您已接单 ${code}`) }, { fromSeq: start, timeoutMs: 15_000 });
    expect(details.text).toContain('13700001111');
    await waitUntil(async () => toResident.find((t) => t.includes(`电报志愿者 接下了您的需求 ${code}`)), 'WeChat resident told who is coming');
  }, 40_000);

  it("serves a Telegram resident's need from a WeChat room", async () => {
    const tgResident: FakeUser = { id: 8000 + round * 10 + 2, first_name: '电报居民' };
    const [wxVolunteer] = mocker.createContacts(1) as [mock.ContactMock];
    const room = mocker.createRoom({ memberIdList: [self.id, wxVolunteer.id], topic: '和平村助老队' });
    const inRoom = said(room, self.id, true);
    const toVolunteer = said(wxVolunteer, self.id, false);
    await bound('S-HP-ELDER', 'wechat', `r:${room.id}`);
    await volunteerAs(h, { channel: 'wechat', externalId: wxVolunteer.id, chatId: `c:${wxVolunteer.id}`, name: '微信志愿者' }, ['S-HP-ELDER']);
    const resident = await residentAs(h, { channel: 'telegram', externalId: String(tgResident.id), name: '电报居民' });
    const start = fake.messages.length;

    const code = await submit(resident, 'telegram', 'S-HP');
    const card = await waitUntil(async () => inRoom.find((t) => t.includes(`新需求 ${code}`) && t.includes(`回复「接单 ${code}」`)), 'card in the WeChat room');
    expect(card).not.toContain('13700001111');
    wxVolunteer.say(`接单 ${code}`).to(room);
    await waitUntil(async () => inRoom.find((t) => t.includes(`微信志愿者 接下了 ${code}`)), 'take confirmed in the room');
    const details = await waitUntil(async () => toVolunteer.find((t) => t.includes(`您已接单 ${code}`)), 'details to the volunteer privately');
    expect(details).toContain('13700001111');
    await fake.waitFor({ chatId: tgResident.id, text: new RegExp(`微信志愿者 接下了您的需求 ${code}`) }, { fromSeq: start, timeoutMs: 15_000 });
  }, 40_000);
});
