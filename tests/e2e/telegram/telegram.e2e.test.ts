// End to end on Telegram: the compiled bot and worker run as child processes against a local
// fake Bot API server (real HTTP on 127.0.0.1, Telegram's flood limits enforced). A resident,
// three volunteers in a team group and a coordinator walk the whole loop: intake, dispatch,
// a three-way take race, release and re-dispatch, escalation after a shortened SLA, done,
// confirmation, rating, hours.
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, type PrismaClient } from '@baiying/db';
import { FakeBotApi, type FakeChat, type FakeUser, type SentMessage } from '../../support/fake-telegram/fake-bot-api.js';
import { startApp, type AppProcess } from '../../support/processes.js';
import { flushPrefix, resetDatabase, testEnv } from '../../support/test-env.js';

const TOKEN = '123456:TEST-token_for_e2e';
const resident: FakeUser = { id: 1001, first_name: '王', last_name: '阿姨' };
const volA: FakeUser = { id: 2001, first_name: '李师傅' };
const volB: FakeUser = { id: 2002, first_name: '张护士' };
const volC: FakeUser = { id: 2003, first_name: '陈阿姨' };
const coordinator: FakeUser = { id: 3001, first_name: '赵主任' };
const stranger: FakeUser = { id: 4001, first_name: '路人' };
const privateChat = (u: FakeUser): FakeChat => ({ id: u.id, type: 'private' });
const stationGroup: FakeChat = { id: -5001, type: 'supergroup', title: '幸福社区为老服务队群' };
const instituteGroup: FakeChat = { id: -5002, type: 'supergroup', title: '东湖镇为老助老队群' };
const otherGroup: FakeChat = { id: -5003, type: 'supergroup', title: '闲聊群' };

function button(m: SentMessage, label: RegExp): string {
  const kb = m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard : [];
  for (const row of kb) for (const b of row) if (label.test(b.text) && 'callback_data' in b && b.callback_data) return b.callback_data;
  throw new Error(`no button ${label} on message: ${m.text}`);
}

describe('Telegram end to end', () => {
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_test_bot', first_name: '百应' } });
  // Station SLA 60 min × 0.0025 = 9 s; institute 18 s: long enough for the volunteers here.
  let env: Record<string, string>;
  let prisma: PrismaClient;
  let bot: AppProcess;
  let worker: AppProcess;

  // On a timeout the error carries the tail of the bot's and the worker's logs.
  const wait = (chat: FakeChat, text: RegExp, fromSeq: number, timeoutMs = 20_000) =>
    fake.waitFor({ chatId: chat.id, text }, { fromSeq, timeoutMs, description: String(text) }).catch((e: Error) => {
      throw new Error(`${e.message}\n--- bot ---\n${bot.output().slice(-3000)}\n--- worker ---\n${worker.output().slice(-1500)}`);
    });

  async function say(user: FakeUser, chat: FakeChat, text: string, expect: RegExp): Promise<SentMessage> {
    const from = fake.messages.length;
    fake.sendText(user, chat, text);
    return wait(chat, expect, from);
  }

  async function press(user: FakeUser, chat: FakeChat, m: SentMessage, label: RegExp, expect?: RegExp): Promise<SentMessage | string> {
    const from = fake.messages.length;
    const id = fake.pressButton(user, m, button(m, label));
    const answer = await fake.waitForCallbackAnswer(id, { timeoutMs: 20_000 });
    if (!expect) return answer.text ?? '';
    return wait(chat, expect, from);
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
    prisma = createPrismaClient(env.DATABASE_URL!, 5);
    const cipher = new FieldCipher(Buffer.from(env.ENCRYPTION_KEY!, 'hex'));
    await resetDatabase(prisma, cipher, { webGroups: false });
    // Two volunteers and the coordinator are already on the books; volunteer A registers in chat.
    const team = await prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
    const instTeam = await prisma.team.findUniqueOrThrow({ where: { code: 'I-DH-ELDER' } });
    for (const [u, teams] of [
      [volB, [team.id, instTeam.id]],
      [volC, [team.id]],
    ] as const) {
      await prisma.person.create({
        data: {
          displayName: u.first_name,
          identities: { create: { channel: 'telegram', externalId: String(u.id), chatId: String(u.id) } },
          volunteer: { create: { stationId: team.orgUnitId, status: 'approved', memberships: { create: teams.map((teamId) => ({ teamId })) } } },
        },
      });
    }
    const institute = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
    await prisma.person.create({
      data: {
        displayName: '赵主任',
        identities: { create: { channel: 'telegram', externalId: String(coordinator.id), chatId: String(coordinator.id) } },
        roles: { create: { role: 'coordinator', orgUnitId: institute.id } },
      },
    });
    worker = await startApp('worker', env, /startup reconcile/);
    bot = await startApp('bot', env, /long polling/);
    // Readiness: one full round trip (poll → transaction → outbound queue → send) before the
    // tests, so a cold start on a busy machine is not charged to the first test's timeout.
    const warm: FakeUser = { id: 999, first_name: 'warm-up' };
    fake.sendText(warm, privateChat(warm), '/help');
    await fake.waitFor({ chatId: warm.id, text: /居民：直接描述需求即可/ }, { timeoutMs: 60_000, description: 'warm-up reply' }).catch((e: Error) => {
      throw new Error(`${e.message}\n--- bot ---\n${bot.output().slice(-4000)}\n--- worker ---\n${worker.output().slice(-1500)}`);
    });
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await worker?.stop();
    await fake.stop();
    await prisma?.$disconnect();
    await flushPrefix(env.REDIS_URL!, env.REDIS_PREFIX!);
  });

  afterEach(() => {
    const s = fake.stats;
    // The bot paces itself: it may meet injected 429s, never breach a told retry_after.
    expect(s.limitBreaches).toBe(0);
  });

  it('lets only a coordinator of the team bind a group', async () => {
    fake.addBotToGroup(stationGroup, coordinator);
    await wait(stationGroup, /bindteam/, 0);
    let m = await say(stranger, otherGroup, '/bindteam S-XF-ELDER', /只有管理员/);
    expect(m.text).toContain('Only a coordinator');
    m = await say(coordinator, stationGroup, '/bindteam S-XF-ELDER', /已绑定到队伍/);
    expect(m.text).toContain('幸福社区为老服务队');
    // Without a code the coordinator picks from buttons.
    const pick = await say(coordinator, instituteGroup, '/bindteam', /请选择要绑定的队伍/);
    await press(coordinator, instituteGroup, pick, /东湖镇为老助老队/, /已绑定到队伍/);
    expect(await prisma.teamChat.count({ where: { channel: 'telegram' } })).toBe(2);
  });

  it('registers volunteer A in private chat, approved by the coordinator', async () => {
    await say(volA, privateChat(volA), '/register', /姓名/);
    await say(volA, privateChat(volA), '李师傅', /手机号/);
    await say(volA, privateChat(volA), '12345', /号码好像不对/);
    const stations = await say(volA, privateChat(volA), '139 1234 0000', /实践站/);
    const teams = (await press(volA, privateChat(volA), stations, /幸福社区/, /选择要加入的队伍/)) as SentMessage;
    const toggled = (await press(volA, privateChat(volA), teams, /幸福社区为老服务队/, /选择要加入的队伍/)) as SentMessage;
    expect(button(toggled, /☑️ 幸福社区为老服务队/)).toBeTruthy();
    const skills = (await press(volA, privateChat(volA), toggled, /选好了/, /特长/)) as SentMessage;
    const fromCoord = fake.messages.length;
    await say(volA, privateChat(volA), '理发, 电工', /等待管理员审核/);
    const request = await wait(privateChat(coordinator), /新志愿者申请：李师傅/, fromCoord);
    expect(request.text).toContain('139****0000'); // masked for the coordinator
    expect(skills.text).toBeDefined();
    const answer = await press(coordinator, privateChat(coordinator), request, /批准/);
    expect(answer).toContain('已处理');
    await wait(privateChat(volA), /注册已通过/, fromCoord);
    // A second press on the same approval changes nothing.
    expect(await press(coordinator, privateChat(coordinator), request, /批准/)).toContain('已经处理过');
  });

  let needCode = '';

  it('takes a resident from words to a saved need, asking only what is missing', async () => {
    const me = privateChat(resident);
    await say(resident, me, '/start', /百应志愿服务助手/);
    const proposal = await say(resident, me, '我家老人腿脚不便，想找人上门理发', /我理解您需要：为老助老/);
    const stations = (await press(resident, me, proposal, /是的/, /哪个社区或村/)) as SentMessage;
    await press(resident, me, stations, /^幸福社区$/, /具体地址/);
    await say(resident, me, '幸福小区3号楼2单元501', /什么时候/);
    await say(resident, me, '明天上午', /联系电话/);
    // "老人" in the first message already said who it is for: no beneficiary question.
    const summary = await say(resident, me, '138-1234-5678', /请确认/);
    expect(summary.text).toContain('13812345678');
    expect(summary.text).toContain('对象：老人');
    const saved = (await press(resident, me, summary, /确认提交/, /已提交，编号 N-\d{8}-\d{4}/)) as SentMessage;
    needCode = /N-\d{8}-\d{4}/.exec(saved.text!)![0];
  });

  it('posts a masked job card; of three simultaneous presses exactly one wins', async () => {
    const card = await wait(stationGroup, new RegExp(`新需求 ${needCode}`), 0);
    expect(card.text).toContain('幸福社区');
    expect(card.text).not.toContain('1381234');
    expect(card.text).not.toContain('3号楼');
    expect(card.text).not.toContain('理发');
    const data = button(card, /我来接单/);
    const ids = [volA, volB, volC].map((u) => fake.pressButton(u, card, data));
    const answers = await Promise.all(ids.map((id) => fake.waitForCallbackAnswer(id, { timeoutMs: 20_000 })));
    const won = answers.filter((a) => a.text?.includes('接单成功'));
    expect(won).toHaveLength(1);
    expect(answers.map((a) => a.text ?? '').filter((t) => !t.includes('接单成功'))).toEqual([
      expect.stringContaining('已被其他志愿者接单'),
      expect.stringContaining('已被其他志愿者接单'),
    ]);
    const need = await prisma.need.findUniqueOrThrow({ where: { code: needCode } });
    expect(need.status).toBe('claimed');
    expect(await prisma.claim.count({ where: { needId: need.id } })).toBe(1);
    // The card now names the volunteer and has no button.
    const edited = await fake.waitFor((m) => m.chatId === stationGroup.id && m.messageId === card.messageId && /已由 .+ 接单/.test(m.text ?? ''), {
      timeoutMs: 20_000,
    });
    expect(edited.replyMarkup && 'inline_keyboard' in edited.replyMarkup ? edited.replyMarkup.inline_keyboard.flat() : []).toHaveLength(0);
  });

  it('gives the winner the details privately; release re-opens and re-posts with a reason', async () => {
    const need = await prisma.need.findUniqueOrThrow({ where: { code: needCode } });
    const winnerId = Number((await prisma.channelIdentity.findFirstOrThrow({ where: { personId: need.claimedById!, channel: 'telegram' } })).externalId);
    const winner = [volA, volB, volC].find((u) => u.id === winnerId)!;
    const details = await wait(privateChat(winner), new RegExp(`您已接单 ${needCode}`), 0);
    expect(details.text).toContain('13812345678');
    expect(details.text).toContain('幸福小区3号楼2单元501');
    await wait(privateChat(resident), /接下了您的需求/, 0);
    const from = fake.messages.length;
    await press(winner, privateChat(winner), details, /放弃/, /放弃 .* 的原因/);
    await say(winner, privateChat(winner), '临时有事去不了', /已放弃/);
    await wait(privateChat(resident), /正在重新安排/, from);
    const repost = await wait(stationGroup, new RegExp(`新需求 ${needCode}`), from);
    // Someone else takes the re-posted card.
    const next = [volB, volC].find((u) => u.id !== winner.id)!;
    const answer = await fake.waitForCallbackAnswer(fake.pressButton(next, repost, button(repost, /我来接单/)), { timeoutMs: 20_000 });
    expect(answer.text).toContain('接单成功');
    // The old card, pressed again, is refused and changes nothing.
    const stale = await fake.waitForCallbackAnswer(fake.pressButton(winner, repost, button(repost, /我来接单/)), { timeoutMs: 20_000 });
    expect(stale.text).toMatch(/已被其他志愿者接单|已过期|不在可接/);
    const claims = await prisma.claim.findMany({ where: { needId: need.id }, orderBy: { createdAt: 'asc' } });
    expect(claims.map((c) => c.status)).toEqual(['released', 'active']);
    expect(claims[0]!.releaseReason).toBe('临时有事去不了');
  });

  it('walks on-my-way, done with hours, confirmation, rating, and credits hours and points', async () => {
    const need = await prisma.need.findUniqueOrThrow({ where: { code: needCode } });
    const doerId = Number((await prisma.channelIdentity.findFirstOrThrow({ where: { personId: need.claimedById!, channel: 'telegram' } })).externalId);
    const doer = [volA, volB, volC].find((u) => u.id === doerId)!;
    const dm = privateChat(doer);
    const details = await wait(dm, new RegExp(`您已接单 ${needCode}`), 0);
    const from = fake.messages.length;
    await press(doer, dm, details, /出发了/);
    await wait(privateChat(resident), /已出发/, from);
    const ask = (await press(doer, dm, details, /已完成/, /多少小时/)) as SentMessage;
    await press(doer, dm, ask, /^2 小时/, /已记录 2 小时/);
    const confirm = await wait(privateChat(resident), /是否已完成/, from);
    const rateAsk = (await press(resident, privateChat(resident), confirm, /是，已完成/, /请为这次服务打分/)) as SentMessage;
    await wait(dm, /2 小时和 20 积分已计入/, from);
    await press(resident, privateChat(resident), rateAsk, /^⭐⭐⭐⭐⭐$/, /还想说点什么/);
    await say(resident, privateChat(resident), '师傅手艺很好，谢谢！', /感谢您的评价/);
    // Rating twice is refused.
    expect(await press(resident, privateChat(resident), rateAsk, /^⭐⭐⭐$/)).toContain('已经评价过');
    const me = await say(doer, dm, '/me', /累计服务/);
    expect(me.text).toContain('累计服务 2 小时');
    expect(me.text).toContain('积分 20');
    const rating = await prisma.rating.findUniqueOrThrow({ where: { needId: need.id } });
    expect(rating).toMatchObject({ score: 5, comment: '师傅手艺很好，谢谢！' });
    expect((await prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('confirmed');
    const my = await say(resident, privateChat(resident), '/my', /您的需求/);
    expect(my.text).toContain(needCode);
    expect(my.text).toContain('已完成');
  });

  it('escalates an untaken need to the institute after the SLA and alerts the coordinator', async () => {
    const me = privateChat(resident);
    const from = fake.messages.length;
    const proposal = await say(resident, me, '奶奶一个人住，想请人陪她去医院看病，电话13900001111，明天下午', /我理解您需要|请选择|不太确定/);
    // Whatever was guessed, pick the elderly category explicitly.
    const cats = /我理解您需要：为老助老/.test(proposal.text ?? '')
      ? proposal
      : ((await press(resident, me, proposal, /换一个类别/, /请选择最接近的类别/)) as SentMessage);
    const next = /我理解您需要/.test(cats.text ?? '')
      ? ((await press(resident, me, cats, /是的/, /哪个社区或村/)) as SentMessage)
      : ((await press(resident, me, cats, /^为老助老$/, /哪个社区或村/)) as SentMessage);
    let m = (await press(resident, me, next, /^幸福社区$/, /具体地址|什么时候|联系电话|服务对象|请确认/)) as SentMessage;
    for (let i = 0; i < 6 && !/请确认/.test(m.text ?? ''); i++) {
      if (/具体地址/.test(m.text ?? '')) m = (await press(resident, me, m, /跳过/, /什么时候|联系电话|服务对象|请确认/)) as SentMessage;
      else if (/什么时候/.test(m.text ?? '')) m = await say(resident, me, '明天下午', /联系电话|服务对象|请确认/);
      else if (/联系电话/.test(m.text ?? '')) m = (await press(resident, me, m, /跳过/, /服务对象|请确认/)) as SentMessage;
      else if (/服务对象/.test(m.text ?? '')) m = (await press(resident, me, m, /^老人/, /请确认/)) as SentMessage;
    }
    const saved = (await press(resident, me, m, /确认提交/, /已提交，编号/)) as SentMessage;
    const code = /N-\d{8}-\d{4}/.exec(saved.text!)![0];
    await wait(stationGroup, new RegExp(`新需求 ${code}`), from);
    // Nobody takes it: after the station SLA (9 s) it goes to the institute's group.
    const instCard = await wait(instituteGroup, new RegExp(`新需求 ${code}`), from, 40_000);
    await fake.waitFor((x) => x.chatId === stationGroup.id && /超时未接，已转交东湖镇/.test(x.text ?? ''), { timeoutMs: 20_000 });
    const alert = await wait(privateChat(coordinator), new RegExp(`${code}.*无人接单，已升级到东湖镇`), from);
    expect(alert.text).not.toContain('13900001111');
    await wait(me, /已转交东湖镇/, from);
    const answer = await fake.waitForCallbackAnswer(fake.pressButton(volB, instCard, button(instCard, /我来接单/)), { timeoutMs: 20_000 });
    expect(answer.text).toContain('接单成功');
    // Volunteer C is not in the institute team: refused.
    const outsider = await fake.waitForCallbackAnswer(fake.pressButton(volC, instCard, button(instCard, /我来接单/)), { timeoutMs: 20_000 });
    expect(outsider.text).toMatch(/不是该队伍的成员|已被其他志愿者接单/);
  }, 90_000);

  it('honours a 429 with retry_after and still delivers exactly once', async () => {
    fake.failNext('sendMessage', 1, { status: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const from = fake.messages.length;
    await say(resident, privateChat(resident), '/help', /居民：直接描述需求即可/);
    expect(fake.messages.slice(from).filter((m) => m.chatId === resident.id && /居民：直接描述需求即可/.test(m.text ?? ''))).toHaveLength(1);
    expect(fake.stats.status429).toBeGreaterThanOrEqual(1);
  });

  it('processes a repeated update once', async () => {
    const from = fake.messages.length;
    const u = fake.sendText(resident, privateChat(resident), '/my');
    fake.duplicate(u);
    await wait(privateChat(resident), /您的需求：/, from);
    // Updates of one chat are handled in order: once a later message is answered, the duplicate
    // before it has been handled too (and must have changed nothing).
    await say(resident, privateChat(resident), '/help', /居民：直接描述需求即可/);
    expect(fake.messages.slice(from).filter((m) => m.chatId === resident.id && /您的需求：/.test(m.text ?? ''))).toHaveLength(1);
  });
});
