// 一呼百应 and 平战结合 end to end, through the chat channels and the HTTP API.
// Part 1 (Telegram): the compiled bot and worker run as child processes against the fake Bot API:
// a coordinator walks /call to the preview and sends it; volunteers answer by button; the
// coordinator's tally is edited in place; the waiting list is promoted; the coordinator's
// controls; the HTTP API with a personal token from /token; emergency mode (banner, private
// cards with one winner, the short SLA, escalation straight to the county, back to daily).
// Part 2 (WeChat): the bot in-process with wechaty-puppet-mock: answers by keyword, check-in by
// the code from the tally, check-out credits hours and points.
// The two parts run one after the other (each resets the run's database).
import type { EventEmitter } from 'node:events';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { loadConfig, type AppConfig } from '@baiying/config';
import type { Channel } from '@baiying/db';
import { startBot } from '../apps/bot/src/bootstrap.js';
import { startWorker } from '../apps/worker/src/bootstrap.js';
import { FakeBotApi, type FakeChat, type FakeUser, type SentMessage } from './support/fake-telegram/fake-bot-api.js';
import { startApp, type AppProcess } from './support/processes.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, testEnv, waitUntil, type DeskHarness } from './support/test-env.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function buttonData(m: SentMessage, text: RegExp): string {
  const kb = m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard : [];
  for (const row of kb) for (const b of row) if (text.test(b.text) && 'callback_data' in b && b.callback_data) return b.callback_data;
  throw new Error(`no button ${text} on message: ${m.text}`);
}

function buttonCount(m: SentMessage): number {
  return m.replyMarkup && 'inline_keyboard' in m.replyMarkup ? m.replyMarkup.inline_keyboard.flat().length : 0;
}

// ---------------------------------------------------------------------------------------------
// Part 1: Telegram, the HTTP API and emergency mode
// ---------------------------------------------------------------------------------------------

describe('一呼百应 and 平战结合 on Telegram and the HTTP API', () => {
  const TOKEN = '424242:MOBILISE-chat_e2e';
  const EMERGENCY_SLA_MINUTES = 3;
  const SLA_TIME_FACTOR = 0.05; // emergency SLA 3 min → 9 s; daily urgent 15 min → 45 s
  const fake = new FakeBotApi({ token: TOKEN, botInfo: { username: 'baiying_call_bot', first_name: '百应' } });

  const coord: FakeUser = { id: 3101, first_name: '赵主任' }; // the seeded I-DH coordinator, on Telegram
  const county: FakeUser = { id: 3102, first_name: '孙主任' }; // the seeded county coordinator, on Telegram
  const stationCoord: FakeUser = { id: 3103, first_name: '站长' }; // coordinator of station S-XF
  const vols: FakeUser[] = [
    { id: 2101, first_name: '甲' },
    { id: 2102, first_name: '乙' },
    { id: 2103, first_name: '丙' },
    { id: 2104, first_name: '丁' },
  ];
  const [v1, v2, v3, v4] = vols as [FakeUser, FakeUser, FakeUser, FakeUser];
  const outsider: FakeUser = { id: 2201, first_name: '西山志愿者' }; // S-XS: outside I-DH
  const responders: FakeUser[] = [
    { id: 2301, first_name: '应急一' },
    { id: 2302, first_name: '应急二' },
    { id: 2303, first_name: '应急三' },
  ];
  const groupXF: FakeChat = { id: -5101, type: 'supergroup', title: '幸福社区为老服务队群' };
  const groupDH: FakeChat = { id: -5102, type: 'supergroup', title: '东湖镇为老助老队群' };
  const groupC: FakeChat = { id: -5103, type: 'supergroup', title: '县为老助老志愿服务队群' };
  const dm = (u: FakeUser): FakeChat => FakeBotApi.privateChat(u);

  let env: Record<string, string>;
  let config: AppConfig;
  let h: DeskHarness;
  let bot: AppProcess;
  let worker: AppProcess;
  let apiBase = '';
  const personOf = new Map<number, string>();

  const logs = () => `\n--- bot ---\n${bot?.output().slice(-3000)}\n--- worker ---\n${worker?.output().slice(-2000)}`;

  const wait = (chat: FakeChat, text: RegExp, fromSeq: number, timeoutMs = 20_000) =>
    fake.waitFor({ chatId: chat.id, text }, { fromSeq, timeoutMs, description: String(text) }).catch((e: Error) => {
      throw new Error(`${e.message}${logs()}`);
    });

  async function say(user: FakeUser, text: string, expect: RegExp, chat: FakeChat = dm(user)): Promise<SentMessage> {
    const from = fake.messages.length;
    fake.sendText(user, chat, text);
    return wait(chat, expect, from);
  }

  /** Presses a button; returns the toast text. */
  async function press(user: FakeUser, m: SentMessage, label: RegExp): Promise<string> {
    const id = fake.pressButton(user, m, buttonData(m, label));
    const a = await fake.waitForCallbackAnswer(id, { timeoutMs: 20_000 });
    return a.text ?? '';
  }

  /** Presses a button and waits for the bot's next message in that chat. */
  async function pressThen(user: FakeUser, m: SentMessage, label: RegExp, expect: RegExp): Promise<SentMessage> {
    const from = fake.messages.length;
    await press(user, m, label);
    return wait({ id: m.chatId, type: m.chatId > 0 ? 'private' : 'supergroup' } as FakeChat, expect, from);
  }

  async function telegramPerson(u: FakeUser, data: { station?: string; teams?: string[]; coordinatorOf?: string }): Promise<string> {
    const station = data.station ? await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: data.station } }) : null;
    const teams = await h.prisma.team.findMany({ where: { code: { in: data.teams ?? [] } } });
    const unit = data.coordinatorOf ? await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: data.coordinatorOf } }) : null;
    const p = await h.prisma.person.create({
      data: {
        displayName: u.first_name,
        identities: { create: { channel: 'telegram', externalId: String(u.id), chatId: String(u.id) } },
        ...(station ? { volunteer: { create: { stationId: station.id, status: 'approved', approvedAt: new Date(), memberships: { create: teams.map((t) => ({ teamId: t.id })) } } } } : {}),
        ...(unit ? { roles: { create: { role: 'coordinator', orgUnitId: unit.id } } } : {}),
      },
    });
    personOf.set(u.id, p.id);
    return p.id;
  }

  /** Gives a seeded (web) person a Telegram identity too: the newest identity gets their messages. */
  async function linkSeeded(key: string, u: FakeUser): Promise<void> {
    const web = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: key } } });
    await h.prisma.channelIdentity.create({ data: { personId: web.personId, channel: 'telegram', externalId: String(u.id), chatId: String(u.id) } });
    personOf.set(u.id, web.personId);
  }

  async function bindGroup(chat: FakeChat, teamCode: string): Promise<void> {
    const team = await h.prisma.team.findUniqueOrThrow({ where: { code: teamCode } });
    await h.prisma.teamChat.create({ data: { teamId: team.id, channel: 'telegram', chatId: String(chat.id), title: chat.title ?? null } });
  }

  beforeAll(async () => {
    await fake.start();
    env = testEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      SLA_TIME_FACTOR: String(SLA_TIME_FACTOR),
      EMERGENCY_SLA_MINUTES: String(EMERGENCY_SLA_MINUTES),
      CALL_TALLY_REFRESH_MS: '500',
      OUTBOX_POLL_MS: '200',
      RECONCILE_INTERVAL_SECONDS: '5',
      LOG_LEVEL: 'log',
    });
    config = loadConfig(env);
    h = deskHarness(config, 5);
    // Web team groups stay (every team is reachable); Telegram groups are bound below.
    await resetDatabase(h.prisma, h.cipher);
    await linkSeeded('demo-coord-dh', coord);
    await linkSeeded('demo-coord-county', county);
    await telegramPerson(stationCoord, { coordinatorOf: 'S-XF' });
    await telegramPerson(v1, { station: 'S-XF', teams: ['S-XF-ELDER'] });
    await telegramPerson(v2, { station: 'S-XF', teams: ['S-XF-ELDER'] });
    await telegramPerson(v3, { station: 'S-XF', teams: ['S-XF-REPAIR'] });
    await telegramPerson(v4, { station: 'S-HP', teams: ['S-HP-ELDER'] });
    await telegramPerson(outsider, { station: 'S-XS', teams: ['S-XS-EDU'] });
    // The county's emergency team; its members live outside 东湖镇 (so daily calls there miss them).
    for (const [i, r] of responders.entries()) await telegramPerson(r, { station: i === 2 ? 'S-TY' : 'S-XS', teams: ['C-EMERGENCY'] });
    await bindGroup(groupXF, 'S-XF-ELDER');
    await bindGroup(groupDH, 'I-DH-ELDER');
    await bindGroup(groupC, 'C-ELDERLY');
    worker = await startApp('worker', env, /startup reconcile/);
    bot = await startApp('bot', env, /Web chat: http:\/\/\S+\//);
    const port = /Web chat: http:\/\/[^:/]+:(\d+)\//.exec(bot.output())?.[1];
    if (!port) throw new Error(`no HTTP port in the bot's log${logs()}`);
    apiBase = `http://127.0.0.1:${port}/api/calls`;
    const warm: FakeUser = { id: 999, first_name: 'warm-up' };
    fake.sendText(warm, dm(warm), '/help');
    await fake.waitFor({ chatId: warm.id, text: /居民：直接描述需求即可/ }, { timeoutMs: 60_000, description: 'warm-up reply' }).catch((e: Error) => {
      throw new Error(`${e.message}${logs()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await worker?.stop();
    await fake.stop();
    if (config) await flushPrefix(config.redisUrl, config.redisPrefix);
    await h?.close();
  });

  afterEach(() => {
    expect(fake.stats.limitBreaches).toBe(0);
  });

  let callCode = '';
  let callId = '';
  let tally: SentMessage;
  const callMsg = new Map<number, SentMessage>();

  /** The newest version of the coordinator's tally (the message itself or its latest edit). */
  const tallyEdit = (text: RegExp, fromSeq = 0) =>
    fake
      .waitFor((m) => m.chatId === coord.id && m.method === 'editMessageText' && m.editOf === tally.messageId && text.test(m.text ?? ''), {
        fromSeq,
        timeoutMs: 20_000,
        description: `tally edit ${text}`,
      })
      .catch((e: Error) => {
        throw new Error(`${e.message}${logs()}`);
      });

  it('refuses /call to a volunteer', async () => {
    const m = await say(v1, '/call', /只有管理员可以这样做/);
    expect(m.text).toContain('Only a coordinator');
  });

  it('walks /call to a preview with the reach and the minutes, and sends it', async () => {
    await say(coord, '/call', /请输入标题/);
    const desc = await say(coord, '防汛搬沙袋', /需要大家做什么/);
    const place = await pressThen(coord, desc, /^跳过/, /在哪里集合/);
    expect(place.text).toContain('发送位置');
    // The site as a shared location (used for check-in by location).
    let from = fake.messages.length;
    fake.sendLocation(coord, dm(coord), { latitude: 30.27415, longitude: 120.15515 });
    await wait(dm(coord), /什么时间/, from);
    await say(coord, '等通知', /没看懂时间，或时间已经过去了/);
    await say(coord, '明天上午9点到12点', /需要多少人/);
    await say(coord, '两个', /请输入 1 到 100000 之间的人数/);
    const skills = await say(coord, '2', /需要什么技能/);
    const deadline = await pressThen(coord, skills, /^跳过/, /报名截止时间/);
    let audience = await pressThen(coord, deadline, /^到开始时截止/, /发给谁/);
    // An audience outside the coordinator's scope is refused in chat, and asked again.
    const units = await pressThen(coord, audience, /^按单位/, /请输入单位编号/);
    from = fake.messages.length;
    fake.sendText(coord, dm(coord), 'S-XS');
    await wait(dm(coord), /这不在您的管辖范围内/, from);
    audience = await wait(dm(coord), /发给谁/, from);
    expect(units.text).toContain('I-DH');
    const preview = await pressThen(coord, audience, /^我管辖范围内的全部志愿者/, /预览「防汛搬沙袋」/);
    // 4 Telegram volunteers of 东湖镇 + the 2 seeded web volunteers of 幸福社区; the web groups
    // of the 5 teams of 东湖镇 and its stations + the 2 Telegram groups bound to them.
    const units3 = await h.prisma.orgUnit.findMany({ where: { code: { in: ['I-DH', 'S-XF', 'S-HP'] } } });
    const groups = await h.prisma.teamChat.count({ where: { team: { orgUnitId: { in: units3.map((u) => u.id) } } } });
    expect(groups).toBe(7);
    expect(preview.text).toContain('将私信 6 人（Telegram 4，微信 0，网页 2）');
    expect(preview.text).toContain(`并在 ${groups} 个队伍群发通知`);
    expect(preview.text).toMatch(/按平台限速约需 1 分钟发完/);
    from = fake.messages.length;
    // A double tap on 发送: the first press sends, the second finds the dialogue gone.
    const taps = [fake.pressButton(coord, preview, buttonData(preview, /^发送/)), fake.pressButton(coord, preview, buttonData(preview, /^发送/))];
    const toasts = await Promise.all(taps.map((id) => fake.waitForCallbackAnswer(id, { timeoutMs: 20_000 })));
    expect(toasts.filter((a) => /过期|stale|expired/i.test(a.text ?? ''))).toHaveLength(1);
    const created = await wait(dm(coord), /召集 M-\d{8}-\d{3} 已创建，正在发送给 6 人（预计约 1 分钟发完）/, from);
    callCode = /M-\d{8}-\d{3}/.exec(created.text!)![0];
    tally = await wait(dm(coord), new RegExp(`📋 召集 ${callCode}：防汛搬沙袋（报名中）`), from);
    expect(tally.method).toBe('sendMessage');
    expect(tally.text).toMatch(/签到码 \d{6}/);
    expect(buttonData(tally, /^提醒未回复/)).toBeTruthy();
    const call = await h.prisma.call.findUniqueOrThrow({ where: { code: callCode } });
    callId = call.id;
    expect(await h.prisma.call.count()).toBe(1);
    expect(call).toMatchObject({ title: '防汛搬沙袋', headcount: 2, description: '', siteLat: 30.27415, siteLng: 120.15515, emergency: false });
    expect(call.answerBy.getTime()).toBe(call.startsAt.getTime());
    expect(call.endsAt.getTime() - call.startsAt.getTime()).toBe(3 * HOUR);
    // A dialogue is over once sent: the next text is not another step of it.
    expect(await h.prisma.conversationState.count({ where: { channel: 'telegram', chatKey: String(coord.id) } })).toBe(0);
  }, 90_000);

  it('reaches every volunteer of 东湖镇 privately with answer buttons, the bound team group once, and nobody outside', async () => {
    for (const v of vols) {
      const m = await wait(dm(v), new RegExp(`📣 志愿召集 ${callCode}：防汛搬沙袋`), 0, 30_000);
      expect(buttonData(m, /^参加/)).toBeTruthy();
      expect(buttonData(m, /^不能参加/)).toBeTruthy();
      expect(m.text).toContain('需要 2 人');
      callMsg.set(v.id, m);
    }
    const notice = await wait(groupXF, new RegExp(`📣 志愿召集 ${callCode}.*\\n.*\\n报名通知已私信发给各位`), 0);
    expect(buttonCount(notice)).toBe(0);
    await wait(groupDH, new RegExp(`📣 志愿召集 ${callCode}`), 0);
    // Delivery shows on the tally: all 6 delivered (the web ones included).
    await tallyEdit(/📨 已送达 6\/6/);
    await new Promise((r) => setTimeout(r, 1000));
    for (const u of [outsider, ...responders]) {
      expect(fake.chatMessages(u.id).filter((m) => /志愿召集/.test(m.text ?? ''))).toHaveLength(0);
    }
    expect(fake.chatMessages(groupC.id).filter((m) => /志愿召集/.test(m.text ?? ''))).toHaveLength(0);
    const recipients = await h.prisma.callRecipient.findMany({ where: { callId } });
    expect(recipients).toHaveLength(6);
    expect(recipients.map((r) => r.personId)).not.toContain(personOf.get(outsider.id));
  }, 60_000);

  it('takes answers by button, waitlists the third yes, edits the tally in place and promotes on withdrawal', async () => {
    const yes = /^参加/;
    const no = /^不能参加/;
    expect(await press(v1, callMsg.get(v1.id)!, yes)).toContain('报名成功');
    expect(await press(v2, callMsg.get(v2.id)!, yes)).toContain('报名成功');
    expect(await press(v3, callMsg.get(v3.id)!, yes)).toContain('人数已满，您在候补名单上');
    expect(await press(v4, callMsg.get(v4.id)!, no)).toContain('已记录您这次不能参加');
    // A second press of the same answer changes nothing.
    expect(await press(v2, callMsg.get(v2.id)!, yes)).toContain('已记录过了');
    const edited = await tallyEdit(/✅ 参加 2\/2\s+⏳ 候补 1\s+❌ 不能参加 1\s+… 未回复 2/);
    expect(edited.messageId).toBe(tally.messageId);
    expect(edited.text).toMatch(/1\. ✅ 甲/);
    expect(edited.text).toMatch(/2\. ✅ 乙/);
    expect(edited.text).toMatch(/3\. ⏳ 丙/);
    // The coordinator's chat holds one tally: every update is an edit of it.
    const sentTallies = fake.chatMessages(coord.id).filter((m) => m.method === 'sendMessage' && /📋 召集/.test(m.text ?? ''));
    expect(sentTallies).toHaveLength(1);

    const from = fake.messages.length;
    expect(await press(v1, callMsg.get(v1.id)!, no)).toContain('已为您取消报名');
    const promoted = await wait(dm(v3), new RegExp(`🎉 召集 ${callCode}（防汛搬沙袋）有人退出，您已从候补转为正式参加`), from);
    expect(promoted.text).toBeDefined();
    const after = await tallyEdit(/✅ 参加 2\/2\s+⏳ 候补 0\s+❌ 不能参加 2\s+… 未回复 2/, from);
    expect(after.text).not.toMatch(/✅ 甲/);
    expect(after.text).toMatch(/✅ 丙/);
    const roster = Object.fromEntries((await h.prisma.callRecipient.findMany({ where: { callId } })).map((r) => [r.personId, r.roster]));
    expect([v1, v2, v3, v4].map((v) => roster[personOf.get(v.id)!])).toEqual(['withdrawn', 'confirmed', 'confirmed', 'declined']);
    // Nobody but v3 got a promotion.
    for (const v of [v1, v2, v4]) expect(fake.chatMessages(v.id).filter((m) => /转为正式参加/.test(m.text ?? ''))).toHaveLength(0);
  }, 60_000);

  it("gives the coordinator the call's controls by tally button and by keyword", async () => {
    const current = () => fake.chatMessages(coord.id).find((m) => m.messageId === tally.messageId && m.method === 'sendMessage')!;
    expect(await press(coord, current(), /^提醒未回复/)).toContain('已提醒 2 位未回复的志愿者');
    expect(await press(coord, current(), /^提醒未回复/)).toContain('已经提醒过');
    const roster = await say(coord, `名单 ${callCode}`, new RegExp(`📋 召集 ${callCode}`));
    expect(roster.messageId).not.toBe(tally.messageId);
    expect(roster.text).toMatch(/✅ 乙/);
    await say(coord, `/roster ${callCode}`, new RegExp(`📋 召集 ${callCode}`));
    await say(v2, `名单 ${callCode}`, /只有管理员可以这样做/);
    await say(coord, '/roster', /用法：\/roster 召集编号/);
    await say(coord, '截止召集 M-20990101-001', /找不到这个召集/);
    const from = fake.messages.length;
    await say(coord, `截止召集 ${callCode}`, new RegExp(`召集 ${callCode} 已截止报名`));
    const closed = await tallyEdit(/（已截止）/, from);
    expect(buttonCount(closed)).toBe(0);
    // No new "yes" after the close; withdrawing is still possible.
    expect(await press(v4, callMsg.get(v4.id)!, /^参加/)).toContain('已截止报名');
    expect((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).status).toBe('closed');
  }, 60_000);

  // --- the HTTP API -------------------------------------------------------------------------

  let token = '';
  const api = (path: string, init: { method?: string; body?: string; auth?: string | null; contentType?: string } = {}) =>
    fetch(`${apiBase}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.auth === null ? {} : { authorization: init.auth ?? `Bearer ${token}` }),
        ...(init.body !== undefined ? { 'content-type': init.contentType ?? 'application/json' } : {}),
      },
      body: init.body,
    });

  const body = (over: Record<string, unknown> = {}) => {
    const start = new Date(Date.now() + 30 * HOUR);
    return JSON.stringify({
      title: '和平村义诊帮手',
      place: '和平村村委会',
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
      headcount: 1,
      audience: { units: [{ code: 'S-HP' }] },
      ...over,
    });
  };

  it('issues a personal API token by /token to a coordinator only', async () => {
    const refused = await say(v1, '/token', /只有管理员可以这样做/);
    expect(refused.text).not.toMatch(/by_/);
    const first = await say(coord, '/token', /您的 API 令牌/);
    const old = /by_[A-Za-z0-9_-]+/.exec(first.text!)![0];
    const m = await say(coord, '/token', /您的 API 令牌/);
    token = /by_[A-Za-z0-9_-]+/.exec(m.text!)![0];
    expect(token).not.toBe(old);
    // Only the hash is stored; the older token is revoked.
    const rows = await h.prisma.apiToken.findMany({ where: { personId: personOf.get(coord.id)! } });
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await api('/preview', { method: 'POST', body: body(), auth: `Bearer ${old}` })).status).toBe(401);
  });

  it('refuses requests without a valid token (401)', async () => {
    for (const auth of [null, 'Bearer by_' + 'x'.repeat(30), `Token ${token}`, `Bearer ${token}x`, 'Bearer ']) {
      const r = await api('/preview', { method: 'POST', body: body(), auth });
      expect(r.status).toBe(401);
      expect(((await r.json()) as { error: string }).error).toBe('token/invalid');
    }
    expect((await api(`/${callCode}`, { auth: null })).status).toBe(401);
    expect((await api(`/${callCode}/close`, { method: 'POST', auth: null })).status).toBe(401);
  });

  it('refuses malformed, oversized and unexpected input (400/413) and out-of-scope audiences (403)', async () => {
    const bad = async (b: string, status = 400, contentType?: string) => {
      const r = await api('/preview', { method: 'POST', body: b, contentType });
      expect({ status: r.status, body: b.slice(0, 80) }).toEqual({ status, body: b.slice(0, 80) });
      return (await r.json()) as { error?: string; statusCode?: number };
    };
    await bad('{"title": "x",');
    await bad('not json at all');
    await bad(body({ extra: 1 }));
    await bad(body({ audience: { units: [{ code: 'S-HP' }], everyone: true, hack: true } }));
    await bad(body({ title: '长'.repeat(61) }));
    await bad(body({ headcount: 0 }));
    await bad(body({ headcount: 1.5 }));
    await bad(body({ startsAt: 'tomorrow' }));
    await bad(body({ site: { lat: 91, lng: 0 } }));
    await bad(JSON.stringify([1, 2, 3]));
    // Past start: the desk's own check, also a 400 with the field named.
    const past = await bad(body({ startsAt: new Date(Date.now() - HOUR).toISOString() }));
    expect(past.error).toBe('call/bad_input');
    // Larger than the body limit (256 kB).
    await bad(body({ description: 'x'.repeat(300_000) }), 413);
    const out = await api('/preview', { method: 'POST', body: body({ audience: { units: [{ code: 'S-XS' }] } }) });
    expect(out.status).toBe(403);
    expect(((await out.json()) as { error: string }).error).toBe('auth/out_of_scope');
    const team = await api('', { method: 'POST', body: body({ audience: { teams: ['S-XS-EDU'] } }) });
    expect(team.status).toBe(403);
    expect(await h.prisma.call.count()).toBe(1);
  });

  let apiCode = '';

  it('previews, creates (201), watches and closes a call over HTTP', async () => {
    const p = await api('/preview', { method: 'POST', body: body() });
    expect(p.status).toBe(200);
    const preview = (await p.json()) as { recipients: number; byChannel: Record<Channel, number>; seconds: number };
    expect(preview).toMatchObject({ recipients: 1, byChannel: { telegram: 1, wechat: 0, web: 0 } });
    const c = await api('', { method: 'POST', body: body() });
    expect(c.status).toBe(201);
    const created = (await c.json()) as { id: string; code: string; preview: { recipients: number } };
    expect(created.code).toMatch(/^M-\d{8}-\d{3}$/);
    expect(created.preview.recipients).toBe(1);
    apiCode = created.code;
    // The coordinator gets the live tally in chat as well; v4 (和平村) gets the call.
    await wait(dm(coord), new RegExp(`📋 召集 ${apiCode}：和平村义诊帮手`), 0);
    const msg = await wait(dm(v4), new RegExp(`📣 志愿召集 ${apiCode}`), 0, 30_000);
    expect(await press(v4, msg, /^参加/)).toContain('报名成功');
    const g = await api(`/${apiCode}`);
    expect(g.status).toBe(200);
    const got = (await g.json()) as { code: string; status: string; headcount: number; roster: Record<string, number>; delivery: { recipients: number }; tally: string };
    expect(got).toMatchObject({ code: apiCode, status: 'open', headcount: 1, roster: { confirmed: 1, none: 0, waitlisted: 0 } });
    expect(got.delivery.recipients).toBe(1);
    expect(got.tally).toContain('✅ 丁');
    // The short form of the code works too.
    expect((await api(`/${apiCode.replace(/^M-/, 'm')}`)).status).toBe(200);
    const close = await api(`/${apiCode}/close`, { method: 'POST' });
    expect(close.status).toBe(200);
    expect(await close.json()).toEqual({ code: apiCode });
    const again = await api(`/${apiCode}/close`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe('call/closed');
    expect(((await (await api(`/${apiCode}`)).json()) as { status: string }).status).toBe('closed');
    const ext = await api(`/${apiCode}/extend`, { method: 'POST', body: JSON.stringify({ hours: 'two' }) });
    expect(ext.status).toBe(400);
  });

  it("refuses a station coordinator's token on a call of the township (403)", async () => {
    const m = await say(stationCoord, '/token', /您的 API 令牌/);
    const other = /by_[A-Za-z0-9_-]+/.exec(m.text!)![0];
    const get = await api(`/${callCode}`, { auth: `Bearer ${other}` });
    expect(get.status).toBe(403);
    expect(((await get.json()) as { error: string }).error).toBe('auth/out_of_scope');
    expect((await api(`/${apiCode}/cancel`, { method: 'POST', auth: `Bearer ${other}` })).status).toBe(403);
    // Their own scope (幸福社区) works: 3 Telegram volunteers + 2 web volunteers there.
    const p = await api('/preview', { method: 'POST', body: body({ audience: { everyone: true } }), auth: `Bearer ${other}` });
    expect(p.status).toBe(200);
    expect(((await p.json()) as { recipients: number }).recipients).toBe(5);
    expect((await api('/preview', { method: 'POST', body: body({ audience: { units: [{ code: 'I-DH' }] } }), auth: `Bearer ${other}` })).status).toBe(403);
  });

  it('answers 404 for unknown calls and operations', async () => {
    expect((await api('/M-20990101-001')).status).toBe(404);
    expect((await api('/nonsense')).status).toBe(404);
    expect((await api('/M-20990101-001/close', { method: 'POST' })).status).toBe(404);
    expect((await api(`/${apiCode}/explode`, { method: 'POST' })).status).toBe(404);
  });

  it('checks in by shared location within the radius and out by button on a call starting soon', async () => {
    const site = { lat: 30.2, lng: 120.1 };
    const start = new Date(Date.now() + 10 * MINUTE);
    const c = await api('', {
      method: 'POST',
      body: body({ title: '和平村防汛巡查', site, radiusM: 200, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString() }),
    });
    expect(c.status).toBe(201);
    const soon = ((await c.json()) as { code: string }).code;
    const msg = await wait(dm(v4), new RegExp(`📣 志愿召集 ${soon}`), 0, 30_000);
    // Not on the list yet: nothing to check in to.
    let from = fake.messages.length;
    fake.sendLocation(v4, dm(v4), { latitude: site.lat, longitude: site.lng });
    await wait(dm(v4), /您现在没有需要签到的召集/, from);
    expect(await press(v4, msg, /^参加/)).toContain('报名成功');
    from = fake.messages.length;
    fake.sendLocation(v4, dm(v4), { latitude: site.lat + 0.01, longitude: site.lng }); // about 1.1 km north
    const far = await wait(dm(v4), /您距离集合地点约 \d+ 米，需要在 200 米内/, from);
    expect(Number(/约 (\d+) 米/.exec(far.text!)![1])).toBeGreaterThan(1000);
    from = fake.messages.length;
    fake.sendLocation(v4, dm(v4), { latitude: site.lat + 0.0003, longitude: site.lng }); // about 33 m
    const checkedIn = await wait(dm(v4), new RegExp(`📍 已签到：${soon}（和平村防汛巡查）`), from);
    from = fake.messages.length;
    await press(v4, checkedIn, /^签退/);
    await wait(dm(v4), new RegExp(`🏁 ${soon}（和平村防汛巡查）服务 0 小时已记入`), from);
    const row = await h.prisma.callRecipient.findFirstOrThrow({ where: { call: { code: soon }, personId: personOf.get(v4.id)! } });
    expect(row.checkedInAt).not.toBeNull();
    expect(row.creditedAt).not.toBeNull();
    expect(((await (await api(`/${soon}`)).json()) as { tally: string }).tally).toContain('🏁 丁');
  });

  // --- 平战结合: emergency mode ----------------------------------------------------------------

  async function submitUrgent(description: string): Promise<{ code: string; id: string }> {
    const resident = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: 'demo-resident' } } });
    const station = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
    const r = await h.desk.uow.run(async (w) =>
      h.desk.intake.submit(w, await w.repos.people.actor(resident.personId), 'web', {
        description, truncated: false, categoryCode: 'elderly', stationId: station.id, address: '幸福小区1号楼', location: null,
        wantedTime: '马上', phone: '13700002222', beneficiary: 'elderly', urgency: 'urgent', attachments: [],
      }),
    );
    if (!r.ok) throw new Error(r.code);
    return { code: r.value.code, id: r.value.id };
  }

  /** A call by the county coordinator to the county's emergency team, made at the desk. */
  async function countyCall(title: string): Promise<{ code: string; emergency: boolean }> {
    const actor = await h.desk.uow.run((w) => w.repos.people.actor(personOf.get(county.id)!));
    const start = new Date(Date.now() + 20 * HOUR);
    const r = await h.desk.uow.run((w) =>
      h.desk.mobilisation.create(w, actor, { title, description: '', placeText: '县应急物资库', startsAt: start, endsAt: new Date(start.getTime() + 2 * HOUR), headcount: 5, audience: { teamCodes: ['C-EMERGENCY'] } }),
    );
    if (!r.ok) throw new Error(r.code);
    const call = await h.prisma.call.findUniqueOrThrow({ where: { id: r.value.callId } });
    return { code: call.code, emergency: call.emergency };
  }

  const firstDispatch = (needId: string) => waitUntil(() => h.prisma.dispatch.findFirst({ where: { needId }, orderBy: { createdAt: 'asc' } }), 'dispatch');

  it('lets only a county or township coordinator switch emergency mode', async () => {
    await say(stationCoord, '/emergency on', /只有县中心或乡镇所的管理员可以切换应急状态/);
    await say(v1, '/emergency on 防汛', /只有管理员可以这样做/);
    await say(county, '/emergency', /用法：\/emergency on/);
    expect(await h.prisma.modeSwitch.count()).toBe(0);
    const on = await say(county, '/emergency on 防汛', /🚨 清溪县新时代文明实践中心 已切换到应急状态/);
    expect(on.text).toContain(`时限 ${EMERGENCY_SLA_MINUTES} 分钟`);
    await say(county, '/emergency on', /已经是这个状态了/);
    const switches = await h.prisma.modeSwitch.findMany();
    const c = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C' } });
    expect(switches).toHaveLength(1);
    expect(switches[0]).toMatchObject({ orgUnitId: c.id, emergency: true, reason: '防汛', byId: personOf.get(county.id) });
    expect(c.emergencyMode).toBe(true);
    // A call made now carries the emergency banner.
    const call = await countyCall('转移群众');
    expect(call.emergency).toBe(true);
    for (const r of responders) {
      const m = await wait(dm(r), new RegExp(`📣 志愿召集 ${call.code}：转移群众`), 0, 30_000);
      expect(m.text!.startsWith('🚨【应急状态 EMERGENCY】\n📣 志愿召集')).toBe(true);
    }
  });

  it('sends an urgent need to the team with the banner and privately to every emergency member; one press wins', async () => {
    const from = fake.messages.length;
    const need = await submitUrgent('老人被困家中，需要帮助');
    const card = await wait(groupXF, new RegExp(`新需求 ${need.code}`), from);
    expect(card.text!.startsWith('🚨【应急状态 EMERGENCY】')).toBe(true);
    expect(card.text).not.toContain('13700002222');
    const direct = new Map<number, SentMessage>();
    for (const r of responders) {
      const m = await wait(dm(r), new RegExp(`新需求 ${need.code}`), from);
      expect(m.text!.startsWith('🚨【应急状态 EMERGENCY】')).toBe(true);
      expect(m.text).not.toContain('13700002222');
      direct.set(r.id, m);
    }
    // Volunteers outside the emergency team get no private card.
    for (const v of [...vols, outsider]) expect(fake.chatMessages(v.id).filter((m) => m.text?.includes(need.code))).toHaveLength(0);
    const d = await firstDispatch(need.id);
    expect(d.slaDueAt.getTime() - d.createdAt.getTime()).toBeGreaterThan(EMERGENCY_SLA_MINUTES * MINUTE * SLA_TIME_FACTOR - 1000);
    expect(d.slaDueAt.getTime() - d.createdAt.getTime()).toBeLessThan(EMERGENCY_SLA_MINUTES * MINUTE * SLA_TIME_FACTOR + 1000);
    // A volunteer outside the emergency team replaying the payload is refused.
    const forged = await fake.waitForCallbackAnswer(fake.pressButton(v1, direct.get(responders[0]!.id)!, buttonData(direct.get(responders[0]!.id)!, /我来接单/)), { timeoutMs: 20_000 });
    expect(forged.text).toContain('不是该队伍的成员');
    const ids = responders.map((r) => fake.pressButton(r, direct.get(r.id)!, buttonData(direct.get(r.id)!, /我来接单/)));
    const answers = await Promise.all(ids.map((id) => fake.waitForCallbackAnswer(id, { timeoutMs: 20_000 })));
    expect(answers.filter((a) => a.text?.includes('接单成功'))).toHaveLength(1);
    expect(answers.filter((a) => a.text?.includes('已被其他志愿者接单'))).toHaveLength(2);
    const won = await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } });
    expect(won.status).toBe('claimed');
    expect(await h.prisma.claim.count({ where: { needId: need.id } })).toBe(1);
    const winner = responders.find((r) => personOf.get(r.id) === won.claimedById)!;
    const details = await wait(dm(winner), new RegExp(`您已接单 ${need.code}`), from);
    expect(details.text).toContain('13700002222');
    // Every card of the round (group and private) is edited to name the taker, without buttons.
    await fake.waitFor((m) => m.chatId === groupXF.id && m.editOf === card.messageId && /已由 .+ 接单/.test(m.text ?? ''), { timeoutMs: 20_000 });
    for (const r of responders) {
      const edit = await fake.waitFor((m) => m.chatId === r.id && m.editOf === direct.get(r.id)!.messageId && /已由 .+ 接单/.test(m.text ?? ''), { timeoutMs: 20_000 });
      expect(buttonCount(edit)).toBe(0);
    }
  }, 60_000);

  it('escalates an untaken emergency after the short SLA straight to the county centre', async () => {
    const from = fake.messages.length;
    const need = await submitUrgent('独居老人摔倒，需要人去看看');
    await wait(groupXF, new RegExp(`新需求 ${need.code}`), from);
    const atCentre = await wait(groupC, new RegExp(`新需求 ${need.code}`), from, 40_000);
    expect(atCentre.text!.startsWith('🚨【应急状态 EMERGENCY】')).toBe(true);
    await fake.waitFor((m) => m.chatId === groupXF.id && /超时未接，已转交清溪县新时代文明实践中心/.test(m.text ?? ''), { timeoutMs: 20_000, fromSeq: from });
    // The township (东湖镇) was skipped: its team group never saw this need.
    expect(fake.chatMessages(groupDH.id).filter((m) => m.text?.includes(need.code))).toHaveLength(0);
    const dispatches = await h.prisma.dispatch.findMany({ where: { needId: need.id }, orderBy: { createdAt: 'asc' } });
    const c = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C' } });
    expect(dispatches.map((d) => d.status)).toEqual(['escalated', 'open']);
    expect(dispatches[1]!.orgUnitId).toBe(c.id);
    // The county round is an emergency round too: short SLA, private cards again.
    const sla = dispatches[1]!.slaDueAt.getTime() - dispatches[1]!.createdAt.getTime();
    expect(Math.abs(sla - EMERGENCY_SLA_MINUTES * MINUTE * SLA_TIME_FACTOR)).toBeLessThan(1000);
    await wait(dm(county), new RegExp(`${need.code}.*无人接单，已升级到清溪县`), from);
  }, 60_000);

  it('switches back to daily routing: no banner, no private cards, the daily SLA', async () => {
    const off = await say(county, '/emergency off', /✅ 清溪县新时代文明实践中心 已恢复日常状态/);
    expect(off.text).toBeDefined();
    const switches = await h.prisma.modeSwitch.findMany({ orderBy: { createdAt: 'asc' } });
    expect(switches.map((s) => s.emergency)).toEqual([true, false]);
    const from = fake.messages.length;
    const need = await submitUrgent('老人需要紧急送药');
    const card = await wait(groupXF, new RegExp(`新需求 ${need.code}`), from);
    expect(card.text).not.toContain('应急状态');
    const d = await firstDispatch(need.id);
    expect(Math.abs(d.slaDueAt.getTime() - d.createdAt.getTime() - config.sla.urgentMinutes * MINUTE * SLA_TIME_FACTOR)).toBeLessThan(1000);
    // The private cards are written in the same transaction as the group card: none exist.
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `card.${d.id}.p.` } } })).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    for (const r of responders) expect(fake.chatMessages(r.id).filter((m) => m.text?.includes(need.code))).toHaveLength(0);
    // A call made now carries no banner.
    const call = await countyCall('物资清点');
    expect(call.emergency).toBe(false);
    const m = await wait(dm(responders[0]!), new RegExp(`📣 志愿召集 ${call.code}：物资清点`), 0, 30_000);
    expect(m.text).not.toContain('应急状态');
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Part 2: WeChat (no buttons): keywords, check-in by code, check-out with hours
// ---------------------------------------------------------------------------------------------

type MockMessage = { text(): string; talker(): { id: string }; room(): { id: string } | undefined };
type Said = { text: string; at: number };

function listen(target: unknown, selfId: string): Said[] {
  const said: Said[] = [];
  (target as EventEmitter).on('message', (m: MockMessage) => {
    if (m.talker().id !== selfId || m.room()) return;
    said.push({ text: m.text(), at: Date.now() });
  });
  return said;
}

async function next(said: Said[], re: RegExp, from: number, timeoutMs = 20_000): Promise<Said> {
  return waitUntil(async () => said.slice(from).find((s) => re.test(s.text)), `bot message ${re} (last: ${said.slice(-3).map((s) => s.text.slice(0, 100)).join(' | ')})`, timeoutMs, 20);
}

describe('一呼百应 on WeChat', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let bot: INestApplication;
  let worker: INestApplicationContext;
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  let self: mock.ContactMock;
  let coord: mock.ContactMock;
  let volA: mock.ContactMock;
  let volB: mock.ContactMock;
  let volC: mock.ContactMock;
  const heard = new Map<string, Said[]>();
  const personOf = new Map<string, string>();
  let code = '';
  let callId = '';

  /** Says `text` to the bot and waits for a reply matching `expect`. */
  async function say(c: mock.ContactMock, text: string, expect: RegExp): Promise<Said> {
    const said = heard.get(c.id)!;
    const from = said.length;
    c.say(text).to(self);
    return next(said, expect, from);
  }

  beforeAll(async () => {
    config = testConfig({ WECHAT_MIN_GAP_MS: '20', WECHAT_PER_MINUTE: '1000', OUTBOX_POLL_MS: '200', CALL_TALLY_REFRESH_MS: '300' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher, { webGroups: false });
    [self, coord, volA, volB, volC] = mocker.createContacts(5) as [mock.ContactMock, mock.ContactMock, mock.ContactMock, mock.ContactMock, mock.ContactMock];
    mocker.login(self);
    for (const c of [coord, volA, volB, volC]) heard.set(c.id, listen(c, self.id));
    const station = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
    const inst = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
    for (const [c, name] of [[volA, '微信甲'], [volB, '微信乙'], [volC, '微信丙']] as const) {
      const p = await h.prisma.person.create({
        data: {
          displayName: name,
          identities: { create: { channel: 'wechat', externalId: c.id, chatId: `c:${c.id}` } },
          volunteer: { create: { stationId: station.id, status: 'approved', approvedAt: new Date() } },
        },
      });
      personOf.set(c.id, p.id);
    }
    const cp = await h.prisma.person.create({
      data: { displayName: '微信主任', identities: { create: { channel: 'wechat', externalId: coord.id, chatId: `c:${coord.id}` } }, roles: { create: { role: 'coordinator', orgUnitId: inst.id } } },
    });
    personOf.set(coord.id, cp.id);
    worker = await startWorker(config);
    bot = await startBot(config, { wechatPuppet: puppet });
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
    await worker?.close();
    if (config) await flushPrefix(config.redisUrl, config.redisPrefix);
    await h?.close();
  });

  it('delivers a call created at the desk (start in a few minutes) as text with keywords, and the tally to the coordinator', async () => {
    const actor = await h.desk.uow.run((w) => w.repos.people.actor(personOf.get(coord.id)!));
    const now = Date.now();
    const r = await h.desk.uow.run((w) =>
      h.desk.mobilisation.create(w, actor, {
        title: '社区清扫', description: '带手套', placeText: '幸福社区广场', startsAt: new Date(now + 5 * MINUTE), endsAt: new Date(now + 3 * HOUR), headcount: 2, audience: { teamCodes: [], units: [{ code: 'S-XF', subtree: true }] },
      }),
    );
    if (!r.ok) throw new Error(r.code);
    code = r.value.code;
    callId = r.value.callId;
    // 3 WeChat volunteers + the 2 seeded web volunteers of 幸福社区.
    expect(r.value.preview.recipients).toBe(5);
    for (const v of [volA, volB, volC]) {
      const m = await next(heard.get(v.id)!, new RegExp(`📣 志愿召集 ${code}：社区清扫`), 0);
      expect(m.text).toContain(`👉 回复 1 或「参加 ${code}」：参加`);
      expect(m.text).toContain(`👉 回复 2 或「不能参加 ${code}」：不能参加`);
    }
    const t = await next(heard.get(coord.id)!, new RegExp(`📋 召集 ${code}`), 0);
    expect(t.text).toMatch(new RegExp(`👉 回复 \\d 或「截止召集 ${code}」`));
    expect(t.text).toMatch(/签到码 \d{6}/);
  });

  it('takes answers by keyword (any spelling of the code) and waitlists beyond the headcount', async () => {
    expect((await say(volA, `参加 ${code}`, /报名成功|已截止|已记录/)).text).toContain(`报名成功！召集 ${code} 见`);
    // Lower case, no dash after M, no zero padding, full-width digits and space: still the call.
    const [, day, n] = /^M-(\d{8})-(\d{3})$/.exec(code)!;
    const loose = `参加　m${day}-${Number(n)}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect((await say(volB, loose, /报名成功|人数已满|找不到/)).text).toContain('报名成功');
    // A numbered reply answers the newest message with choices: "1" = 参加.
    expect((await say(volC, '1', /报名成功|人数已满/)).text).toContain('人数已满，您在候补名单上');
    await say(volC, '参加 M-20990101-001', /找不到这个召集/);
    // The same answer again (by number) changes nothing on the roster.
    const before = await h.prisma.callRecipient.findMany({ where: { callId }, orderBy: { personId: 'asc' } });
    const said = heard.get(volC.id)!;
    const from = said.length;
    volC.say('1').to(self);
    await waitUntil(async () => said.length > from, 'a reply to "1"');
    expect(said.slice(from).some((s) => /您的回复已记录过了/.test(s.text))).toBe(true);
    expect(await h.prisma.callRecipient.findMany({ where: { callId }, orderBy: { personId: 'asc' } })).toEqual(before);
    const roster = await say(coord, `名单 ${code}`, new RegExp(`📋 召集 ${code}`));
    expect(roster.text).toMatch(/✅ 参加 2\/2\s+⏳ 候补 1/);
    expect(roster.text).toMatch(/1\. ✅ 微信甲/);
    expect(roster.text).toMatch(/2\. ✅ 微信乙/);
    expect(roster.text).toMatch(/3\. ⏳ 微信丙/);
  });

  it('checks in by "签到 <code from the tally>" and credits hours and points at 签退', async () => {
    const tallies = heard.get(coord.id)!.filter((s) => new RegExp(`📋 召集 ${code}`).test(s.text));
    const checkCode = /签到码 (\d{6})/.exec(tallies[tallies.length - 1]!.text)![1]!;
    const wrong = checkCode === '000000' ? '111111' : '000000';
    await say(volA, `签到 ${wrong}`, /签到码不对/);
    await say(volA, '签到', /签到码不对/);
    await say(volC, `签到 ${checkCode}`, /您现在没有需要签到的召集/); // waiting list: not confirmed
    await say(volB, '签退', /您还没有签到，无法签退/);
    const inA = await say(volA, `签到 ${checkCode}`, /已签到|签到/);
    expect(inA.text).toContain(`📍 已签到：${code}（社区清扫）`);
    expect(inA.text).toContain(`👉 回复 1 或「签退 ${code}」`);
    await say(volA, `签到 ${checkCode}`, /您已经签到过了/);
    // WeChat cannot edit, so the tally is re-sent only every few minutes: ask for it.
    expect((await say(coord, `名单 ${code}`, new RegExp(`📋 召集 ${code}`))).text).toMatch(/📍 微信甲/);
    const tallyCount = heard.get(coord.id)!.filter((m) => /📋 召集/.test(m.text)).length;
    // Two hours on site (the clock moved back rather than waiting).
    const me = personOf.get(volA.id)!;
    await h.prisma.callRecipient.update({ where: { callId_personId: { callId, personId: me } }, data: { checkedInAt: new Date(Date.now() - 2 * HOUR - MINUTE) } });
    const credited = await say(volA, '签退', /🏁/);
    expect(credited.text).toContain(`🏁 ${code}（社区清扫）服务 2 小时已记入，积分 +${2 * config.pointsPerHour}`);
    const row = await h.prisma.callRecipient.findUniqueOrThrow({ where: { callId_personId: { callId, personId: me } } });
    expect(Number(row.hours)).toBe(2);
    expect(row.creditedAt).not.toBeNull();
    const points = await h.prisma.pointsEntry.findMany({ where: { personId: me } });
    expect(points.map((p) => p.delta)).toEqual([2 * config.pointsPerHour]);
    // Checking out twice credits nothing more.
    await say(volA, `签退 ${code}`, /您还没有签到，无法签退/);
    expect(await h.prisma.pointsEntry.count({ where: { personId: me } })).toBe(1);
    // The check-out changed the tally, but a WeChat tally is not re-sent within minutes.
    await new Promise((r) => setTimeout(r, 3 * config.calls.tallyRefreshMs));
    expect(heard.get(coord.id)!.filter((m) => /📋 召集/.test(m.text)).length).toBe(tallyCount);
  });

  it('withdraws by keyword, promotes the waiting one, and closes by keyword', async () => {
    const said = heard.get(volC.id)!;
    const from = said.length;
    await say(volB, `不能参加 ${code}`, /已为您取消报名/);
    await next(said, new RegExp(`🎉 召集 ${code}（社区清扫）有人退出，您已从候补转为正式参加`), from);
    await say(volB, `截止召集 ${code}`, /只有管理员可以这样做/);
    await say(coord, `截止召集 ${code}`, new RegExp(`召集 ${code} 已截止报名`));
    await say(volB, `参加 ${code}`, new RegExp(`召集 ${code} 已截止报名`));
    const counts = Object.fromEntries((await h.prisma.callRecipient.findMany({ where: { callId } })).map((r) => [r.personId, r.roster]));
    expect([volA, volB, volC].map((v) => counts[personOf.get(v.id)!])).toEqual(['confirmed', 'withdrawn', 'confirmed']);
  });

  it('lets an emergency-team member take the private emergency card by its keyword', async () => {
    const [emA, emB] = mocker.createContacts(2) as [mock.ContactMock, mock.ContactMock];
    for (const c of [emA, emB]) heard.set(c.id, listen(c, self.id));
    const xs = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XS' } });
    const emergencyTeam = await h.prisma.team.findUniqueOrThrow({ where: { code: 'C-EMERGENCY' } });
    for (const [c, name] of [[emA, '微信应急甲'], [emB, '微信应急乙']] as const) {
      const p = await h.prisma.person.create({
        data: {
          displayName: name,
          identities: { create: { channel: 'wechat', externalId: c.id, chatId: `c:${c.id}` } },
          volunteer: { create: { stationId: xs.id, status: 'approved', approvedAt: new Date(), memberships: { create: { teamId: emergencyTeam.id } } } },
        },
      });
      personOf.set(c.id, p.id);
    }
    // The station's team is reachable through a WeChat room.
    const room = mocker.createRoom({ memberIdList: [self.id, volA.id, volB.id], topic: '幸福社区为老服务队' });
    const xfElder = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
    await h.prisma.teamChat.create({ data: { teamId: xfElder.id, channel: 'wechat', chatId: `r:${room.id}`, title: '幸福社区为老服务队' } });
    const countyKey = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: 'demo-coord-county' } } });
    const county = await h.desk.uow.run((w) => w.repos.people.actor(countyKey.personId));
    const on = await h.desk.uow.run((w) => h.desk.emergency.switchMode(w, county, true, '防汛'));
    expect(on.ok).toBe(true);
    const residentKey = await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId: 'demo-resident' } } });
    const xf = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
    const need = await h.desk.uow.run(async (w) =>
      h.desk.intake.submit(w, await w.repos.people.actor(residentKey.personId), 'web', {
        description: '老人被困电梯', truncated: false, categoryCode: 'elderly', stationId: xf.id, address: '幸福小区2号楼', location: null,
        wantedTime: '马上', phone: '13700003333', beneficiary: 'elderly', urgency: 'urgent', attachments: [],
      }),
    );
    if (!need.ok) throw new Error(need.code);
    const needCode = need.value.code;
    for (const c of [emA, emB]) {
      const card = await next(heard.get(c.id)!, new RegExp(`新需求 ${needCode}`), 0);
      expect(card.text.startsWith('🚨【应急状态 EMERGENCY】')).toBe(true);
      expect(card.text).toContain(`👉 回复 1 或「接单 ${needCode}」`);
      expect(card.text).not.toContain('13700003333');
    }
    expect((await say(emA, `接单 ${needCode}`, /接单成功|已被其他志愿者接单|队伍群|不是该队伍/)).text).toContain('接单成功');
    await next(heard.get(emA.id)!, new RegExp(`您已接单 ${needCode}`), 0);
    expect((await say(emB, `接单 ${needCode}`, /接单成功|已被其他志愿者接单|队伍群|不是该队伍/)).text).toContain('已被其他志愿者接单');
    // Someone outside the emergency team cannot take it privately; a non-emergency need stays group-only.
    expect((await say(volC, `接单 ${needCode}`, /接单成功|已被其他志愿者接单|队伍群|不是该队伍/)).text).toMatch(/已被其他志愿者接单|不是该队伍/);
    const claims = await h.prisma.claim.findMany({ where: { needId: need.value.id } });
    expect(claims.map((c) => c.volunteerId)).toEqual([personOf.get(emA.id)]);
    const off = await h.desk.uow.run((w) => h.desk.emergency.switchMode(w, county, false, null));
    expect(off.ok).toBe(true);
  });
});
