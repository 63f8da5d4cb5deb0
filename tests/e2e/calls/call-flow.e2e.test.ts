// 一呼百应 on Telegram end to end (the compiled bot and worker against the fake Bot API): a
// coordinator walks /call to the preview and sends it; the call reaches 东湖镇's volunteers
// privately with answer buttons and its team groups once; volunteers answer by button, the
// tally is edited in place and the waiting list promoted; the coordinator's controls by tally
// button and keyword. Each test makes its own call.
import { PurposeKey } from '@baiying/domain';
import { drainPresses } from '@baiying/features';
import type { FakeUser, SentMessage } from '../../support/fake-telegram/fake-bot-api.js';
import { callDraft } from '../../support/factories.js';
import {
  buttonCount,
  buttonData,
  coord,
  dm,
  groupC,
  groupDH,
  groupXF,
  HOUR,
  outsider,
  responders,
  useTelegramCalls,
  v1,
  v2,
  v3,
  v4,
  vols,
} from './calls-harness.js';

const t = useTelegramCalls({ token: '424242:CALL-flow_e2e', username: 'baiying_call_bot' });

/** A call by the 东湖镇 coordinator to everyone there (4 Telegram volunteers and the 2 seeded web ones), for two. */
async function sentCall() {
  const call = await t.callBy(coord, callDraft(new Date(), { headcount: 2 }));
  const tally = await t.tally(coord, call.code);
  const messages = new Map<number, SentMessage>();
  for (const v of vols) messages.set(v.id, await t.callMessage(v, call.code));
  return { ...call, tally, messageTo: (u: FakeUser) => messages.get(u.id)! };
}

const answerAtDesk = async (u: FakeUser, callId: string, yes: boolean) => {
  const actor = await t.actor(u);
  const r = await t.h.desk.uow.run((w) => t.h.desk.calls.answer.execute(w, actor, { callId, yes }));
  if (!r.ok) throw new Error(r.code);
  await drainPresses(t.h.desk.uow, t.h.desk.calls.applyAnswers, callId);
};

describe('一呼百应 on Telegram', () => {
  it('refuses /call to a volunteer', async () => {
    const m = await t.say(v1, '/call', /只有管理员可以这样做/);
    expect(m.text).not.toMatch(/[A-Za-z]{4}/); // one language: no English half
    expect(await t.h.prisma.conversationState.count({ where: { channel: 'telegram', chatKey: String(v1.id) } })).toBe(0);
  });

  it('walks /call to a preview with the reach and the minutes, and sends it once on a double tap', async () => {
    const { h } = t;
    const callsBefore = await h.prisma.call.count();
    await t.say(coord, '/call', /请输入标题/);
    const desc = await t.say(coord, '防汛搬沙袋', /需要大家做什么/);
    const place = await t.pressThen(coord, desc, /^跳过/, /在哪里集合/);
    expect(place.text).toContain('发送位置');
    // The site as a shared location (used for check-in by location).
    let from = t.fake.messages.length;
    t.fake.sendLocation(coord, dm(coord), { latitude: 30.27415, longitude: 120.15515 });
    await t.wait(dm(coord), /什么时间/, from);
    await t.say(coord, '等通知', /没看懂时间，或时间已经过去了/);
    await t.say(coord, '明天上午9点到12点', /需要多少人/);
    await t.say(coord, '好多人', /请输入 1 到 100000 之间的人数/);
    const skills = await t.say(coord, '两个人', /需要什么技能/);
    const deadline = await t.pressThen(coord, skills, /^跳过/, /报名截止时间/);
    let audience = await t.pressThen(coord, deadline, /^到开始时截止/, /发给谁/);
    // An audience outside the coordinator's scope is refused in chat, and asked again.
    const units = await t.pressThen(coord, audience, /^按单位/, /请输入单位编号/);
    expect(units.text).toContain('I-DH');
    from = t.fake.messages.length;
    t.fake.sendText(coord, dm(coord), 'S-XS');
    await t.wait(dm(coord), /这不在您的管辖范围内/, from);
    audience = await t.wait(dm(coord), /发给谁/, from);
    const preview = await t.pressThen(coord, audience, /^我管辖范围内的全部志愿者/, /预览「防汛搬沙袋」/);
    // 4 Telegram volunteers of 东湖镇 + the 2 seeded web volunteers of 幸福社区; the web groups
    // of the 5 teams of 东湖镇 and its stations + the 2 Telegram groups bound to them.
    const dhUnits = await h.prisma.orgUnit.findMany({ where: { code: { in: ['I-DH', 'S-XF', 'S-HP'] } } });
    const groups = await h.prisma.teamChat.count({ where: { team: { orgUnitId: { in: dhUnits.map((u) => u.id) } } } });
    expect(groups).toBe(7);
    expect(preview.text).toContain('将私信 6 人（Telegram 4，微信 0，网页 2）');
    expect(preview.text).toContain(`并在 ${groups} 个队伍群发通知`);
    expect(preview.text).toMatch(/按平台限速约需 1 分钟发完/);
    // The time as understood, as dates: "明天上午9点到12点".
    expect(preview.text).toMatch(/🕘 (?<day>\d{1,2}月\d{1,2}日（周[一二三四五六日]）)09:00 – \k<day>12:00\n/);
    from = t.fake.messages.length;
    // A double tap on 发送: the first press sends, the second finds the dialogue gone.
    const taps = [t.fake.pressButton(coord, preview, buttonData(preview, /^发送/)), t.fake.pressButton(coord, preview, buttonData(preview, /^发送/))];
    const toasts = await Promise.all(taps.map((id) => t.fake.waitForCallbackAnswer(id, { timeoutMs: 20_000 })));
    expect(toasts.filter((a) => /过期|stale|expired/i.test(a.text ?? ''))).toHaveLength(1);
    const created = await t.wait(dm(coord), /召集 M-\d{8}-\d{3} 已创建，正在发送给 6 人（预计约 1 分钟发完）/, from);
    // The preview keeps its words, says 发送 was pressed, and has no buttons left (decision 0039).
    const settled = await t.fake.waitFor((m) => m.editOf === preview.messageId && m.chatId === preview.chatId, { timeoutMs: 20_000 });
    expect(settled.text).toBe(`${preview.text}\n✓ 发送`);
    expect(settled.replyMarkup && 'inline_keyboard' in settled.replyMarkup ? settled.replyMarkup.inline_keyboard.flat() : []).toEqual([]);
    const code = /M-\d{8}-\d{3}/.exec(created.text!)![0];
    const tally = await t.wait(dm(coord), new RegExp(`📋 召集 ${code}：防汛搬沙袋（报名中）`), from);
    expect(tally.method).toBe('sendMessage');
    expect(tally.text).toMatch(/签到码 \d{6}/);
    expect(buttonData(tally, /^提醒未回复/)).toMatch(/^cm\./);
    expect(await h.prisma.call.count()).toBe(callsBefore + 1);
    const call = await h.prisma.call.findUniqueOrThrow({ where: { code } });
    expect(call).toMatchObject({
      title: '防汛搬沙袋',
      headcount: 2,
      description: '',
      siteLat: 30.27415,
      siteLng: 120.15515,
      emergency: false,
      createdById: t.personOf.get(coord.id),
    });
    expect(call.answerBy.getTime()).toBe(call.startsAt.getTime());
    expect(call.endsAt.getTime() - call.startsAt.getTime()).toBe(3 * HOUR);
    // A dialogue is over once sent: the next text is not another step of it.
    expect(await h.prisma.conversationState.count({ where: { channel: 'telegram', chatKey: String(coord.id) } })).toBe(0);
  }, 90_000);

  it('reaches every volunteer of 东湖镇 privately with answer buttons, each bound team group once, and nobody outside', async () => {
    const call = await t.callBy(coord, callDraft(new Date(), { headcount: 2 }));
    const tally = await t.tally(coord, call.code);
    for (const v of vols) {
      const m = await t.callMessage(v, call.code);
      expect(m.text).toContain(`📣 志愿召集 ${call.code}：防汛搬沙袋`);
      expect(m.text).toContain('需要 2 人');
      expect(buttonData(m, /^参加/)).toMatch(/^ca\./);
      expect(buttonData(m, /^不能参加/)).toMatch(/^ca\./);
    }
    const notice = await t.wait(groupXF, new RegExp(`📣 志愿召集 ${call.code}.*\\n.*\\n报名通知已私信发给各位`), 0);
    expect(buttonCount(notice)).toBe(0);
    await t.wait(groupDH, new RegExp(`📣 志愿召集 ${call.code}`), 0);
    // Delivery shows on the tally: all 6 delivered (the web ones included).
    await t.tallyEdit(tally, /📨 已送达 6\/6/);
    // Everything sent: only now can "nobody else got it" be told.
    await t.quiet(call.callId);
    for (const u of [outsider, ...responders, groupC]) expect(t.mentions(u, call.code)).toEqual([]);
    for (const g of [groupXF, groupDH]) expect(t.mentions(g, call.code)).toHaveLength(1);
    for (const v of vols) expect(t.mentions(v, call.code).filter((m) => m.method === 'sendMessage')).toHaveLength(1);
    const recipients = (await t.h.prisma.callRecipient.findMany({ where: { callId: call.callId } })).map((r) => r.personId);
    expect(recipients).toHaveLength(6);
    expect(recipients).toEqual(expect.arrayContaining(vols.map((v) => t.personOf.get(v.id)!)));
    expect(recipients).not.toContain(t.personOf.get(outsider.id));
  }, 60_000);

  it('takes answers by button, waitlists the third yes, edits the tally in place and promotes on withdrawal', async () => {
    const call = await sentCall();
    const begin = t.fake.messages.length;
    const yes = /^参加/;
    const no = /^不能参加/;
    expect(await t.answer(v1, call.messageTo(v1), yes, /报名成功/)).toContain(`报名成功！召集 ${call.code} 见`);
    expect(await t.answer(v2, call.messageTo(v2), yes, /报名成功/)).toContain(`报名成功！召集 ${call.code} 见`);
    expect(await t.answer(v3, call.messageTo(v3), yes, /人数已满/)).toContain('人数已满，您在候补名单上');
    expect(await t.answer(v4, call.messageTo(v4), no, /不能参加/)).toContain('已记录您这次不能参加');
    // Buttons that remember: each call message now says the answer and keeps only the button that
    // can change it (the same message, edited); the same answer typed again changes nothing.
    const answered = await t.wait(dm(v2), /✅ 您已报名 · /, begin);
    expect(answered.messageId).toBe(call.messageTo(v2).messageId);
    expect(callbackLabels(answered)).toEqual(['取消报名']);
    expect(callbackLabels(await t.wait(dm(v4), /已回复：这次不能参加 · /, begin))).toEqual(['改为参加']);
    await t.say(v2, `参加 ${call.code}`, /已记录过了/);
    const edited = await t.tallyEdit(call.tally, /✅ 参加 2\/2\s+⏳ 候补 1\s+❌ 不能参加 1\s+… 未回复 2/);
    expect(edited.text).toMatch(/1\. ✅ 甲/);
    expect(edited.text).toMatch(/2\. ✅ 乙/);
    expect(edited.text).toMatch(/3\. ⏳ 丙/);
    // The coordinator's chat holds one tally of the call: every update is an edit of it.
    expect(t.mentions(coord, `📋 召集 ${call.code}`).filter((m) => m.method === 'sendMessage')).toEqual([call.tally]);

    const from = t.fake.messages.length;
    expect(await t.answer(v1, await t.wait(dm(v1), /✅ 您已报名 · /, begin), /^取消报名/, /已为您取消报名/)).toContain('已为您取消报名');
    await t.wait(dm(v3), new RegExp(`🎉 召集 ${call.code}（防汛搬沙袋）有人退出，您已从候补转为正式参加`), from);
    const after = await t.tallyEdit(call.tally, /✅ 参加 2\/2\s+⏳ 候补 0\s+❌ 不能参加 2\s+… 未回复 2/, from);
    expect(after.text).not.toMatch(/✅ 甲/);
    expect(after.text).toMatch(/✅ 丙/);
    const roster = Object.fromEntries((await t.h.prisma.callRecipient.findMany({ where: { callId: call.callId } })).map((r) => [r.personId, r.roster]));
    expect(vols.map((v) => roster[t.personOf.get(v.id)!])).toEqual(['withdrawn', 'confirmed', 'confirmed', 'declined']);
    // Nobody but v3 was promoted: of all the call's recipients, only v3 has a promotion message
    // (every message the desk sends is a row written with the decision, so none can follow).
    const keys = (await t.h.prisma.callRecipient.findMany({ where: { callId: call.callId } })).map((r) => PurposeKey.callPromoted(call.callId, r.personId));
    const promotions = await t.h.prisma.sentMessage.findMany({ where: { purposeKey: { in: keys } } });
    expect(promotions.map((p) => p.purposeKey)).toEqual([PurposeKey.callPromoted(call.callId, t.personOf.get(v3.id)!)]);
  }, 60_000);

  it("gives the coordinator the call's controls by tally button and by keyword", async () => {
    const call = await sentCall();
    // The answers are not this test's subject: given at the desk. The two web volunteers stay silent.
    await answerAtDesk(v2, call.callId, true);
    await answerAtDesk(v3, call.callId, true);
    await answerAtDesk(v1, call.callId, false);
    await answerAtDesk(v4, call.callId, false);
    // Reminding needs the call to have reached everyone.
    await t.quiet(call.callId);
    expect(await t.press(coord, call.tally, /^提醒未回复/)).toContain('已提醒 2 位未回复的志愿者');
    expect(await t.press(coord, call.tally, /^提醒未回复/)).toContain('已经提醒过');
    // The roster on request is a message of its own, not the tally.
    const roster = await t.ask(coord, `名单 ${call.code}`, new RegExp(`📋 召集 ${call.code}`));
    expect(roster.messageId).not.toBe(call.tally.messageId);
    expect(roster.text).toMatch(/✅ 乙/);
    expect(roster.text).toMatch(/✅ 丙/);
    expect((await t.ask(coord, `/roster ${call.code}`, new RegExp(`📋 召集 ${call.code}`))).text).toMatch(/✅ 参加 2\/2/);
    await t.say(v2, `名单 ${call.code}`, /只有管理员可以这样做/);
    await t.say(coord, '/roster', /用法：\/roster 召集编号/);
    await t.say(coord, '截止召集 M-20990101-001', /找不到这个召集/);
    const from = t.fake.messages.length;
    await t.say(coord, `截止召集 ${call.code}`, new RegExp(`召集 ${call.code} 已截止报名`));
    const closed = await t.tallyEdit(call.tally, /（已截止）/, from);
    expect(buttonCount(closed)).toBe(0);
    // No new "yes" after the close; withdrawing is still possible.
    expect(await t.press(v4, call.messageTo(v4), /^参加/)).toContain('已截止报名');
    expect(await t.answer(v2, call.messageTo(v2), /^不能参加/, /已为您取消报名/)).toContain('已为您取消报名');
    const row = await t.h.prisma.call.findUniqueOrThrow({ where: { id: call.callId } });
    expect(row.status).toBe('closed');
    expect(row.nudgedAt).not.toBeNull();
    const rosterAfter = Object.fromEntries((await t.h.prisma.callRecipient.findMany({ where: { callId: call.callId } })).map((r) => [r.personId, r.roster]));
    expect(vols.map((v) => rosterAfter[t.personOf.get(v.id)!])).toEqual(['declined', 'withdrawn', 'confirmed', 'declined']);
  }, 60_000);
});

/** The labels of a message's inline buttons, as the person sees them now. */
function callbackLabels(m: { replyMarkup?: unknown }): string[] {
  const markup = m.replyMarkup as { inline_keyboard?: Array<Array<{ text: string }>> } | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => b.text);
}
