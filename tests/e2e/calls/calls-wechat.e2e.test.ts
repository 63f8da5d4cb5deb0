// 一呼百应 on WeChat (no buttons, no edits) end to end: the bot and worker in-process with
// wechaty-puppet-mock. Calls arrive as text with keywords; answers by keyword or number;
// check-in by the code from the tally and check-out with hours and points; withdraw, promote
// and close by keyword; an emergency card taken by its keyword. Each test brings its own
// WeChat contacts (a coordinator of 东湖镇 and three volunteers in a team of their own).
import type { EventEmitter } from 'node:events';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { AppConfig } from '@baiying/config';
import type { ActorRow } from '@baiying/db';
import { drainPresses } from '@baiying/features';
import { jobIdFor, QueueName } from '@baiying/queue';
import { startBot } from '../../../apps/bot/src/bootstrap.js';
import { startWorker } from '../../../apps/worker/src/bootstrap.js';
import { callDraft, coordinatorOf, createCall, residentOf, teamOf, volunteerOf } from '../../support/factories.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type MockMessage = { text(): string; talker(): { id: string }; room(): { id: string } | undefined };
type Said = { text: string; at: number };

let config: AppConfig;
let h: DeskHarness;
let bot: INestApplication;
let worker: INestApplicationContext;
const mocker = new mock.Mocker();
const puppet = new PuppetMock({ mocker });
let self: mock.ContactMock;
/** What the bot said privately to each contact. */
const heard = new Map<string, Said[]>();

beforeAll(async () => {
  config = testConfig({ WECHAT_MIN_GAP_MS: '20', WECHAT_PER_MINUTE: '1000', OUTBOX_POLL_MS: '200', CALL_TALLY_REFRESH_MS: '300' });
  h = deskHarness(config, 5);
  await resetDatabase(h.prisma, h.cipher, { webGroups: false });
  [self] = mocker.createContacts(1) as [mock.ContactMock];
  mocker.login(self);
  worker = await startWorker(config);
  bot = await startBot(config, { wechatPuppet: puppet });
}, 60_000);

afterAll(async () => {
  await bot?.close();
  await worker?.close();
  if (config) await flushPrefix(config.redisUrl, config.redisPrefix);
  await h?.close();
});

/** New contacts whose private messages from the bot are recorded. */
function contacts(n: number): mock.ContactMock[] {
  const cs = mocker.createContacts(n) as mock.ContactMock[];
  for (const c of cs) {
    const said: Said[] = [];
    (c as unknown as EventEmitter).on('message', (m: MockMessage) => {
      if (m.talker().id === self.id && !m.room()) said.push({ text: m.text(), at: Date.now() });
    });
    heard.set(c.id, said);
  }
  return cs;
}

const saidTo = (c: mock.ContactMock): Said[] => heard.get(c.id)!;

async function next(c: mock.ContactMock, re: RegExp, from = 0, timeoutMs = 20_000): Promise<Said> {
  const said = saidTo(c);
  return waitUntil(
    async () => said.slice(from).find((s) => re.test(s.text)),
    `bot message ${re} (last: ${said
      .slice(-3)
      .map((s) => s.text.slice(0, 100))
      .join(' | ')})`,
    timeoutMs,
    20,
  );
}

/** Says `text` to the bot and waits for a reply matching `expect`. */
async function say(c: mock.ContactMock, text: string, expect: RegExp): Promise<Said> {
  const from = saidTo(c).length;
  c.say(text).to(self);
  return next(c, expect, from);
}

const wechat = (c: mock.ContactMock, name: string) => ({ channel: 'wechat' as const, externalId: c.id, chatId: `c:${c.id}`, name });

/** A coordinator of 东湖镇 and three volunteers of a new team of 幸福社区, all on WeChat. */
async function cast() {
  const [coord, volA, volB, volC] = contacts(4) as [mock.ContactMock, mock.ContactMock, mock.ContactMock, mock.ContactMock];
  const team = await teamOf(h, 'S-XF', { name: '幸福社区清扫队' });
  const coordinator = await coordinatorOf(h, 'I-DH', wechat(coord, '微信主任'));
  const [a, b, c] = [
    await volunteerOf(h, { teams: [team], ...wechat(volA, '微信甲') }),
    await volunteerOf(h, { teams: [team], ...wechat(volB, '微信乙') }),
    await volunteerOf(h, { teams: [team], ...wechat(volC, '微信丙') }),
  ];
  return { coord, volA, volB, volC, team, coordinator, people: [a, b, c] as [ActorRow, ActorRow, ActorRow] };
}
type Cast = Awaited<ReturnType<typeof cast>>;

/** A call to the cast's team (for two, starting in five minutes), received by everyone. */
async function sentCall(k: Cast) {
  const now = Date.now();
  const draft = callDraft(new Date(now), {
    title: '社区清扫',
    description: '带手套',
    placeText: '幸福社区广场',
    startsAt: new Date(now + 5 * MINUTE),
    endsAt: new Date(now + 3 * HOUR),
    headcount: 2,
    audience: { teamCodes: [k.team] },
  });
  const call = await createCall(h.desk, k.coordinator, draft);
  const messages = [];
  for (const v of [k.volA, k.volB, k.volC]) messages.push(await next(v, new RegExp(`📣 志愿召集 ${call.code}：社区清扫`)));
  const tally = await next(k.coord, new RegExp(`📋 召集 ${call.code}`));
  return { ...call, messages, tally };
}

/** Answers at the desk, for tests whose subject comes after the answers: A and B in, C waiting. */
async function answered(k: Cast, callId: string): Promise<void> {
  for (const p of k.people) {
    const r = await h.desk.uow.run((w) => h.desk.calls.answer.execute(w, p, { callId, yes: true }));
    if (!r.ok) throw new Error(r.code);
  }
  await drainPresses(h.desk.uow, h.desk.calls.applyAnswers, callId);
}

const rosterOf = async (callId: string, k: Cast) => {
  const rows = new Map((await h.prisma.callRecipient.findMany({ where: { callId } })).map((r) => [r.personId, r.roster]));
  return k.people.map((p) => rows.get(p.personId));
};

describe('一呼百应 on WeChat', () => {
  it('delivers a call as text with keywords, and the tally to the coordinator', async () => {
    const k = await cast();
    const call = await sentCall(k);
    expect(call.recipients).toBe(3);
    for (const m of call.messages) {
      expect(m.text).toContain(`👉 回复 1 或「参加 ${call.code}」：参加`);
      expect(m.text).toContain(`👉 回复 2 或「不能参加 ${call.code}」：不能参加`);
    }
    expect(call.tally.text).toMatch(new RegExp(`👉 回复 \\d 或「截止召集 ${call.code}」`));
    expect(call.tally.text).toMatch(/签到码 \d{6}/);
  });

  it('takes answers by keyword (any spelling of the code) and by number, and waitlists beyond the headcount', async () => {
    const k = await cast();
    const { callId, code } = await sentCall(k);
    expect((await say(k.volA, `参加 ${code}`, /报名成功|已截止|已记录/)).text).toContain(`报名成功！召集 ${code} 见`);
    // Lower case, no dash after M, no zero padding, full-width digits and space: still the call.
    const [, day, n] = /^M-(\d{8})-(\d{3})$/.exec(code)!;
    const loose = `参加　m${day}-${Number(n)}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect((await say(k.volB, loose, /报名成功|人数已满|找不到/)).text).toContain('报名成功');
    // A numbered reply answers the newest message with choices: "1" = 参加.
    expect((await say(k.volC, '1', /报名成功|人数已满/)).text).toContain('人数已满，您在候补名单上');
    await say(k.volC, '参加 M-20990101-001', /找不到这个召集/);
    // The same answer again (by number) changes nothing on the roster.
    const before = await h.prisma.callRecipient.findMany({ where: { callId }, orderBy: { personId: 'asc' } });
    expect((await say(k.volC, '1', /您的回复已记录过了|报名成功|人数已满/)).text).toContain('您的回复已记录过了');
    expect(await h.prisma.callRecipient.findMany({ where: { callId }, orderBy: { personId: 'asc' } })).toEqual(before);
    const roster = await say(k.coord, `名单 ${code}`, new RegExp(`📋 召集 ${code}`));
    expect(roster.text).toMatch(/✅ 参加 2\/2\s+⏳ 候补 1/);
    expect(roster.text).toMatch(/1\. ✅ 微信甲/);
    expect(roster.text).toMatch(/2\. ✅ 微信乙/);
    expect(roster.text).toMatch(/3\. ⏳ 微信丙/);
    expect(await rosterOf(callId, k)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
  });

  it('checks in by "签到 <code from the tally>" and credits hours and points at 签退', async () => {
    const k = await cast();
    const { callId, code } = await sentCall(k);
    await answered(k, callId);
    const tallies = () => saidTo(k.coord).filter((s) => s.text.includes(`📋 召集 ${code}`));
    // WeChat cannot edit: the first refresh re-sends the tally, later ones wait minutes. Wait for that re-send.
    await waitUntil(async () => tallies().length >= 2, 'the tally re-sent once');
    const checkCode = /签到码 (\d{6})/.exec(tallies().at(-1)!.text)![1]!;
    expect(checkCode).toBe((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).checkCode);
    const wrong = checkCode === '000000' ? '111111' : '000000';
    await say(k.volA, `签到 ${wrong}`, /签到码不对/);
    await say(k.volA, '签到', /签到码不对/);
    await say(k.volC, `签到 ${checkCode}`, /您现在没有需要签到的召集/); // waiting list: not confirmed
    await say(k.volB, '签退', /您还没有签到，无法签退/);
    const inA = await say(k.volA, `签到 ${checkCode}`, /已签到|签到/);
    expect(inA.text).toContain(`📍 已签到：${code}（社区清扫）`);
    expect(inA.text).toContain(`👉 回复 1 或「签退 ${code}」`);
    await say(k.volA, `签到 ${checkCode}`, /您已经签到过了/);
    // The tally is not re-sent for this within minutes: ask for it.
    expect((await say(k.coord, `名单 ${code}`, new RegExp(`📋 召集 ${code}`))).text).toMatch(/📍 微信甲/);
    const tallyCount = tallies().length;
    // Two hours on site: the check-in is moved back (the bot runs on the real clock).
    const me = k.people[0].personId;
    await h.prisma.callRecipient.update({
      where: { callId_personId: { callId, personId: me } },
      data: { checkedInAt: new Date(Date.now() - 2 * HOUR - MINUTE) },
    });
    const credited = await say(k.volA, '签退', /🏁/);
    expect(credited.text).toContain(`🏁 ${code}（社区清扫）服务 2 小时已记入，积分 +${2 * config.pointsPerHour}`);
    const row = await h.prisma.callRecipient.findUniqueOrThrow({ where: { callId_personId: { callId, personId: me } } });
    expect(Number(row.hours)).toBe(2);
    expect(row.creditedAt).not.toBeNull();
    expect((await h.prisma.pointsEntry.findMany({ where: { personId: me } })).map((p) => p.delta)).toEqual([2 * config.pointsPerHour]);
    // Checking out twice credits nothing more.
    await say(k.volA, `签退 ${code}`, /您还没有签到，无法签退/);
    expect(await h.prisma.pointsEntry.count({ where: { personId: me } })).toBe(1);
    // The check-out changed the tally, but a WeChat tally is not re-sent within minutes: the
    // refresh the check-out scheduled ran and decided so.
    const every = config.calls.tallyRefreshMs;
    // The refresh's slot is taken when the check-out holds the call's lock, a moment after
    // checkedOutAt: it is that window or, at a window's edge, the next.
    const first = Math.floor(row.checkedOutAt!.getTime() / every) + 1;
    const outcome = await waitUntil(async () => {
      const calls = h.producer.queue(QueueName.Calls);
      for (const slot of [first, first + 1]) {
        // State first, then the job: a job read while active and found completed a moment later
        // carries no return value yet (stop 27's CI failure: "null").
        const id = jobIdFor('refresh-tally', { callId, slot });
        if ((await calls.getJobState(id)) !== 'completed') continue;
        const job = await calls.getJob(id);
        if (job) return { value: String(job.returnvalue) };
      }
      return null;
    }, `the tally refresh of slot ${first}`);
    expect(outcome.value).toBe('unchanged');
    expect(tallies()).toHaveLength(tallyCount);
  });

  it('withdraws by keyword, promotes the waiting one, and closes by keyword', async () => {
    const k = await cast();
    const { callId, code } = await sentCall(k);
    await answered(k, callId);
    const from = saidTo(k.volC).length;
    await say(k.volB, `不能参加 ${code}`, /已为您取消报名/);
    await next(k.volC, new RegExp(`🎉 召集 ${code}（社区清扫）有人退出，您已从候补转为正式参加`), from);
    await say(k.volB, `截止召集 ${code}`, /只有管理员可以这样做/);
    await say(k.coord, `截止召集 ${code}`, new RegExp(`召集 ${code} 已截止报名`));
    await say(k.volB, `参加 ${code}`, new RegExp(`召集 ${code} 已截止报名`));
    expect(await rosterOf(callId, k)).toEqual(['confirmed', 'withdrawn', 'confirmed']);
    expect((await h.prisma.call.findUniqueOrThrow({ where: { id: callId } })).status).toBe('closed');
  });

  it('lets an emergency-team member take the private emergency card by its keyword', async () => {
    const [emA, emB, other] = contacts(3) as [mock.ContactMock, mock.ContactMock, mock.ContactMock];
    const a = await volunteerOf(h, { teams: ['C-EMERGENCY'], station: 'S-XS', ...wechat(emA, '微信应急甲') });
    await volunteerOf(h, { teams: ['C-EMERGENCY'], station: 'S-XS', ...wechat(emB, '微信应急乙') });
    await volunteerOf(h, { station: 'S-XF', ...wechat(other, '微信丙') });
    // The station's team is reachable through a WeChat room.
    const room = mocker.createRoom({ memberIdList: [self.id, other.id], topic: '幸福社区为老服务队' });
    const xfElder = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
    await h.prisma.teamChat.create({ data: { teamId: xfElder.id, channel: 'wechat', chatId: `r:${room.id}`, title: '幸福社区为老服务队' } });
    const countyCoord = await coordinatorOf(h, 'C');
    expect((await h.desk.uow.run((w) => h.desk.emergency.switchMode.execute(w, countyCoord, { on: true, reason: '防汛' }))).ok).toBe(true);
    try {
      const resident = await residentOf(h, { name: '王阿姨' });
      const xf = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
      const need = await h.desk.uow.run((w) =>
        h.desk.intake.submit.execute(w, resident, {
          channel: 'web',
          description: '老人被困电梯',
          truncated: false,
          categoryCode: 'elderly',
          stationId: xf.id,
          address: '幸福小区2号楼',
          location: null,
          wantedTime: '马上',
          phone: '13700003333',
          beneficiary: 'elderly',
          urgency: 'urgent',
          attachments: [],
        }),
      );
      if (!need.ok) throw new Error(need.code);
      const needCode = need.value.code;
      for (const c of [emA, emB]) {
        const card = await next(c, new RegExp(`新需求 ${needCode}`));
        expect(card.text.startsWith('🚨【应急状态】')).toBe(true);
        expect(card.text).toContain(`👉 回复 1 或「接单 ${needCode}」`);
        expect(card.text).not.toContain('13700003333');
      }
      const taking = /接单成功|已被其他志愿者接单|队伍群|不是该队伍/;
      expect((await say(emA, `接单 ${needCode}`, taking)).text).toContain('接单成功');
      expect((await next(emA, new RegExp(`您已接单 ${needCode}`))).text).toContain('13700003333');
      expect((await say(emB, `接单 ${needCode}`, taking)).text).toContain('已被其他志愿者接单');
      // Someone outside the emergency team cannot take it privately.
      expect((await say(other, `接单 ${needCode}`, taking)).text).toMatch(/已被其他志愿者接单|不是该队伍/);
      const claims = await h.prisma.claim.findMany({ where: { needId: need.value.id } });
      expect(claims.map((c) => c.volunteerId)).toEqual([a.personId]);
    } finally {
      const off = await h.desk.uow.run((w) => h.desk.emergency.switchMode.execute(w, countyCoord, { on: false, reason: null }));
      expect(off.ok).toBe(true);
    }
  });
});
