// 平战结合 (emergency mode) end to end on Telegram: who may switch it; in emergency mode calls
// and urgent needs carry the banner, urgent needs also go privately to every emergency-team
// member (one press wins) under the short SLA, and escalate straight to the county centre;
// back in daily mode none of that. Each test starts in daily mode and switches as it needs.
import type { ActorRow } from '@baiying/db';
import { PurposeKey } from '@baiying/domain';
import type { SentMessage } from '../../support/fake-telegram/fake-bot-api.js';
import { callDraft, residentOf } from '../../support/factories.js';
import { waitUntil } from '../../support/test-env.js';
import {
  buttonCount,
  buttonData,
  county,
  dm,
  groupC,
  groupDH,
  groupXF,
  MINUTE,
  outsider,
  responders,
  stationCoord,
  useTelegramCalls,
  v1,
  vols,
} from './calls-harness.js';

const EMERGENCY_SLA_MINUTES = 3;
const SLA_TIME_FACTOR = 0.05; // emergency SLA 3 min → 9 s; daily urgent 15 min → 45 s
const PHONE = '13700002222';

const t = useTelegramCalls({
  token: '454545:EMERGENCY_e2e',
  username: 'baiying_emergency_bot',
  env: { SLA_TIME_FACTOR: String(SLA_TIME_FACTOR), EMERGENCY_SLA_MINUTES: String(EMERGENCY_SLA_MINUTES) },
});

/** Switches the county's mode at the desk (as its coordinator); already so is fine. */
async function setMode(on: boolean): Promise<void> {
  const actor = await t.actor(county);
  const r = await t.h.desk.uow.run((w) => t.h.desk.emergency.switchMode.execute(w, actor, { on, reason: on ? '防汛' : null }));
  if (!r.ok && r.code !== 'mode/unchanged') throw new Error(r.code);
}

beforeEach(() => setMode(false));

/** A new resident of 幸福社区 asks for urgent help at the desk; the worker routes it. */
async function submitUrgent(description: string): Promise<{ code: string; id: string }> {
  const resident: ActorRow = await residentOf(t.h, { name: '王阿姨' });
  const station = await t.h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
  const r = await t.h.desk.uow.run((w) =>
    t.h.desk.intake.submit.execute(w, resident, {
      channel: 'web',
      description,
      truncated: false,
      categoryCode: 'elderly',
      stationId: station.id,
      address: '幸福小区1号楼',
      location: null,
      wantedTime: '马上',
      phone: PHONE,
      beneficiary: 'elderly',
      urgency: 'urgent',
      attachments: [],
    }),
  );
  if (!r.ok) throw new Error(r.code);
  return { code: r.value.code, id: r.value.id };
}

/** A call by the county coordinator to the county's emergency team. */
async function countyCall(title: string) {
  const call = await t.callBy(
    county,
    callDraft(new Date(), { title, description: '', placeText: '县应急物资库', headcount: 5, audience: { teamCodes: ['C-EMERGENCY'] } }),
  );
  return { ...call, emergency: (await t.h.prisma.call.findUniqueOrThrow({ where: { id: call.callId } })).emergency };
}

const firstDispatch = (needId: string) => waitUntil(() => t.h.prisma.dispatch.findFirst({ where: { needId }, orderBy: { createdAt: 'asc' } }), 'dispatch');
const slaMs = (d: { slaDueAt: Date; createdAt: Date }) => d.slaDueAt.getTime() - d.createdAt.getTime();
const BANNER = '🚨【应急状态】';

describe('平战结合 on Telegram', () => {
  it('lets only a county or township coordinator switch emergency mode; calls then carry the banner', async () => {
    const { h } = t;
    const switchesBefore = await h.prisma.modeSwitch.count();
    await t.say(stationCoord, '/emergency on', /只有县中心或乡镇所的管理员可以切换应急状态/);
    await t.say(v1, '/emergency on 防汛', /只有管理员可以这样做/);
    await t.say(county, '/emergency', /用法：\/emergency on/);
    expect(await h.prisma.modeSwitch.count()).toBe(switchesBefore);
    const on = await t.say(county, '/emergency on 防汛', /🚨 清溪县新时代文明实践中心 已切换到应急状态/);
    expect(on.text).toContain(`时限 ${EMERGENCY_SLA_MINUTES} 分钟`);
    await t.say(county, '/emergency on', /已经是这个状态了/);
    const c = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C' } });
    expect(c.emergencyMode).toBe(true);
    const switches = await h.prisma.modeSwitch.findMany({ orderBy: { createdAt: 'asc' }, skip: switchesBefore });
    expect(switches).toEqual([expect.objectContaining({ orgUnitId: c.id, emergency: true, reason: '防汛', byId: t.personOf.get(county.id) })]);
    // A call made now carries the emergency banner.
    const call = await countyCall('转移群众');
    expect(call.emergency).toBe(true);
    for (const r of responders) {
      const m = await t.callMessage(r, call.code);
      expect(m.text!.startsWith(`${BANNER}\n📣 志愿召集 ${call.code}：转移群众`)).toBe(true);
    }
  });

  it('sends an urgent need to the team with the banner and privately to every emergency member; one press wins', async () => {
    await setMode(true);
    const from = t.fake.messages.length;
    const need = await submitUrgent('老人被困家中，需要帮助');
    const card = await t.wait(groupXF, new RegExp(`新需求 ${need.code}`), from);
    expect(card.text!.startsWith(BANNER)).toBe(true);
    expect(card.text).not.toContain(PHONE);
    const direct = new Map<number, SentMessage>();
    for (const r of responders) {
      const m = await t.wait(dm(r), new RegExp(`新需求 ${need.code}`), from);
      expect(m.text!.startsWith(BANNER)).toBe(true);
      expect(m.text).not.toContain(PHONE);
      direct.set(r.id, m);
    }
    const d = await firstDispatch(need.id);
    // The private cards (written with the group card, in one transaction) went to the emergency team only.
    const privately = (await t.h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: PurposeKey.directCardsOf(d.id) } } }))
      .map((m) => m.purposeKey)
      .sort();
    expect(privately).toEqual(responders.map((r) => PurposeKey.directCard(d.id, t.personOf.get(r.id)!)).sort());
    expect(Math.abs(slaMs(d) - EMERGENCY_SLA_MINUTES * MINUTE * SLA_TIME_FACTOR)).toBeLessThan(1000);
    // A volunteer outside the emergency team replaying the payload is refused.
    const replayed = direct.get(responders[0]!.id)!;
    const forged = await t.fake.waitForCallbackAnswer(t.fake.pressButton(v1, replayed, buttonData(replayed, /我来接单/)), { timeoutMs: 20_000 });
    expect(forged.text).toContain('不是该队伍的成员');
    const ids = responders.map((r) => t.fake.pressButton(r, direct.get(r.id)!, buttonData(direct.get(r.id)!, /我来接单/)));
    const answers = await Promise.all(ids.map((id) => t.fake.waitForCallbackAnswer(id, { timeoutMs: 20_000 })));
    expect(answers.filter((a) => a.text?.includes('接单成功'))).toHaveLength(1);
    expect(answers.filter((a) => a.text?.includes('已被其他志愿者接单'))).toHaveLength(2);
    const won = await t.h.prisma.need.findUniqueOrThrow({ where: { id: need.id } });
    expect(won.status).toBe('claimed');
    const claims = await t.h.prisma.claim.findMany({ where: { needId: need.id } });
    expect(claims.map((c) => c.volunteerId)).toEqual([won.claimedById]);
    const winner = responders.find((r) => t.personOf.get(r.id) === won.claimedById)!;
    const details = await t.wait(dm(winner), new RegExp(`您已接单 ${need.code}`), from);
    expect(details.text).toContain(PHONE);
    // Every card of the round (group and private) is edited to name the taker, without buttons.
    await t.fake.waitFor((m) => m.chatId === groupXF.id && m.editOf === card.messageId && /已由 .+ 接单/.test(m.text ?? ''), { timeoutMs: 20_000 });
    for (const r of responders) {
      const edit = await t.fake.waitFor((m) => m.chatId === r.id && m.editOf === direct.get(r.id)!.messageId && /已由 .+ 接单/.test(m.text ?? ''), {
        timeoutMs: 20_000,
      });
      expect(buttonCount(edit)).toBe(0);
    }
    // Volunteers outside the emergency team never saw the need.
    await t.quiet();
    for (const v of [...vols, outsider]) expect(t.mentions(v, need.code)).toEqual([]);
  }, 60_000);

  it('escalates an untaken emergency after the short SLA straight to the county centre', async () => {
    await setMode(true);
    const from = t.fake.messages.length;
    const need = await submitUrgent('独居老人摔倒，需要人去看看');
    await t.wait(groupXF, new RegExp(`新需求 ${need.code}`), from);
    const atCentre = await t.wait(groupC, new RegExp(`新需求 ${need.code}`), from, 40_000);
    expect(atCentre.text!.startsWith(BANNER)).toBe(true);
    await t.fake.waitFor(
      (m) => m.chatId === groupXF.id && m.text?.includes(need.code) === true && /超时未接，已转交清溪县新时代文明实践中心/.test(m.text ?? ''),
      { timeoutMs: 20_000, fromSeq: from },
    );
    const dispatches = await t.h.prisma.dispatch.findMany({ where: { needId: need.id }, orderBy: { createdAt: 'asc' } });
    const c = await t.h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C' } });
    // The township (东湖镇) was skipped: one round at the station, the next at the county.
    expect(dispatches.map((d) => d.status)).toEqual(['escalated', 'open']);
    expect(dispatches[1]!.orgUnitId).toBe(c.id);
    // The county round is an emergency round too: the short SLA.
    expect(Math.abs(slaMs(dispatches[1]!) - EMERGENCY_SLA_MINUTES * MINUTE * SLA_TIME_FACTOR)).toBeLessThan(1000);
    await t.wait(dm(county), new RegExp(`${need.code}.*无人接单，已升级到清溪县`), from);
    await t.quiet();
    expect(t.mentions(groupDH, need.code)).toEqual([]);
  }, 60_000);

  it('switches back to daily routing: no banner, no private cards, the daily SLA', async () => {
    const { h } = t;
    await setMode(true);
    await t.say(county, '/emergency off', /✅ 清溪县新时代文明实践中心 已恢复日常状态/);
    expect((await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'C' } })).emergencyMode).toBe(false);
    const last = await h.prisma.modeSwitch.findMany({ orderBy: { createdAt: 'desc' }, take: 2 });
    expect(last.map((s) => ({ emergency: s.emergency, byId: s.byId }))).toEqual([
      { emergency: false, byId: t.personOf.get(county.id) },
      { emergency: true, byId: t.personOf.get(county.id) },
    ]);
    const from = t.fake.messages.length;
    const need = await submitUrgent('老人需要紧急送药');
    const card = await t.wait(groupXF, new RegExp(`新需求 ${need.code}`), from);
    expect(card.text).not.toContain('应急状态');
    const d = await firstDispatch(need.id);
    expect(Math.abs(slaMs(d) - t.config.sla.urgentMinutes * MINUTE * SLA_TIME_FACTOR)).toBeLessThan(1000);
    // The private cards would be written in the same transaction as the group card: none exist.
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: PurposeKey.directCardsOf(d.id) } } })).toBe(0);
    await t.quiet();
    for (const r of responders) expect(t.mentions(r, need.code)).toEqual([]);
    // A call made now carries no banner.
    const call = await countyCall('物资清点');
    expect(call.emergency).toBe(false);
    const m = await t.callMessage(responders[0]!, call.code);
    expect(m.text!.startsWith(`📣 志愿召集 ${call.code}：物资清点`)).toBe(true);
  }, 60_000);
});
