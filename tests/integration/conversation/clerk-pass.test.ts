// The conversation reads like a good clerk's: help that fits the person, /pending with the
// volunteer applications to decide, questions rewritten once answered (is it done?, the stars,
// a call's answers), the resident's rating comment reaching the volunteer, the
// summary repeating the time as a date and fixing one field, no time taken from circumstances,
// and a call's teams by name — through the conversation engine
// on the real database.
import { randomUUID } from 'node:crypto';
import type { ConversationEngine } from '@baiying/conversation';
import type { ActorRow } from '@baiying/db';
import { PurposeKey, type Channel, type InboundEvent, type OutMessage } from '@baiying/domain';
import { drainPresses, type Desk } from '@baiying/features';
import { doneBy, openDispatchOf, routedNeed, takeInGroup } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

describe('the clerk pass', () => {
  const config = testConfig();
  let h: DeskHarness;
  let desk: Desk;
  let engine: ConversationEngine;
  let seq = 0;

  const ev = (from: string, body: Partial<InboundEvent>): InboundEvent => ({
    channel: 'web',
    updateId: `clerk${++seq}`,
    chat: { id: from, kind: 'private' },
    from: { externalId: from, displayName: from },
    kind: 'text',
    ...body,
  });
  const say = (from: string, text: string) => engine.handle(ev(from, { kind: 'text', text }));
  const cmd = (from: string, name: string, args = '') => engine.handle(ev(from, { kind: 'command', command: { name, args } }));
  const press = (from: string, data: string) => engine.handle(ev(from, { kind: 'callback', callback: { id: `cb${seq}`, data } }));
  /** A press in someone's private chat on their own channel (the chat id is the user's there). */
  const pressIn = (channel: Channel, chatId: string, data: string) =>
    engine.handle({ ...ev(chatId, { kind: 'callback', callback: { id: `cb${seq}`, data } }), channel });
  /** The message sent under `purposeKey` as its recipient reads it now: the newest rewrite, else the original. */
  async function current(purposeKey: string): Promise<OutMessage & { edits: number }> {
    const edits = await h.prisma.sentMessage.findMany({ where: { editOf: purposeKey }, orderBy: { seq: 'asc' } });
    const row = edits.at(-1) ?? (await h.prisma.sentMessage.findUniqueOrThrow({ where: { purposeKey } }));
    return { ...(JSON.parse(h.cipher.decrypt(row.bodyEnc)) as OutMessage), edits: edits.length };
  }
  const labels = (m: OutMessage) => (m.buttons ?? []).flat().map((b) => b.label);
  async function sent(chatId: string, after = 0): Promise<Array<OutMessage & { seq: number; purposeKey: string }>> {
    const rows = await h.prisma.sentMessage.findMany({ where: { chatId, seq: { gt: after } }, orderBy: { seq: 'asc' } });
    return rows.map((r) => ({ ...(JSON.parse(h.cipher.decrypt(r.bodyEnc)) as OutMessage), seq: Number(r.seq), purposeKey: r.purposeKey }));
  }
  const last = async (chatId: string) => (await sent(chatId)).at(-1)!;
  const lastSeq = async (chatId: string) => (await sent(chatId)).at(-1)?.seq ?? 0;
  const button = (m: OutMessage, label: RegExp): string => {
    const b = m.buttons?.flat().find((x) => label.test(x.label));
    if (!b) throw new Error(`no button ${label} in ${JSON.stringify(m)}`);
    return b.data;
  };
  const actorOf = (key: string, name: string): Promise<ActorRow> =>
    desk.uow.run(async (w) => w.repos.people.actor((await w.repos.people.resolve('web', key, null, name, null)).personId));

  beforeAll(async () => {
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher);
    desk = h.desk;
    engine = await h.engine({ desk });
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('lists in /help only what this person can do', async () => {
    const resident = `res-${randomUUID()}`;
    await cmd(resident, 'help');
    const r = (await last(resident)).text;
    expect(r).toContain('居民：直接描述需求即可');
    expect(r).toContain('/register');
    expect(r).not.toMatch(/志愿者：|管理员：/);

    await cmd('demo-vol-li', 'help');
    const v = (await last('demo-vol-li')).text;
    expect(v).toContain('志愿者：');
    expect(v).not.toContain('管理员：');
    expect(v).not.toContain('/register');

    await cmd('demo-coord-dh', 'help');
    const c = (await last('demo-coord-dh')).text;
    expect(c).toContain('管理员：');
    expect(c).toContain('/pending');
    // A few lines, not a manual.
    expect(c.split('\n').length).toBeLessThanOrEqual(4);
  });

  it('puts the volunteer applications awaiting a decision in /pending, with buttons that decide them', async () => {
    const newcomer = await actorOf(`new-vol-${randomUUID()}`, '刘晓');
    const team = await h.prisma.team.findUniqueOrThrow({ where: { code: 'S-XF-ELDER' } });
    const r = await desk.uow.run((w) =>
      desk.volunteers.register.execute(w, newcomer, { name: '刘晓', phone: '13912345678', stationId: team.orgUnitId, teamIds: [team.id], skills: ['理发'] }),
    );
    expect(r.ok).toBe(true);
    const before = await lastSeq('demo-coord-dh');
    await cmd('demo-coord-dh', 'pending');
    const out = await sent('demo-coord-dh', before);
    expect(out.some((m) => /待审核的志愿者申请（1）/.test(m.text))).toBe(true);
    const item = out.find((m) => m.text.includes('刘晓'))!;
    expect(item.text).toContain('幸福社区为老服务队');
    const approved = await press('demo-coord-dh', button(item, /批准/));
    expect(approved.callbackAnswer?.text).toContain('刘晓');
    const m = await h.prisma.teamMembership.findFirstOrThrow({ where: { volunteerId: newcomer.personId, teamId: team.id } });
    expect(m.status).toBe('approved');
    // Buttons that remember: every message that asked (the listing pressed, the registration alerts
    // to each coordinator in scope) now says who decided and when, without buttons.
    const asked = await h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: `approval.${newcomer.personId}.t.${team.id}.` }, editOf: null } });
    expect(asked.map((a) => a.chatId).sort()).toEqual(['demo-coord-county', 'demo-coord-dh', 'demo-coord-dh']);
    for (const a of asked) {
      const edit = await h.prisma.sentMessage.findFirstOrThrow({ where: { editOf: a.purposeKey } });
      const body = JSON.parse(h.cipher.decrypt(edit.bodyEnc)) as OutMessage;
      expect(body.text).toMatch(/刘晓 申请加入：幸福社区为老服务队\n✅ 已批准 · 赵主任 \d{1,2}月\d{1,2}日（周[一二三四五六日]）\d\d:\d\d/);
      expect(body.buttons ?? []).toEqual([]);
    }
    // A second press (a stale copy) changes nothing and says so.
    const again0 = await press('demo-coord-dh', button(item, /拒绝/));
    expect(again0.callbackAnswer?.text).toContain('已经处理过');
    expect((await h.prisma.teamMembership.findFirstOrThrow({ where: { id: m.id } })).status).toBe('approved');
    // Decided: the next /pending no longer lists it; a resident gets no applications at all.
    const again = await lastSeq('demo-coord-dh');
    await cmd('demo-coord-dh', 'pending');
    expect((await sent('demo-coord-dh', again)).some((x) => x.text.includes('刘晓'))).toBe(false);
    const resident = `res-${randomUUID()}`;
    await cmd(resident, 'pending');
    expect((await last(resident)).text).not.toContain('刘晓');
  });

  it('sends the resident’s rating comment to the volunteer who did the job, once', async () => {
    const resident = `res-${randomUUID()}`;
    const need = await routedNeed(h, resident, { teamCode: 'S-XF-ELDER' }, desk);
    const li = await actorOf('demo-vol-li', '李师傅');
    await doneBy(h, li, need.id, 2, desk);
    await say(resident, `评价 ${need.code} 5 师傅很耐心，手艺好`);
    const toLi = await h.prisma.sentMessage.findMany({ where: { purposeKey: `need.${need.id}.rating_comment` } });
    expect(toLi).toHaveLength(1);
    expect(toLi[0]!.chatId).toBe('demo-vol-li');
    expect(h.cipher.decrypt(toLi[0]!.bodyEnc)).toMatch(new RegExp(`居民对 ${need.code} 的评价：“师傅很耐心[，,]手艺好”`));
    // A second comment is not kept and not sent.
    await say(resident, `评价 ${need.code} 4 再说一次`);
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: `need.${need.id}.rating_comment` } })).toBe(1);
  });

  it('rewrites “is it done?” and the stars once answered, keeping each rewrite to its own question', async () => {
    const resident = `res-${randomUUID()}`;
    const need = await routedNeed(h, resident, { teamCode: 'S-XF-ELDER' }, desk);
    const li = await actorOf('demo-vol-li', '李师傅');
    await doneBy(h, li, need.id, 2, desk);
    const asks = () =>
      h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: PurposeKey.needAskConfirmsOf(need.id) }, editOf: null }, orderBy: { seq: 'asc' } });
    const [first] = await asks();
    const firstAsk = await current(first!.purposeKey);
    expect(labels(firstAsk)).toEqual(['是，已完成', '还没有']);
    // "还没有": the question now says so, without buttons.
    await press(resident, button(firstAsk, /还没有/));
    const disputed = await current(first!.purposeKey);
    expect(disputed.text).toMatch(
      new RegExp(`需求 ${need.code}：您回复了“还没有”，已通知志愿者跟进 · \\d{1,2}月\\d{1,2}日（周[一二三四五六日]）\\d\\d:\\d\\d`),
    );
    expect(labels(disputed)).toEqual([]);
    // A stale copy of the first question pressed "yes" changes nothing: the need is no longer done.
    const stale = await press(resident, button(firstAsk, /是，已完成/));
    expect(stale.callbackAnswer?.alert).toBe(true);
    expect((await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).not.toBe('confirmed');
    // Finished again: a second question; "yes" rewrites that one, and the first keeps its answer.
    const claim = await h.prisma.claim.findFirstOrThrow({ where: { needId: need.id, status: 'active' } });
    expect((await desk.uow.run((w) => desk.claims.finish.execute(w, li, { claim: { claimId: claim.id }, hours: 2 }))).ok).toBe(true);
    const second = (await asks()).at(-1)!;
    expect(second.purposeKey).not.toBe(first!.purposeKey);
    await press(resident, button(await current(second.purposeKey), /是，已完成/));
    expect((await current(second.purposeKey)).text).toContain(`需求 ${need.code}：✅ 您已确认完成`);
    expect(await current(first!.purposeKey)).toMatchObject({ text: disputed.text, edits: 1 });
    // The stars: the pressed question shows the stars given and loses its buttons; a second press is refused.
    const askRating = PurposeKey.needAskRating(need.id);
    const stars = await current(askRating);
    expect(labels(stars)).toHaveLength(5);
    await press(resident, button(stars, /4星/));
    expect(await current(askRating)).toMatchObject({ text: `您为 ${need.code} 打了 ⭐⭐⭐⭐ 4星，谢谢！`, edits: 1 });
    expect(labels(await current(askRating))).toEqual([]);
    const again = await press(resident, button(stars, /5星/));
    expect(again.callbackAnswer).toMatchObject({ alert: true });
    expect(await current(askRating)).toMatchObject({ edits: 1 });
    expect((await h.prisma.rating.findFirstOrThrow({ where: { needId: need.id } })).score).toBe(4);
  });

  it('rewrites a call message with the answer and the one button that can still change it', async () => {
    const coord = await actorOf('demo-coord-dh', '赵主任');
    const created = await desk.uow.run((w) =>
      desk.calls.create.execute(w, coord, {
        title: '敬老院包饺子',
        description: '冬至陪老人包饺子',
        placeText: '幸福社区敬老院',
        startsAt: new Date(Date.now() + 2 * 86_400_000),
        endsAt: new Date(Date.now() + 2 * 86_400_000 + 7_200_000),
        headcount: 1,
        audience: { teamCodes: ['S-XF-ELDER', 'S-XF-REPAIR'] },
      }),
    );
    if (!created.ok) throw new Error(created.code);
    const callId = created.value.callId;
    await desk.uow.run((w) => desk.calls.fanOut.execute(w, { callId, budget: { telegram: 1000, wechat: 1000, web: 1000 } }));
    // Two recipients on channels that edit (WeChat has no buttons: its reply says it).
    const messages = await h.prisma.sentMessage.findMany({
      where: { purposeKey: { startsWith: PurposeKey.callMessagesOf(callId) }, channel: { not: 'wechat' } },
    });
    expect(messages.length).toBeGreaterThanOrEqual(2);
    const [a, b] = messages as [(typeof messages)[0], (typeof messages)[0]];
    // A press is recorded at once (✓) and applied by the call's consumer (decision 0037), here drained in-process.
    const answer = async (m: typeof a, label: RegExp) => {
      const pressed = await pressIn(m.channel, m.chatId, button(await current(m.purposeKey), label));
      await drainPresses(desk.uow, desk.calls.applyAnswers, callId);
      return pressed;
    };
    const stateOf = async (m: typeof a) => {
      const c = await current(m.purposeKey);
      return { status: c.text.split('\n').at(-1)!.replace(/ · .*/, ''), buttons: labels(c) };
    };
    // A first "参加" takes the one place; the message keeps only 取消报名.
    const beforeAnswer = await lastSeq(a.chatId);
    expect((await answer(a, /^参加$/)).callbackAnswer?.text).toBe('✓');
    expect((await sent(a.chatId, beforeAnswer)).map((m) => m.text)).toContainEqual(expect.stringContaining('报名成功'));
    expect(await stateOf(a)).toEqual({ status: '✅ 您已报名', buttons: ['取消报名'] });
    expect((await current(a.purposeKey)).text).toContain('敬老院包饺子');
    // A second is waitlisted.
    await answer(b, /^参加$/);
    expect(await stateOf(b)).toEqual({ status: '⏳ 您在候补名单上，有人退出会按顺序通知您', buttons: ['取消报名'] });
    // The first withdraws from the rewritten message: it offers 改为参加; the waiting one moves up.
    await answer(a, /取消报名/);
    expect(await stateOf(a)).toEqual({ status: '已取消报名', buttons: ['改为参加'] });
    expect(await stateOf(b)).toEqual({ status: '✅ 已从候补转为正式参加', buttons: ['取消报名'] });
    // Joining again is waitlisted (the place is taken), and the answer stays exact.
    await answer(a, /改为参加/);
    expect(await stateOf(a)).toEqual({ status: '⏳ 您在候补名单上，有人退出会按顺序通知您', buttons: ['取消报名'] });
    const roster = await h.prisma.callRecipient.findMany({ where: { callId, personId: { in: [a, b].map((m) => m.purposeKey.split('.').at(-1)!) } } });
    expect(roster.map((r) => r.roster).sort()).toEqual(['confirmed', 'waitlisted']);
  });

  it('edits a multi-select menu in place on every tick, and takes several numbers at once where there are no buttons', async () => {
    // /register's teams, on the web (edits): one menu message, rewritten per tick.
    const web = `vol-${randomUUID()}`;
    await cmd(web, 'register');
    await say(web, '周小燕');
    await say(web, '13912340000');
    await press(web, button(await last(web), /幸福社区/));
    const menu = await last(web);
    expect(menu.text).toContain('请选择要加入的队伍');
    const before = await lastSeq(web);
    await press(web, button(menu, /为老服务队/));
    await press(web, button(menu, /维修/));
    await press(web, button(menu, /为老服务队/));
    const later = await sent(web, before);
    // Three ticks, no new message: three rewrites of the one menu, the newest with one team ticked.
    expect(later.map((m) => m.purposeKey)).toEqual(
      [1, 2, 3].map(() => expect.stringMatching(new RegExp(`^${menu.purposeKey.replace(/\./g, '\\.')}\\.tick\\.`))),
    );
    const ticked = await current(menu.purposeKey);
    expect(ticked.edits).toBe(3);
    expect(labels(ticked).filter((l) => l.startsWith('☑️'))).toEqual([expect.stringContaining('维修')]);
    await press(web, button(ticked, /选好了/));
    expect((await last(web)).text).toContain('有什么特长');

    // The same form on WeChat: one numbered list answered "1 2" ticks both and sends one new list.
    const wx = `c:wx-${randomUUID()}`;
    const onWechat = (body: Partial<InboundEvent>) => engine.handle({ ...ev(wx, body), channel: 'wechat' });
    await onWechat({ kind: 'command', command: { name: 'register', args: '' } });
    await onWechat({ kind: 'text', text: '吴大勇' });
    await onWechat({ kind: 'text', text: '13912340001' });
    await onWechat({ kind: 'callback', callback: { id: 'x1', data: button(await last(wx), /幸福社区/) } });
    const list = await last(wx);
    const teamButtons = (list.buttons ?? []).flat().filter((b) => b.label.startsWith('⬜'));
    expect(teamButtons.length).toBeGreaterThanOrEqual(2);
    const wxBefore = await lastSeq(wx);
    await onWechat({ kind: 'callback', callback: { id: 'x2', data: teamButtons[0]!.data, more: [teamButtons[1]!.data] } });
    const wxAfter = await sent(wx, wxBefore);
    expect(wxAfter).toHaveLength(1);
    expect(labels(wxAfter[0]!).filter((l) => l.startsWith('☑️'))).toHaveLength(2);
    // Several numbers where one is not a tick of this form (a stale form's button): refused, nothing ticked.
    const other = await onWechat({ kind: 'callback', callback: { id: 'x3', data: teamButtons[0]!.data, more: ['cf.not-a-button'] } });
    expect(other.callbackAnswer).toMatchObject({ alert: true });
    // WeChat has no toasts: the refusal is the one message that follows, and no list is sent again.
    expect((await sent(wx, wxAfter[0]!.seq)).map((m) => m.text)).toEqual(['这一步请只回复一个编号。']);
  });

  it('lets a coordinator tick the teams of a call from buttons, edited in place', async () => {
    const coord = 'demo-coord-dh';
    await cmd(coord, 'cancel');
    await cmd(coord, 'call');
    await say(coord, '敬老院包饺子');
    await press(coord, button(await last(coord), /跳过/));
    await say(coord, '幸福社区敬老院');
    await say(coord, '明天上午9点到11点');
    await say(coord, '3');
    await press(coord, button(await last(coord), /跳过/));
    await press(coord, button(await last(coord), /到开始时截止/));
    await press(coord, button(await last(coord), /队伍/));
    const menu = await last(coord);
    expect(menu.text).toContain('选择要召集的队伍');
    await press(coord, button(menu, /幸福社区为老服务队/));
    await press(coord, button(menu, /便民维修/));
    const ticked = await current(menu.purposeKey);
    expect(ticked.edits).toBe(2);
    // A tick of a team outside the menu (a forged choice: the form's buttons are not signed) changes nothing.
    const real = button(ticked, /便民维修/);
    const forged = await press(coord, real.replace(/t:[0-9a-f-]{36}/, `t:${randomUUID()}`));
    expect(forged.callbackAnswer?.text).toBeTruthy();
    expect(await current(menu.purposeKey)).toMatchObject({ edits: 2 });
    await press(coord, button(ticked, /选好了/));
    const preview = await last(coord);
    // The preview states the time as understood, as dates ("明天上午9点到11点").
    expect(preview.text).toMatch(/预览「敬老院包饺子」：🕘 (?<day>\d{1,2}月\d{1,2}日（周[一二三四五六日]）)09:00 – \k<day>11:00\n将私信 \d+ 人/);
    const c = await actorOf(coord, '赵主任');
    const byCode = await desk.uow.run((w) =>
      desk.calls.preview.execute(w, c, {
        title: '敬老院包饺子',
        description: '',
        placeText: '幸福社区敬老院',
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 90_000_000),
        headcount: 3,
        audience: { teamCodes: ['S-XF-ELDER', 'S-XF-REPAIR'] },
      }),
    );
    expect(byCode.ok && preview.text).toContain(`将私信 ${byCode.ok ? byCode.value.recipients : -1} 人`);
    await cmd(coord, 'cancel');
  });

  it('passes messages between the resident and the taker while the job is in hand, and only then', async () => {
    const resident = `res-${randomUUID()}`;
    const need = await routedNeed(h, resident, { teamCode: 'S-XF-ELDER', phone: '13911112222' }, desk);
    const li = await actorOf('demo-vol-li', '李师傅');
    const stranger = `res-${randomUUID()}`;
    // Before anyone takes it there is nobody to write to.
    await say(resident, `回复 ${need.code} 有人吗`);
    expect((await last(resident)).text).toContain('已不在服务中');
    expect(await takeInGroup(h, li, await openDispatchOf(h, need.id), desk)).toMatchObject({ ok: true });
    const taken = (await sent(resident)).find((m) => m.text.includes('接下了您的需求'))!;
    expect(labels(taken)).toEqual(['💬 给志愿者留言']);
    // The resident types to the taker; the taker answers from the 💬 button on what arrived.
    const liBefore = await lastSeq('demo-vol-li');
    await say(resident, `回复 ${need.code} 师傅几点到`);
    expect((await last(resident)).text).toBe('已转达给志愿者。');
    const toLi = (await sent('demo-vol-li', liBefore)).filter((m) => m.purposeKey.startsWith(`need.${need.id}.relay.`));
    expect(toLi.map((m) => m.text)).toEqual([expect.stringContaining(`${need.code} 的居民留言：“师傅几点到”`)]);
    expect(toLi[0]!.text).not.toContain('13911112222');
    await engine.handle({ ...ev('demo-vol-li', { kind: 'callback', callback: { id: 'r1', data: button(toLi[0]!, /回复/) } }) });
    await say('demo-vol-li', '下午三点到，请在家等我');
    expect((await last(resident)).text).toContain(`志愿者 李师傅 关于 ${need.code} 留言：“下午三点到，请在家等我”`);
    // Phones only by choice: the resident presses 📞 on what arrived; the taker gets the number once.
    const fromLi = await last(resident);
    const liBeforeShare = await lastSeq('demo-vol-li');
    expect((await press(resident, button(fromLi, /分享我的电话/))).callbackAnswer?.text).toBe('已把您的电话告诉志愿者。');
    expect((await sent('demo-vol-li', liBeforeShare)).map((m) => m.text)).toEqual([`📞 ${need.code} 的居民愿意让您直接联系：13911112222（仅供本次服务使用）`]);
    expect((await press(resident, button(fromLi, /分享我的电话/))).callbackAnswer).toMatchObject({ alert: true, text: '您已经分享过电话了。' });
    await say(stranger, `分享电话 ${need.code}`);
    expect((await last(stranger)).text).not.toContain('已把您的电话');
    expect(await h.prisma.needEvent.count({ where: { needId: need.id, type: 'share_phone' } })).toBe(1);
    // Kept as need events, the words encrypted.
    const events = await h.prisma.needEvent.findMany({ where: { needId: need.id, type: 'relay' }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => (e.data as { from: string }).from)).toEqual(['resident', 'volunteer']);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('三点');
    expect(events.map((e) => h.cipher.decrypt((e.data as { textEnc: string }).textEnc))).toEqual(['师傅几点到', '下午三点到，请在家等我']);
    // Someone else, an empty or oversized message, and too many in an hour: refused, nothing passed on.
    const strangerBefore = await lastSeq('demo-vol-li');
    await say(stranger, `回复 ${need.code} 我也想知道`);
    expect((await last(stranger)).text).not.toContain('已转达');
    await say(resident, `回复 ${need.code} ${'长'.repeat(251)}`);
    expect((await last(resident)).text).toContain('250 字以内');
    // Ten an hour from each side (the resident's first above, nine more here), the eleventh refused.
    for (let i = 2; i <= 10; i++) await say(resident, `回复 ${need.code} 第${i}条`);
    await say(resident, `回复 ${need.code} 第11条`);
    expect((await last(resident)).text).toBe('留言太频繁了，请稍后再发。');
    expect(await h.prisma.needEvent.count({ where: { needId: need.id, type: 'relay', actorId: need.actor.personId } })).toBe(10);
    expect((await sent('demo-vol-li', strangerBefore)).filter((m) => /我也想知道|第11条|长长/.test(m.text))).toEqual([]);
    // Done and confirmed: the relay closes.
    const claim = await h.prisma.claim.findFirstOrThrow({ where: { needId: need.id, status: 'active' } });
    expect((await desk.uow.run((w) => desk.claims.finish.execute(w, li, { claim: { claimId: claim.id }, hours: 1 }))).ok).toBe(true);
    await say(resident, `评价 ${need.code} 5`);
    await say('demo-vol-li', `回复 ${need.code} 不客气`);
    expect((await last('demo-vol-li')).text).toContain('已不在服务中');
  });

  it('repeats the time as a date with its weekday, lets the resident fix one field, and takes no time from circumstances', async () => {
    const resident = `res-${randomUUID()}`;
    // "晚上" describes when the trouble shows, not when help is wanted: the form asks.
    await say(resident, '晚上老人上下楼看不见，幸福社区3号楼楼道灯坏了，想找人修一下');
    let guard = 0;
    let m = await last(resident);
    const answers: Array<[RegExp, () => Promise<unknown>]> = [
      [/希望什么时候来/, () => say(resident, '明天上午')],
      [/联系电话/, () => say(resident, '13912345678')],
      [/服务对象是哪一类/, () => press(resident, button(m, /老/))],
      [/哪一类|对吗|类别/, () => press(resident, m.buttons!.flat()[0]!.data)],
      [/哪个社区或村/, () => say(resident, '幸福社区')],
      [/具体地址/, () => say(resident, '3号楼2单元')],
    ];
    const asked: string[] = [];
    while (!/请确认/.test(m.text) && guard++ < 10) {
      const a = answers.find(([re]) => re.test(m.text));
      if (!a) throw new Error(`unexpected question: ${m.text}`);
      asked.push(m.text);
      await a[1]();
      m = await last(resident);
    }
    expect(asked.some((q) => /希望什么时候来/.test(q))).toBe(true);
    // Sunday 6 December 2026 or whenever the test runs: the summary names the date and weekday.
    expect(m.text).toMatch(/时间：\d{1,2}月\d{1,2}日（周[一二三四五六日]）上午/);
    // Fix only the time: asked again, then the summary returns with the rest kept.
    await press(resident, button(m, /改时间/));
    expect((await last(resident)).text).toMatch(/希望什么时候来/);
    await say(resident, '下周三下午');
    m = await last(resident);
    expect(m.text).toMatch(/请确认/);
    expect(m.text).toMatch(/时间：\d{1,2}月\d{1,2}日（周三）下午/);
    expect(m.text).toContain('139');
    // Typed, the same: "改电话" asks the phone again.
    await say(resident, '改电话');
    expect((await last(resident)).text).toMatch(/联系电话/);
    await say(resident, '13812345678');
    m = await last(resident);
    expect(m.text).toMatch(/请确认/);
    // An edit button replayed after submitting does nothing to the submitted need.
    const stale = button(m, /改地点/);
    await press(resident, button(m, /确认提交/));
    expect((await last(resident)).text).toMatch(/已提交，编号 N-\d{8}-\d{4}/);
    const after = await lastSeq(resident);
    await press(resident, stale);
    expect((await sent(resident, after)).some((x) => /哪个社区|请确认/.test(x.text))).toBe(false);
    expect(await h.prisma.need.count({ where: { resident: { identities: { some: { externalId: resident } } } } })).toBe(1);
    // The group's card says what the job is in a few vocabulary words, never the resident's text.
    const need = await h.prisma.need.findFirstOrThrow({ where: { resident: { identities: { some: { externalId: resident } } } } });
    expect(need.taskTerms).toEqual(['楼道灯', '坏了', '找人修']);
    // Routing is the worker's job; here it runs in place.
    await desk.uow.run((w) => desk.routing.route.execute(w, { needId: need.id }));
    const dispatch = await h.prisma.dispatch.findFirstOrThrow({ where: { needId: need.id } });
    const card = await h.prisma.sentMessage.findFirstOrThrow({ where: { purposeKey: { startsWith: `card.${dispatch.id}.` }, editOf: null } });
    const cardText = (JSON.parse(h.cipher.decrypt(card.bodyEnc)) as OutMessage).text;
    expect(cardText.split('\n')[0]).toBe(`【新需求 ${need.code}】楼道灯 坏了 找人修`);
    expect(cardText).not.toMatch(/上下楼|看不见|3号楼|2单元|138|139/);
  });

  it('keeps on a card only task words of the category’s vocabulary found in the description', async () => {
    const resident = `res-${randomUUID()}`;
    const actor = await actorOf(resident, resident);
    const station = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } });
    /** A repair need at S-XF with these words and task terms, as the intake form would submit it. */
    const submit = (description: string, taskTerms: string[]) =>
      desk.uow.run((w) =>
        desk.intake.submit.execute(w, actor, {
          channel: 'web',
          description,
          truncated: false,
          categoryCode: 'repair',
          stationId: station.id,
          address: null,
          location: null,
          wantedTime: null,
          phone: null,
          beneficiary: 'none',
          urgency: 'normal',
          attachments: [],
          taskTerms,
        }),
      );
    // Forged: a name and a phone from the text beside a real vocabulary word.
    const r = await submit('张三家的马桶堵了，电话13912345678，幸福小区3号楼', ['张三', '13912345678', ' 马桶 ']);
    expect(r.ok ? r.value.taskTerms : r).toEqual(['马桶']);
    // Too many or too long: refused as bad input, nothing saved.
    const tooMany = await submit('马桶堵了', ['a', 'b', 'c', 'd']);
    expect(tooMany.ok ? 'ok' : tooMany.code).toBe('input/invalid');
  });

  it('reads a call’s teams by name (the headcount as written: call-draft.spec)', async () => {
    const coord = await actorOf('demo-coord-dh', '赵主任');
    const draft = (teamCodes: string[]) => ({
      title: '清扫积雪',
      description: '社区道路积雪清扫',
      placeText: '幸福社区',
      startsAt: new Date(Date.now() + 86_400_000),
      endsAt: new Date(Date.now() + 90_000_000),
      headcount: 5,
      audience: { teamCodes },
    });
    const preview = (teams: string[]) => desk.uow.run((w) => desk.calls.preview.execute(w, coord, draft(teams)));
    const byName = await preview(['幸福社区为老服务队', 'Xingfu repairs team']);
    expect(byName.ok).toBe(true);
    const byCode = await preview(['S-XF-ELDER', 'S-XF-REPAIR']);
    expect(byName.ok && byCode.ok && byName.value.recipients).toBe(byCode.ok ? byCode.value.recipients : -1);
    // Part of a name: one team in scope → that team; several → refused naming them; outside scope → not found.
    expect((await preview(['便民维修'])).ok).toBe(true);
    const ambiguous = await preview(['助老队']);
    expect(ambiguous.ok ? 'ok' : [ambiguous.code, ambiguous.detail?.codes]).toEqual(['call/ambiguous_team', 'I-DH-ELDER、S-HP-ELDER']);
    const outside = await preview(['西山街道维修队']);
    expect(outside.ok ? 'ok' : outside.code).toBe('team/not_found');
  });
});
