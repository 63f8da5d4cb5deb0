// A person in danger, end to end through the bot and worker apps (in-process, both channels):
// a danger message on Telegram and on WeChat reaches an emergency-team member privately, with the
// emergency banner, well within the emergency SLA, with at most one question asked; a "possible"
// message asks once and goes out on "是". Daily mode: nobody switched emergency mode on.
import { nameColumns } from '@baiying/db';
import type { EventEmitter } from 'node:events';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import { startWorker } from '../../../apps/worker/src/bootstrap.js';
import type { AppConfig } from '@baiying/config';
import { FakeBotApi, type FakeUser, type SentMessage } from '../../support/fake-telegram/fake-bot-api.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '777001:DANGER-channel_token';

describe('a person in danger, on Telegram and WeChat', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_danger_bot' } });
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let worker: INestApplicationContext;
  const responder: FakeUser = { id: 9101, first_name: '应急队员' };
  let self: mock.ContactMock;
  let wxResponder: mock.ContactMock;
  const wxResponderSaid: string[] = [];
  let users = 9200;

  const telegramResident = (): FakeUser => ({ id: ++users, first_name: `居民${users}` });
  const privateChat = (u: FakeUser) => ({ id: u.id, type: 'private' as const, first_name: u.first_name });
  /** Every message the bot sent a Telegram chat after index `from`. */
  const toChat = (chatId: number, from: number): SentMessage[] => fake.messages.slice(from).filter((m) => m.chatId === chatId);
  // Distinct asks: an edit of a sent question (the settled picker of decision 0039 edits the same
  // message, recorded with editOf) is the same ask, not a second one.
  const asks = (msgs: SentMessage[], question: RegExp): number => new Set(msgs.filter((m) => question.test(m.text ?? '')).map((m) => m.messageId)).size;
  const questions = (msgs: SentMessage[]) => asks(msgs, /您在哪里|现在有人有危险吗/);

  beforeAll(async () => {
    await fake.start();
    config = testConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      WECHAT_MIN_GAP_MS: '20',
      OUTBOX_POLL_MS: '200',
      EMERGENCY_SLA_MINUTES: '5',
    });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    [self, wxResponder] = mocker.createContacts(2) as [mock.ContactMock, mock.ContactMock];
    (wxResponder as unknown as EventEmitter).on('message', (m: { text(): string; talker(): { id: string }; room(): unknown }) => {
      if (m.talker().id === self.id && !m.room()) wxResponderSaid.push(m.text());
    });
    // Two approved members of the county's emergency team: one reached on Telegram, one on WeChat.
    const team = await h.prisma.team.findFirstOrThrow({ where: { categoryCode: 'emergency', orgUnit: { tier: 'center' } } });
    const station = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
    for (const [channel, externalId, chatId] of [
      ['telegram', String(responder.id), String(responder.id)],
      ['wechat', wxResponder.id, `c:${wxResponder.id}`],
    ] as const) {
      await h.prisma.person.create({
        data: {
          ...nameColumns(h.cipher, `应急队员-${channel}`),
          identities: { create: { channel, externalId, chatId } },
          volunteer: { create: { stationId: station.id, status: 'approved', memberships: { create: { teamId: team.id, status: 'approved' } } } },
        },
      });
    }
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

  it('a fire reported on Telegram: call 119 first, one question, the responders privately with the banner', async () => {
    const resident = telegramResident();
    const from = fake.messages.length;
    const t0 = Date.now();
    fake.sendText(resident, privateChat(resident), '厨房着火了，火很大，快来人');
    const ask = await fake.waitFor({ chatId: resident.id, text: /您在哪里/ }, { timeoutMs: 20_000 });
    expect(toChat(resident.id, from)[0]?.text).toContain('请先拨打 110 / 119 / 120');
    const station =
      ask.replyMarkup && 'inline_keyboard' in ask.replyMarkup ? ask.replyMarkup.inline_keyboard.flat().find((b) => b.text === '幸福社区') : undefined;
    if (!station || !('callback_data' in station)) throw new Error('no station button');
    fake.pressButton(resident, ask, station.callback_data!);
    await fake.waitFor({ chatId: resident.id, text: /已作为紧急求助提交/ }, { timeoutMs: 20_000 });
    const card = await fake.waitFor({ chatId: responder.id, text: /应急状态/ }, { timeoutMs: 20_000 });
    expect(card.text).toMatch(/新需求 N-\d{8}-\d{4}/);
    expect(questions(toChat(resident.id, from))).toBe(1);
    // Well within the emergency SLA (5 minutes): the card arrived in seconds.
    expect(Date.now() - t0).toBeLessThan(config.emergencySlaMinutes * 60_000);
    const need = await h.prisma.need.findFirstOrThrow({
      where: { resident: { identities: { some: { channel: 'telegram', externalId: String(resident.id) } } } },
    });
    expect(need).toMatchObject({ urgency: 'urgent', danger: 'likely' });
  }, 60_000);

  it('a fall reported on WeChat with the place named: no question at all, the responders privately', async () => {
    const [resident] = mocker.createContacts(1) as [mock.ContactMock];
    const said: string[] = [];
    (resident as unknown as EventEmitter).on('message', (m: { text(): string; talker(): { id: string }; room(): unknown }) => {
      if (m.talker().id === self.id && !m.room()) said.push(m.text());
    });
    const seen = wxResponderSaid.length;
    resident.say('独居老人在家摔倒了爬不起来 幸福社区').to(self);
    const out = await waitUntil(async () => said.find((t) => t.includes('已作为紧急求助提交')), 'the WeChat resident told the need is out', 20_000);
    expect(said.filter((t) => /您在哪里|现在有人有危险吗/.test(t))).toHaveLength(0);
    const code = /N-\d{8}-\d{4}/.exec(out)?.[0];
    if (!code) throw new Error(`no need code in: ${out}`);
    // Both responders get it privately: on WeChat with the keyword to take it, on Telegram with a button.
    const wx = await waitUntil(async () => wxResponderSaid.slice(seen).find((t) => t.includes(`接单 ${code}`)), 'the WeChat responder got the card', 20_000);
    expect(wx).toContain('应急状态');
    const tg = await fake.waitFor({ chatId: responder.id, text: new RegExp(`新需求 ${code}`) }, { timeoutMs: 20_000 });
    expect(tg.text).toContain('应急状态');
  }, 60_000);

  it('smoke that may be nothing: one question, then out as an emergency on "是"', async () => {
    const resident = telegramResident();
    const from = fake.messages.length;
    fake.sendText(resident, privateChat(resident), '楼道里好像有烟味');
    const q = await fake.waitFor({ chatId: resident.id, text: /现在有人有危险吗/ }, { timeoutMs: 20_000 });
    const yes = q.replyMarkup && 'inline_keyboard' in q.replyMarkup ? q.replyMarkup.inline_keyboard.flat().find((b) => /是，有危险/.test(b.text)) : undefined;
    if (!yes || !('callback_data' in yes)) throw new Error('no yes button');
    fake.pressButton(resident, q, yes.callback_data!);
    await fake.waitFor({ chatId: resident.id, text: /您在哪里/ }, { timeoutMs: 20_000 });
    fake.sendText(resident, privateChat(resident), '幸福社区5号楼');
    await fake.waitFor({ chatId: resident.id, text: /已作为紧急求助提交/ }, { timeoutMs: 20_000 });
    const need = await h.prisma.need.findFirstOrThrow({
      where: { resident: { identities: { some: { channel: 'telegram', externalId: String(resident.id) } } } },
    });
    expect(need).toMatchObject({ urgency: 'urgent', danger: 'likely' });
    expect(h.cipher.decryptOptional(need.addressEnc)).toBe('幸福社区5号楼');
    expect(asks(toChat(resident.id, from), /现在有人有危险吗/)).toBe(1);
  }, 60_000);
});
