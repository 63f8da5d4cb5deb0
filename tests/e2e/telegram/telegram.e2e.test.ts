// End to end on Telegram: the compiled bot and worker run as child processes against a local
// fake Bot API server (real HTTP on 127.0.0.1, Telegram's flood limits enforced). Residents,
// volunteers in team groups and a coordinator walk the loop: binding a group, registration,
// intake, dispatch, a three-way take race, release and re-dispatch, escalation after a
// shortened SLA, done, confirmation, rating, hours.
//
// Each test stands alone: the apps keep running, but before each test the database is emptied
// down to the demo county's units and teams (resetWorld) and the test gets a cast of its own (fresh Telegram user
// and chat ids, so nothing a previous test sent can match its waits), then builds what it needs
// through the use cases: coordinator, bound groups, volunteers, a routed or taken need.
import { personName } from '@baiying/db';
import { loadConfig } from '@baiying/config';
import type { ActorRow } from '@baiying/db';
import { FakeBotApi, type FakeChat, type FakeUser, type SentMessage } from '../../support/fake-telegram/fake-bot-api.js';
import { bindGroup, coordinatorAs, residentAs, resetWorld, volunteerAs, type Identity } from '../../support/e2e-world.js';
import { openDispatchOf, routedNeed, takeInGroup } from '../../support/needs.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { deskHarness, flushPrefix, outboundSettled, resetDatabase, testEnv, type DeskHarness } from '../../support/test-env.js';

const TOKEN = '123456:TEST-token_for_e2e';
const privateChat = (u: FakeUser): FakeChat => ({ id: u.id, type: 'private' });

/** Who plays in one test: ids of their own (a block of 1000 per test), names as in the story. */
interface Cast {
  resident: FakeUser;
  volA: FakeUser;
  volB: FakeUser;
  volC: FakeUser;
  coordinator: FakeUser;
  stranger: FakeUser;
  stationGroup: FakeChat;
  instituteGroup: FakeChat;
  otherGroup: FakeChat;
}

function castOf(round: number): Cast {
  const id = (k: number) => round * 1000 + k;
  return {
    resident: { id: id(1), first_name: '王', last_name: '阿姨' },
    volA: { id: id(11), first_name: '李师傅' },
    volB: { id: id(12), first_name: '张护士' },
    volC: { id: id(13), first_name: '陈阿姨' },
    coordinator: { id: id(21), first_name: '赵主任' },
    stranger: { id: id(31), first_name: '路人' },
    stationGroup: { id: -id(51), type: 'supergroup', title: '幸福社区为老服务队群' },
    instituteGroup: { id: -id(52), type: 'supergroup', title: '东湖镇为老助老队群' },
    otherGroup: { id: -id(53), type: 'supergroup', title: '闲聊群' },
  };
}

const onTelegram = (u: FakeUser, name = u.first_name): Identity => ({ channel: 'telegram', externalId: String(u.id), name });

function button(m: SentMessage, label: RegExp): string {
  const kb = m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard : [];
  for (const row of kb) for (const b of row) if (label.test(b.text) && 'callback_data' in b && b.callback_data) return b.callback_data;
  throw new Error(`no button ${label} on message: ${m.text}`);
}

const buttonsOf = (m: SentMessage) => (m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard.flat() : []);

/** What the resident said in the intake tests, and what the job card must keep to itself. */
const NEED = { description: '我家老人腿脚不便，想找人上门理发', address: '幸福小区3号楼2单元501', phone: '13812345678' };

describe('Telegram end to end', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_test_bot', first_name: '百应' } });
  // Station SLA 60 min × 0.0025 = 9 s; institute 18 s: long enough for the volunteers here.
  let env: Record<string, string>;
  let h: DeskHarness;
  let bot: AppProcess;
  let worker: AppProcess;
  let round = 0;
  let c: Cast;
  /** The fake's message count when the test began: waits look at this test's messages only. */
  let start = 0;

  /** On a timeout the error carries the tail of the bot's and the worker's logs. */
  const withLogs = <T>(p: Promise<T>): Promise<T> =>
    p.catch((e: Error) => {
      throw new Error(`${e.message}\n--- bot ---\n${bot.output().slice(-3000)}\n--- worker ---\n${worker.output().slice(-1500)}`);
    });

  const wait = (chat: FakeChat, text: RegExp, fromSeq = start, timeoutMs = 20_000) =>
    withLogs(fake.waitFor({ chatId: chat.id, text }, { fromSeq, timeoutMs, description: String(text) }));

  /** A new job card for `code` in `chat` (not an edit of an earlier card, which keeps the same words). */
  const cardFor = (chat: FakeChat, code: string, fromSeq = start, timeoutMs = 20_000) =>
    withLogs(
      fake.waitFor((m) => m.seq >= fromSeq && m.chatId === chat.id && m.method === 'sendMessage' && (m.text ?? '').includes(`新需求 ${code}`), {
        timeoutMs,
        description: `a new card for ${code}`,
      }),
    );

  async function say(user: FakeUser, chat: FakeChat, text: string, expect: RegExp): Promise<SentMessage> {
    const from = fake.messages.length;
    fake.sendText(user, chat, text);
    return wait(chat, expect, from);
  }

  /** Presses a button and returns the toast the bot answered the press with. */
  async function pressAnswer(user: FakeUser, m: SentMessage, label: RegExp): Promise<string> {
    const id = fake.pressButton(user, m, button(m, label));
    const answer = await fake.waitForCallbackAnswer(id, { timeoutMs: 20_000 });
    return answer.text ?? '';
  }

  /** Presses a button and returns the message the bot then sends in `chat`. */
  async function press(user: FakeUser, chat: FakeChat, m: SentMessage, label: RegExp, expect: RegExp): Promise<SentMessage> {
    const from = fake.messages.length;
    await pressAnswer(user, m, label);
    return wait(chat, expect, from);
  }

  /**
   * The desk of a county with its groups on Telegram: the coordinator of 东湖镇, the station
   * group bound to 幸福社区为老服务队 and the institute group to 东湖镇为老助老队; A, B and C
   * volunteer in the station team, B also in the institute team.
   */
  async function givenTeams(): Promise<{ coordinator: ActorRow; volA: ActorRow; volB: ActorRow; volC: ActorRow }> {
    const coordinator = await coordinatorAs(h, onTelegram(c.coordinator), 'I-DH');
    await bindGroup(h, coordinator, 'S-XF-ELDER', { channel: 'telegram', chatId: String(c.stationGroup.id), title: c.stationGroup.title });
    await bindGroup(h, coordinator, 'I-DH-ELDER', { channel: 'telegram', chatId: String(c.instituteGroup.id), title: c.instituteGroup.title });
    return {
      coordinator,
      volA: await volunteerAs(h, onTelegram(c.volA), ['S-XF-ELDER']),
      volB: await volunteerAs(h, onTelegram(c.volB), ['S-XF-ELDER', 'I-DH-ELDER']),
      volC: await volunteerAs(h, onTelegram(c.volC), ['S-XF-ELDER']),
    };
  }

  /** The resident's need (as the intake test submits it), routed; its card is in the station group. */
  async function givenNeed(): Promise<{ id: string; code: string; card: SentMessage }> {
    await residentAs(h, onTelegram(c.resident, '王阿姨'));
    const need = await routedNeed(h, String(c.resident.id), { channel: 'telegram', teamCode: 'S-XF-ELDER', beneficiary: 'elderly', ...NEED });
    const card = await cardFor(c.stationGroup, need.code);
    return { ...need, card };
  }

  /** `volunteer` has taken the need in the station group; returns the details they got privately. */
  async function givenTaken(volunteer: ActorRow, user: FakeUser, need: { id: string; code: string }): Promise<SentMessage> {
    const taken = await takeInGroup(h, volunteer, await openDispatchOf(h, need.id));
    if (!taken.ok) throw new Error(`take refused: ${taken.code}`);
    return wait(privateChat(user), new RegExp(`您已接单 ${need.code}`));
  }

  beforeAll(async () => {
    await fake.start();
    env = testEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      SLA_TIME_FACTOR: '0.0025',
      OUTBOX_POLL_MS: '200',
      // The safety net for anything Redis lost, run often so a test would see it work.
      RECONCILE_INTERVAL_SECONDS: '5',
      LOG_LEVEL: 'log',
    });
    // The same configuration as the apps (same database and queue prefix): needs created here
    // are dispatched, timed and sent by them.
    h = deskHarness(loadConfig(env), 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    worker = await startApp('worker', env, /startup reconcile/);
    bot = await startApp('bot', env, /long polling/);
    // Readiness: one full round trip (poll → transaction → outbound queue → send) before the
    // tests, so a cold start on a busy machine is not charged to the first test's timeout.
    const warm: FakeUser = { id: 999, first_name: 'warm-up' };
    fake.sendText(warm, privateChat(warm), '/help');
    await withLogs(fake.waitFor({ chatId: warm.id, text: /居民：直接描述需求即可/ }, { timeoutMs: 60_000, description: 'warm-up reply' }));
  }, 120_000);

  beforeEach(async () => {
    await resetWorld(h, { demo: null });
    c = castOf(++round);
    start = fake.messages.length;
  }, 60_000);

  afterEach(() => {
    // The bot paces itself: it may meet injected 429s, never breach a told retry_after.
    expect(fake.stats.limitBreaches).toBe(0);
  });

  afterAll(async () => {
    await bot?.stop();
    await worker?.stop();
    await fake.stop();
    await h?.close();
    await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
  });

  it('lets only a coordinator of the team bind a group', async () => {
    const coordinator = await coordinatorAs(h, onTelegram(c.coordinator), 'I-DH');
    fake.addBotToGroup(c.stationGroup, c.coordinator);
    // The greeting says /bindteam alone lists the teams to pick from.
    await wait(c.stationGroup, /发送 \/bindteam，从列表中选出本群的队伍/);
    let m = await say(c.stranger, c.otherGroup, '/bindteam S-XF-ELDER', /只有管理员/);
    expect(m.text).not.toMatch(/[A-Za-z]{4}/); // one language: no English half
    m = await say(c.coordinator, c.stationGroup, '/bindteam S-XF-ELDER', /已绑定到队伍/);
    expect(m.text).toContain('幸福社区为老服务队');
    // Without a code the coordinator picks from buttons.
    const pick = await say(c.coordinator, c.instituteGroup, '/bindteam', /请选择要绑定的队伍/);
    await press(c.coordinator, c.instituteGroup, pick, /东湖镇为老助老队/, /已绑定到队伍/);
    const bound = await h.prisma.teamChat.findMany({ where: { channel: 'telegram' }, include: { team: true } });
    // The stranger's group stays unbound; each group went to the team named, by the coordinator.
    expect(bound.map((b) => `${b.chatId} ${b.team.code} ${b.boundById}`).sort()).toEqual(
      [`${c.stationGroup.id} S-XF-ELDER ${coordinator.personId}`, `${c.instituteGroup.id} I-DH-ELDER ${coordinator.personId}`].sort(),
    );
  });

  it('registers volunteer A in private chat, approved by the coordinator', async () => {
    const coordinator = await coordinatorAs(h, onTelegram(c.coordinator), 'I-DH');
    const { volA } = c;
    const dm = privateChat(volA);
    await say(volA, dm, '/register', /姓名/);
    await say(volA, dm, '李师傅', /手机号/);
    await say(volA, dm, '12345', /号码好像不对/);
    const stations = await say(volA, dm, '139 1234 0000', /实践站/);
    const teams = await press(volA, dm, stations, /幸福社区/, /选择要加入的队伍/);
    const toggled = await press(volA, dm, teams, /幸福社区为老服务队/, /选择要加入的队伍/);
    expect(() => button(toggled, /☑️ 幸福社区为老服务队/)).not.toThrow();
    await press(volA, dm, toggled, /选好了/, /特长/);
    const fromCoord = fake.messages.length;
    await say(volA, dm, '理发, 电工', /等待管理员审核/);
    const request = await wait(privateChat(c.coordinator), /新志愿者申请：李师傅/, fromCoord);
    expect(request.text).toContain('139****0000'); // masked for the coordinator
    expect(request.text).not.toContain('13912340000');
    expect(await pressAnswer(c.coordinator, request, /批准/)).toContain('已处理');
    await wait(dm, /注册已通过/, fromCoord);
    // The request now says who decided and when, and has no buttons left to press (a stale press
    // is refused by the use case: tests/integration/conversation/clerk-pass.test.ts).
    const settled = await wait(privateChat(c.coordinator), /✅ 已批准 · /, fromCoord);
    expect(settled.editOf).toBe(request.messageId);
    expect(JSON.stringify(settled.replyMarkup ?? {})).not.toContain('callback_data');
    // What the chat collected is on the books: name, full phone (hashed), skills, the team.
    const identity = await h.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: String(volA.id) } },
      include: { person: { include: { volunteer: { include: { memberships: { include: { team: true } } } } } } },
    });
    expect(personName(h.cipher, identity.person)).toBe('李师傅');
    expect(identity.person.phoneHash).toBe(h.cipher.hash('13912340000'));
    expect(identity.person.volunteer).toMatchObject({ status: 'approved', skills: ['理发', '电工'], approvedById: coordinator.personId });
    expect(identity.person.volunteer!.memberships.map((m) => m.team.code)).toEqual(['S-XF-ELDER']);
  });

  it('takes a resident from words to a saved need, asking only what is missing', async () => {
    const { resident } = c;
    const me = privateChat(resident);
    await say(resident, me, '/start', /百应志愿服务助手/);
    const proposal = await say(resident, me, NEED.description, /我理解您需要：为老助老/);
    const stations = await press(resident, me, proposal, /是的/, /哪个社区或村/);
    await press(resident, me, stations, /^幸福社区$/, /具体地址/);
    await say(resident, me, NEED.address, /什么时候/);
    await say(resident, me, '明天上午', /联系电话/);
    // "老人" in the first message already said who it is for: no beneficiary question.
    const summary = await say(resident, me, '138-1234-5678', /请确认/);
    expect(summary.text).toContain(NEED.phone);
    expect(summary.text).toContain('对象：老人');
    const saved = await press(resident, me, summary, /确认提交/, /已提交，编号 N-\d{8}-\d{4}/);
    const code = /N-\d{8}-\d{4}/.exec(saved.text!)![0];
    // Saved as understood: the category, the station picked, who it is for, the phone.
    const need = await h.prisma.need.findUniqueOrThrow({ where: { code }, include: { station: true, resident: { include: { identities: true } } } });
    expect(need).toMatchObject({ categoryCode: 'elderly', beneficiary: 'elderly', channel: 'telegram', wantedTime: null });
    expect(h.cipher.decrypt(need.wantedTimeEnc!)).toBe('明天上午');
    expect(need.station.code).toBe('S-XF');
    expect(need.resident.identities.map((i) => i.externalId)).toEqual([String(resident.id)]);
    expect(h.cipher.decrypt(need.phoneEnc!)).toBe(NEED.phone);
    expect(h.cipher.decrypt(need.addressEnc!)).toBe(NEED.address);
  });

  it('speaks only English to a resident whose Telegram is in English, until /lang picks Chinese', async () => {
    const resident: FakeUser = { id: c.resident.id, first_name: 'Mary', language_code: 'en' };
    const me = privateChat(resident);
    await say(resident, me, '/start', /I am the Baiying volunteer desk/);
    const proposal = await say(resident, me, 'My elderly mother needs a haircut at home', /I understand you need: Elderly care/);
    const stations = await press(resident, me, proposal, /^Yes$/, /Which community or village/);
    await press(resident, me, stations, /^Xingfu Community$/, /give the address/);
    await say(resident, me, 'Building 3, Room 501', /When would suit you/);
    await say(resident, me, 'tomorrow morning', /contact phone/);
    let summary = await say(resident, me, '13812345678', /Please confirm|Who is the service for/);
    if (/Who is the service for/.test(summary.text ?? '')) summary = await press(resident, me, summary, /^Elderly$/, /Please confirm/);
    expect(summary.text).toContain('Category: Elderly care');
    expect(summary.text).toContain('Place: Xingfu Community Building 3, Room 501');
    await press(resident, me, summary, /^Submit$/, /Submitted as N-\d{8}-\d{4}/);
    // Every message and every button this resident got: English only, never a Chinese half.
    const got = fake.messages.filter((m) => m.seq >= start && m.chatId === resident.id);
    const words = got.flatMap((m) => [m.text ?? '', ...buttonsOf(m).map((b) => b.text)]);
    expect(words.filter((w) => /[\u3400-\u9fff]/.test(w))).toEqual([]);
    const person = await h.prisma.person.findFirstOrThrow({ where: { identities: { some: { channel: 'telegram', externalId: String(resident.id) } } } });
    expect(person).toMatchObject({ locale: 'en', localeSource: 'text' });

    // Their own choice: /lang shows both languages, each named in itself; 中文 switches for good.
    const pick = await say(resident, me, '/lang', /Which language/);
    expect(buttonsOf(pick).map((b) => b.text)).toEqual(['中文', 'English']);
    await press(resident, me, pick, /^中文$/, /以后我都用中文/);
    const help = await say(resident, me, '/help', /居民：直接描述需求即可/);
    expect(help.text).not.toMatch(/Residents/);
    // English words no longer switch it back: a choice stands over any guess.
    const mine = await say(resident, me, 'my needs', /您的需求：/);
    expect(mine.text).not.toMatch(/Elderly care|Your needs/);
    expect(await h.prisma.person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ locale: 'zh', localeSource: 'chosen' });
  });

  it('writes the job card in the team language and each person in their own, from one use case', async () => {
    const { coordinator } = await givenTeams();
    // The coordinator switches the station group to English from the group itself.
    const pick = await say(c.coordinator, c.stationGroup, '/lang', /coordinator can set this group|管理员可以设置本群的语言/);
    expect(buttonsOf(pick).map((b) => b.text)).toEqual(['中文', 'English']);
    await say(c.coordinator, c.stationGroup, '/lang en', /this group \(Xingfu elderly care team\) gets messages in English/);
    // Nobody else may.
    await say(c.stranger, c.stationGroup, '/lang zh', /Only a coordinator can do that/);
    expect(coordinator.personId).toBeTruthy();
    await residentAs(h, onTelegram(c.resident, '王阿姨'));
    const need = await routedNeed(h, String(c.resident.id), { channel: 'telegram', teamCode: 'S-XF-ELDER', beneficiary: 'elderly', ...NEED });
    const card = await wait(c.stationGroup, new RegExp(`\\[New need ${need.code}\\]`));
    expect(card.text).toContain('Category: Elderly care');
    expect(card.text).toContain('Area: Xingfu Community');
    expect(card.text).toContain('For: Elderly');
    expect(card.text).not.toMatch(/[\u3400-\u9fff]/);
    expect(buttonsOf(card).map((b) => b.text)).toEqual(["I'll take it"]);
    // The institute group kept Chinese; the Chinese resident hears of the dispatch in Chinese only.
    const told = await wait(privateChat(c.resident), new RegExp(`您的需求 ${need.code} 已派给“幸福社区为老服务队”`));
    expect(told.text).not.toMatch(/[A-Za-z]{4}/);
  });

  it('posts a masked job card; of three simultaneous presses exactly one wins', async () => {
    await givenTeams();
    const { id, code, card } = await givenNeed();
    expect(card.text).toContain('幸福社区');
    expect(card.text).not.toContain('1381234');
    expect(card.text).not.toContain('3号楼');
    expect(card.text).not.toContain('理发');
    const data = button(card, /我来接单/);
    const ids = [c.volA, c.volB, c.volC].map((u) => fake.pressButton(u, card, data));
    const answers = await Promise.all(ids.map((i) => fake.waitForCallbackAnswer(i, { timeoutMs: 20_000 })));
    const won = answers.filter((a) => a.text?.includes('接单成功'));
    expect(won).toHaveLength(1);
    expect(answers.map((a) => a.text ?? '').filter((t) => !t.includes('接单成功'))).toEqual([
      expect.stringContaining('已被其他志愿者接单'),
      expect.stringContaining('已被其他志愿者接单'),
    ]);
    const need = await h.prisma.need.findUniqueOrThrow({ where: { id } });
    expect(need.status).toBe('claimed');
    expect(await h.prisma.claim.count({ where: { needId: id } })).toBe(1);
    // The winner is the one told so, and gets the details privately.
    const winnerId = Number((await h.prisma.channelIdentity.findFirstOrThrow({ where: { personId: need.claimedById!, channel: 'telegram' } })).externalId);
    const winner = [c.volA, c.volB, c.volC][answers.findIndex((a) => a.text?.includes('接单成功'))]!;
    expect(winnerId).toBe(winner.id);
    await wait(privateChat(winner), new RegExp(`您已接单 ${code}`));
    // The card now names the volunteer and has no button.
    const edited = await fake.waitFor(
      (m) => m.seq >= start && m.chatId === c.stationGroup.id && m.messageId === card.messageId && /已由 .+ 接单/.test(m.text ?? ''),
      { timeoutMs: 20_000 },
    );
    expect(edited.text).toContain(winner.first_name);
    expect(buttonsOf(edited)).toHaveLength(0);
  });

  it('gives the taker the details privately; release re-opens and re-posts with a reason', async () => {
    const cast = await givenTeams();
    const need = await givenNeed();
    const details = await givenTaken(cast.volA, c.volA, need);
    expect(details.text).toContain(NEED.phone);
    expect(details.text).toContain(NEED.address);
    await wait(privateChat(c.resident), new RegExp(`李师傅 接下了您的需求 ${need.code}`));
    const from = fake.messages.length;
    await press(c.volA, privateChat(c.volA), details, /放弃/, /放弃 .* 的原因/);
    await say(c.volA, privateChat(c.volA), '临时有事去不了', /已放弃/);
    await wait(privateChat(c.resident), /正在重新安排/, from);
    const repost = await cardFor(c.stationGroup, need.code, from);
    expect(repost.messageId).not.toBe(need.card.messageId);
    // The first card says why it is void and can no longer be pressed.
    const reopened = await wait(c.stationGroup, /志愿者已放弃，已重新派单/, from);
    expect(reopened.messageId).toBe(need.card.messageId);
    expect(buttonsOf(reopened)).toHaveLength(0);
    // Someone else takes the re-posted card.
    expect(await pressAnswer(c.volB, repost, /我来接单/)).toContain('接单成功');
    // The one who released it, pressing the re-posted card too late, is refused and changes nothing.
    expect(await pressAnswer(c.volA, repost, /我来接单/)).toContain('已被其他志愿者接单');
    const claims = await h.prisma.claim.findMany({ where: { needId: need.id }, orderBy: { createdAt: 'asc' } });
    expect(claims.map((x) => [x.volunteerId, x.status])).toEqual([
      [cast.volA.personId, 'released'],
      [cast.volB.personId, 'active'],
    ]);
    expect(claims[0]!.releaseReason).toBe('volunteer');
    expect(h.cipher.decrypt(claims[0]!.releaseReasonEnc!)).toBe('临时有事去不了');
  });

  it('walks on-my-way, done with hours, confirmation, rating, and credits hours and points', async () => {
    const cast = await givenTeams();
    const need = await givenNeed();
    const doer = c.volA;
    const dm = privateChat(doer);
    const resident = privateChat(c.resident);
    const details = await givenTaken(cast.volA, doer, need);
    const from = fake.messages.length;
    expect(await pressAnswer(doer, details, /出发了/)).toContain('已告诉居民您出发了');
    await wait(resident, new RegExp(`李师傅 已出发（${need.code}）`), from);
    const ask = await press(doer, dm, details, /已完成/, /多少小时/);
    await press(doer, dm, ask, /^2 小时/, /已记录 2 小时/);
    const confirm = await wait(resident, /是否已完成/, from);
    const rateAsk = await press(c.resident, resident, confirm, /是，已完成/, /请为这次服务打分/);
    await wait(dm, /2 小时和 20 积分已计入/, from);
    await press(c.resident, resident, rateAsk, /^⭐⭐⭐⭐⭐ 5星$/, /还想说点什么/);
    await say(c.resident, resident, '师傅手艺很好，谢谢！', /感谢您的评价/);
    // Buttons that remember: the question and the stars now say what was answered, without buttons
    // (a second rating is refused: clerk-pass presses a stale copy).
    const settledStars = await wait(resident, new RegExp(`您为 ${need.code} 打了 ⭐⭐⭐⭐⭐ 5星`), from);
    expect(settledStars.messageId).toBe(rateAsk.messageId);
    expect(settledStars.replyMarkup && 'inline_keyboard' in settledStars.replyMarkup ? settledStars.replyMarkup.inline_keyboard.flat() : []).toEqual([]);
    const settledAsk = await wait(resident, new RegExp(`需求 ${need.code}：✅ 您已确认完成`), from);
    expect(settledAsk.messageId).toBe(confirm.messageId);
    const me = await say(doer, dm, '/me', /累计服务/);
    expect(me.text).toContain('累计服务 2 小时');
    expect(me.text).toContain('积分 20');
    const rating = await h.prisma.rating.findUniqueOrThrow({ where: { needId: need.id } });
    expect(rating).toMatchObject({ score: 5, comment: null });
    expect(h.cipher.decrypt(rating.commentEnc!)).toBe('师傅手艺很好，谢谢！');
    expect((await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('confirmed');
    const records = await h.prisma.serviceRecord.findMany({ where: { needId: need.id } });
    expect(records.map((r) => [r.volunteerId, r.status, r.hours.toNumber()])).toEqual([[cast.volA.personId, 'credited', 2]]);
    const my = await say(c.resident, resident, '/my', /^您的需求：/);
    expect(my.text).toContain(need.code);
    expect(my.text).toContain('已完成');
  });

  it('escalates an untaken need to the institute after the SLA and alerts the coordinator', async () => {
    await givenTeams();
    const { resident, volB, volC } = c;
    const me = privateChat(resident);
    const proposal = await say(resident, me, '奶奶一个人住，想请人陪她去医院看病，电话13900001111，明天下午', /我理解您需要|请选择|不太确定/);
    // Whatever was guessed, pick the elderly category explicitly.
    const cats = /我理解您需要：为老助老/.test(proposal.text ?? '') ? proposal : await press(resident, me, proposal, /换一个类别/, /请选择最接近的类别/);
    const next = /我理解您需要/.test(cats.text ?? '')
      ? await press(resident, me, cats, /是的/, /哪个社区或村/)
      : await press(resident, me, cats, /^为老助老$/, /哪个社区或村/);
    let m = await press(resident, me, next, /^幸福社区$/, /具体地址|什么时候|联系电话|服务对象|请确认/);
    for (let i = 0; i < 6 && !/请确认/.test(m.text ?? ''); i++) {
      if (/具体地址/.test(m.text ?? '')) m = await press(resident, me, m, /跳过/, /什么时候|联系电话|服务对象|请确认/);
      else if (/什么时候/.test(m.text ?? '')) m = await say(resident, me, '明天下午', /联系电话|服务对象|请确认/);
      else if (/联系电话/.test(m.text ?? '')) m = await press(resident, me, m, /跳过/, /服务对象|请确认/);
      else if (/服务对象/.test(m.text ?? '')) m = await press(resident, me, m, /^老人/, /请确认/);
    }
    const saved = await press(resident, me, m, /确认提交/, /已提交，编号/);
    const code = /N-\d{8}-\d{4}/.exec(saved.text!)![0];
    const stationCard = await cardFor(c.stationGroup, code);
    // Nobody takes it: after the station SLA (9 s) it goes to the institute's group.
    const instCard = await cardFor(c.instituteGroup, code, start, 40_000);
    const edited = await wait(c.stationGroup, /超时未接，已转交东湖镇/);
    expect(edited.messageId).toBe(stationCard.messageId);
    const alert = await wait(privateChat(c.coordinator), new RegExp(`${code}.*无人接单，已升级到东湖镇`));
    expect(alert.text).not.toContain('13900001111');
    await wait(me, /已转交东湖镇/);
    // Volunteer C is not in the institute team: refused while the need is still open.
    expect(await pressAnswer(volC, instCard, /我来接单/)).toContain('不是该队伍的成员');
    expect(await pressAnswer(volB, instCard, /我来接单/)).toContain('接单成功');
    const need = await h.prisma.need.findUniqueOrThrow({ where: { code }, include: { ownerUnit: true } });
    expect(need.ownerUnit.code).toBe('I-DH');
    expect(need.status).toBe('claimed');
  }, 90_000);

  it('honours a 429 with retry_after and still delivers exactly once', async () => {
    // Nothing else is on its way out: the injected 429 meets the reply below.
    await outboundSettled(h, '');
    const before = fake.stats.status429;
    fake.failNext('sendMessage', 1, { status: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    await say(c.resident, privateChat(c.resident), '/help', /居民：直接描述需求即可/);
    expect(fake.stats.status429).toBe(before + 1);
    // A second update in the same chat, answered, shows the retried send did not go out twice.
    await say(c.resident, privateChat(c.resident), '/my', /您还没有提交过需求/);
    expect(fake.chatMessages(c.resident.id).filter((x) => /居民：直接描述需求即可/.test(x.text ?? ''))).toHaveLength(1);
  });

  it('processes a repeated update once', async () => {
    await residentAs(h, onTelegram(c.resident, '王阿姨'));
    const need = await routedNeed(h, String(c.resident.id), { channel: 'telegram', ...NEED });
    const chat = privateChat(c.resident);
    const u = fake.sendText(c.resident, chat, '/my');
    fake.duplicate(u);
    const my = await wait(chat, /您的需求：/);
    expect(my.text).toContain(need.code);
    // Updates of one chat are handled in order: once a later message is answered, the duplicate
    // before it has been handled too (and must have changed nothing).
    await say(c.resident, chat, '/help', /居民：直接描述需求即可/);
    expect(fake.chatMessages(c.resident.id).filter((x) => /您的需求：/.test(x.text ?? ''))).toHaveLength(1);
    expect(await h.prisma.processedUpdate.count({ where: { channel: 'telegram', updateId: `${fake.botInfo.id}:${u.update_id}` } })).toBe(1);
  });
});
