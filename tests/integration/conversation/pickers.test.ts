// Single-choice pickers settle once answered (decision 0039, Turn.settle): on a channel that
// edits (the web chat here; Telegram in tests/e2e/telegram/pickers.e2e.test.ts) the question is
// rewritten to the choice made and loses its buttons; a press of an answered or older question
// is refused as expired and changes nothing; a repeated press does nothing twice — unless the open
// question's own message was lost at a kill (uncertain), which is then asked again (by the
// reconciler when the claim's lease runs out, or on a press of an older button). WeChat, which
// cannot edit, gets no rewrite. Through the conversation engine on the real database.
import { randomUUID } from 'node:crypto';
import type { ConversationEngine } from '@baiying/conversation';
import { silentLogger, type Channel, type InboundEvent, type OutMessage } from '@baiying/domain';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

describe('single-choice pickers that remember', () => {
  const config = testConfig();
  let h: DeskHarness;
  let engine: ConversationEngine;
  let seq = 0;

  const ev = (channel: Channel, from: string, body: Partial<InboundEvent>): InboundEvent => ({
    channel,
    updateId: `pick${++seq}`,
    chat: { id: from, kind: 'private' },
    from: { externalId: from, displayName: from },
    kind: 'text',
    ...body,
  });
  const on = (channel: Channel, from: string) => ({
    say: (text: string) => engine.handle(ev(channel, from, { kind: 'text', text })),
    press: (data: string) => engine.handle(ev(channel, from, { kind: 'callback', callback: { id: `cb${seq}`, data } })),
  });
  type Sent = OutMessage & { purposeKey: string; editOf: string | null };
  async function sent(chatId: string): Promise<Sent[]> {
    const rows = await h.prisma.sentMessage.findMany({ where: { chatId }, orderBy: { seq: 'asc' } });
    return rows.map((r) => ({ ...(JSON.parse(h.cipher.decrypt(r.bodyEnc)) as OutMessage), purposeKey: r.purposeKey, editOf: r.editOf }));
  }
  /** The newest new message (not an edit) in the chat. */
  const last = async (chatId: string) => (await sent(chatId)).filter((m) => !m.editOf).at(-1)!;
  const editsOf = async (chatId: string, m: Sent) => (await sent(chatId)).filter((x) => x.editOf === m.purposeKey);
  const button = (m: OutMessage, label: RegExp): string => {
    const b = m.buttons?.flat().find((x) => label.test(x.label));
    if (!b) throw new Error(`no button ${label} in ${JSON.stringify(m)}`);
    return b.data;
  };

  /** A new resident's intake in the web chat, the category confirmed: at the station question. */
  async function atStationQuestion() {
    const who = `res-${randomUUID()}`;
    const web = on('web', who);
    await web.say('我家老人腿脚不便，想找人上门理发');
    const proposal = await last(who);
    const yes = button(proposal, /是的/);
    await web.press(yes);
    const stations = await last(who);
    expect(stations.text).toContain('哪个社区或村');
    return { who, web, proposal, yes, stations };
  }

  beforeAll(async () => {
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher);
    engine = await h.engine({ desk: h.desk });
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('rewrites each answered question of the intake form in the web chat, refuses stale presses, and submits once', async () => {
    const who = `res-${randomUUID()}`;
    const web = on('web', who);
    await web.say('我家老人腿脚不便，想找人上门理发');
    const proposal = await last(who);
    expect(proposal.text).toContain('我理解您需要：为老助老');
    const yes = button(proposal, /是的/);
    expect((await web.press(yes)).callbackAnswer?.alert).toBe(false);
    // The proposal says what was chosen, without buttons; the next question follows.
    expect(await editsOf(who, proposal)).toEqual([expect.objectContaining({ text: '类别：为老助老 ✓' })]);
    expect((await editsOf(who, proposal))[0]!.buttons ?? []).toEqual([]);
    const stations = await last(who);
    expect(stations.text).toContain('哪个社区或村');
    // The same press again (a double tap): expired, nothing asked again, nothing rewritten twice.
    const again = await web.press(yes);
    expect(again.callbackAnswer).toEqual({ text: '这个按钮已过期。', alert: true });
    expect((await last(who)).purposeKey).toBe(stations.purposeKey);
    expect(await editsOf(who, proposal)).toHaveLength(1);
    // The station picker: the choice replaces the question.
    const xingfu = button(stations, /^幸福社区$/);
    await web.press(xingfu);
    expect((await editsOf(who, stations)).map((m) => [m.text, m.buttons ?? []])).toEqual([['社区：幸福社区 ✓', []]]);
    const address = await last(who);
    expect(address.text).toContain('具体地址');
    // An older picker's button pressed later (the station again, at the address step): stale, the form stays where it is.
    expect((await web.press(xingfu)).callbackAnswer).toMatchObject({ alert: true });
    expect((await last(who)).purposeKey).toBe(address.purposeKey);
    // A typed answer: the question stays as asked and only loses its 跳过.
    await web.say('幸福小区3号楼2单元501');
    expect((await editsOf(who, address)).map((m) => [m.text, m.buttons ?? []])).toEqual([[address.text, []]]);
    await web.say('明天上午');
    await web.say('13812345678');
    const summary = await last(who);
    expect(summary.text).toMatch(/请确认/);
    // Fix one field: the summary keeps its text and says which was pressed.
    await web.press(button(summary, /改时间/));
    expect((await editsOf(who, summary)).map((m) => [m.text, m.buttons ?? []])).toEqual([[`${summary.text}\n✓ 改时间`, []]]);
    // Its other buttons are stale now: 确认提交 on the old summary submits nothing.
    expect((await web.press(button(summary, /确认提交/))).callbackAnswer).toMatchObject({ alert: true });
    expect(await h.prisma.need.count({ where: { resident: { identities: { some: { externalId: who } } } } })).toBe(0);
    await web.say('后天下午');
    const second = await last(who);
    expect(second.text).toMatch(/请确认/);
    const submit = button(second, /确认提交/);
    await web.press(submit);
    expect((await last(who)).text).toMatch(/已提交，编号 N-\d{8}-\d{4}/);
    expect((await editsOf(who, second)).map((m) => m.text)).toEqual([`${second.text}\n✓ 确认提交`]);
    // Pressed again: nothing more is submitted or said.
    const repeat = await web.press(submit);
    expect(repeat.callbackAnswer).toMatchObject({ alert: true });
    expect(await h.prisma.need.count({ where: { resident: { identities: { some: { externalId: who } } } } })).toBe(1);
    expect((await last(who)).text).toMatch(/已提交，编号/);
  });

  it('asks the open question again after a press of an older button when its message was lost at a kill (uncertain), and only then', async () => {
    const { who, web, yes, stations } = await atStationQuestion();
    // Still on its way (pending): a second press is a double tap, nothing is asked again.
    expect((await web.press(yes)).callbackAnswer).toEqual({ text: '这个按钮已过期。', alert: true });
    expect((await last(who)).purposeKey).toBe(stations.purposeKey);
    // A bot killed after claiming it and before the platform call: uncertain, never sent again.
    await h.prisma.sentMessage.update({ where: { purposeKey: stations.purposeKey }, data: { status: 'uncertain' } });
    expect((await web.press(yes)).callbackAnswer).toEqual({ text: '这个按钮已过期。', alert: true });
    const again = await last(who);
    expect(again.purposeKey).not.toBe(stations.purposeKey);
    expect([again.text, again.buttons]).toEqual([stations.text, stations.buttons]);
    // The copy is the open question: its buttons work, and it is the message rewritten.
    await web.press(button(again, /^幸福社区$/));
    expect((await editsOf(who, again)).map((m) => m.text)).toEqual(['社区：幸福社区 ✓']);
    expect(await editsOf(who, stations)).toEqual([]);
    expect((await last(who)).text).toContain('具体地址');
    // Pressed once more: the open question (the address) was not lost, nothing is asked again.
    const before = (await sent(who)).length;
    expect((await web.press(yes)).callbackAnswer).toMatchObject({ alert: true });
    expect((await sent(who)).length).toBe(before);
    // A question that failed to send is not repeated this way (only an unknown fate is).
    const address = await last(who);
    await h.prisma.sentMessage.update({ where: { purposeKey: address.purposeKey }, data: { status: 'failed' } });
    await web.press(yes);
    expect((await sent(who)).length).toBe(before);
  });

  it("asks a form's question lost at a kill again when the reconciler turns its claim uncertain, once, and nothing else", async () => {
    const outbox = h.desk.jobs(silentLogger).find((j) => j.feature === 'outbox')!;
    const leaseRunsOut = async (purposeKey: string): Promise<Record<string, number>> => {
      // Claimed for sending by a bot that died before the platform call, longer ago than the lease.
      await h.prisma.sentMessage.update({ where: { purposeKey }, data: { status: 'sending', claimedAt: new Date(Date.now() - 3_600_000) } });
      return outbox.reconcile!({ ensurer: { ensure: () => Promise.resolve(false) }, clock: { now: () => new Date() } });
    };
    const { who, web, proposal, yes, stations } = await atStationQuestion();
    // Nobody pressed anything: the reconciler alone asks it again, as a new message.
    expect((await leaseRunsOut(stations.purposeKey))['questionsAskedAgain']).toBe(1);
    expect((await h.prisma.sentMessage.findUniqueOrThrow({ where: { purposeKey: stations.purposeKey } })).status).toBe('uncertain');
    const again = await last(who);
    expect(again.purposeKey).toBe(`${stations.purposeKey}.again`);
    expect([again.text, again.buttons]).toEqual([stations.text, stations.buttons]);
    // The next rounds find nothing to turn and ask nothing; an older button's press asks nothing either (the copy is on its way).
    const count = (await sent(who)).length;
    expect((await outbox.reconcile!({ ensurer: { ensure: () => Promise.resolve(false) }, clock: { now: () => new Date() } }))['questionsAskedAgain']).toBe(0);
    expect((await web.press(yes)).callbackAnswer).toEqual({ text: '这个按钮已过期。', alert: true });
    expect((await sent(who)).length).toBe(count);
    // The copy is the open question: its buttons work and it is the message rewritten.
    await web.press(button(again, /^幸福社区$/));
    expect((await editsOf(who, again)).map((m) => m.text)).toEqual(['社区：幸福社区 ✓']);
    const address = await last(who);
    expect(address.text).toContain('具体地址');
    // A lost reply that is no longer the open question (the answered proposal) is only counted.
    const report = await leaseRunsOut(proposal.purposeKey);
    expect([report['uncertain'], report['questionsAskedAgain']]).toEqual([1, 0]);
    expect((await last(who)).purposeKey).toBe(address.purposeKey);
    // Nor is a lost rewrite (an edit), even of the open question's predecessor.
    const rewrite = (await editsOf(who, again))[0]!;
    expect((await leaseRunsOut(rewrite.purposeKey))['questionsAskedAgain']).toBe(0);
    expect((await sent(who)).filter((m) => !m.editOf).at(-1)!.purposeKey).toBe(address.purposeKey);
  });

  it('shows the English choice in an English chat', async () => {
    const who = `res-${randomUUID()}`;
    await engine.handle({
      ...ev('web', who, { kind: 'text', text: 'My elderly mother needs a haircut at home please' }),
      from: { externalId: who, displayName: who, languageCode: 'en' },
    });
    const first = await last(who);
    const pick = first.buttons!.flat()[0]!;
    await on('web', who).press(pick.data);
    const [edit] = await editsOf(who, first);
    expect(edit?.text).toMatch(/^Category: [A-Za-z][^\u4e00-\u9fff]* ✓$/);
  });

  it('does not rewrite on WeChat, where the reply says it, and still refuses the second press', async () => {
    const who = `c:wx-${randomUUID()}`;
    const wx = on('wechat', who);
    await wx.say('我家老人腿脚不便，想找人上门理发');
    const proposal = await last(who);
    const yes = button(proposal, /是的/);
    await wx.press(yes);
    expect(await editsOf(who, proposal)).toEqual([]);
    expect((await last(who)).text).toContain('哪个社区或村');
    const before = (await sent(who)).length;
    await wx.press(yes);
    // No toasts on WeChat: the refusal is the one message that follows.
    expect((await sent(who)).slice(before).map((m) => m.text)).toEqual(['这个按钮已过期。']);
  });
});
