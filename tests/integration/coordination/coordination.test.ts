// Residents cancelling, coordinators reassigning, closing unfulfilled with a promised date,
// verifying completion, and the credit timeout — through the conversation engine on the
// real database, with the clock under the test's control.
import type { ConversationEngine } from '@baiying/conversation';
import type { InboundEvent } from '@baiying/domain';
import type { Desk } from '@baiying/features';
import { doneBy, routedNeed } from '../../support/needs.js';
import type { OutMessage } from '@baiying/domain';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

describe('cancel, reassign, close, verify, credit timeout', () => {
  const config = testConfig({ CREDIT_TIMEOUT_HOURS: '48' });
  let h: DeskHarness;
  let desk: Desk;
  let engine: ConversationEngine;
  // Starts at the real time: rows get the database's clock (now()) as their creation time.
  let now = new Date();
  let seq = 0;

  const ev = (from: string, body: Partial<InboundEvent>): InboundEvent => ({
    channel: 'web',
    updateId: `c${++seq}`,
    chat: { id: from, kind: 'private' },
    from: { externalId: from, displayName: from },
    kind: 'text',
    ...body,
  });
  const cmd = (from: string, name: string, args = '') => ev(from, { kind: 'command', command: { name, args } });
  async function last(chatId: string): Promise<OutMessage> {
    const row = await h.prisma.sentMessage.findFirstOrThrow({ where: { chatId }, orderBy: { seq: 'desc' } });
    return JSON.parse(h.cipher.decrypt(row.bodyEnc)) as OutMessage;
  }
  const press = (from: string, data: string) => engine.handle(ev(from, { kind: 'callback', callback: { id: `cb${seq}`, data } }));

  const newNeed = (resident: string, stationCode: string, category = 'elderly') =>
    routedNeed(h, resident, { stationCode, category, location: { lat: 31.36, lng: 119.82 } }, desk);

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
    desk = h.withClock({ now: () => now });
    engine = await h.engine({ desk });
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('lets a resident cancel an open need from /my, and only their own', async () => {
    const need = await newNeed('res-a', 'S-XF');
    await engine.handle(cmd('res-a', 'my'));
    const list = await last('res-a');
    expect(list.text).toContain(need.code);
    const cancel = list.buttons!.flat().find((b) => b.label.includes(need.code))!;
    // Replayed in another resident's chat, the button is refused as forged (sealed for res-a's chat)…
    const replayed = await press('res-b', cancel.data);
    expect(replayed.callbackAnswer?.text).toContain('无效的操作');
    // …and the same payload sealed for res-b's own chat is refused by the use case: not theirs.
    const body = cancel.data.split('.').slice(0, -2).join('.');
    const stranger = await press('res-b', h.buttons.seal(`${body}.~`, { channel: 'web', chatId: 'res-b' }));
    expect(stranger.callbackAnswer?.text).toContain('这不是您的需求');
    const r = await press('res-a', cancel.data);
    expect(r.callbackAnswer?.text).toContain('已取消');
    expect((await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('cancelled');
    // The job card in the team group now says it is closed.
    const edits = await h.prisma.sentMessage.findMany({ where: { editOf: { not: null }, template: 'job-card-edit' } });
    expect(edits.some((e) => h.cipher.decrypt(e.bodyEnc).includes('需求已关闭'))).toBe(true);
  });

  it('lets the institute coordinator reassign and close needs in scope, not outside it', async () => {
    const inScope = await newNeed('res-c', 'S-HP');
    const outOfScope = await newNeed('res-c', 'S-XS', 'education');
    await engine.handle(cmd('demo-coord-dh', 'reassign', `${inScope.code} I-DH-ELDER`));
    expect((await last('demo-coord-dh')).text).toContain('改派给“东湖镇为老助老队”');
    const d = await h.prisma.dispatch.findFirstOrThrow({ where: { needId: inScope.id, status: 'open' }, include: { team: true } });
    expect(d.team?.code).toBe('I-DH-ELDER');
    await engine.handle(cmd('demo-coord-dh', 'reassign', `${outOfScope.code} S-XS-EDU`));
    expect((await last('demo-coord-dh')).text).toContain('不在您的管辖范围内');
    await engine.handle(cmd('demo-coord-dh', 'close', `${inScope.code} 2020-01-01 没有理发师`));
    expect((await last('demo-coord-dh')).text).toContain('日期格式不对');
    await engine.handle(cmd('demo-coord-dh', 'close', `${inScope.code} 2026-12-20 本月没有理发志愿者`));
    expect((await last('demo-coord-dh')).text).toContain('承诺 2026-12-20 前兑现');
    const closed = await h.prisma.need.findUniqueOrThrow({ where: { id: inScope.id } });
    expect(closed).toMatchObject({ status: 'unfulfilled', closeReason: null });
    expect(h.cipher.decrypt(closed.closeReasonEnc!)).toBe('本月没有理发志愿者');
    expect(closed.promisedDate?.toISOString().slice(0, 10)).toBe('2026-12-20');
    expect((await last('res-c')).text).toContain('暂时无法完成');
    await engine.handle(cmd('res-c', 'pending'));
    expect((await last('res-c')).text).toContain('只有管理员');
  });

  async function doneNeed(resident: string) {
    const need = await newNeed(resident, 'S-XF');
    const li = await desk.uow.run(async (w) => w.repos.people.actor((await w.repos.people.resolve('web', 'demo-vol-li', null, '李师傅', null)).personId));
    await doneBy(h, li, need.id, '1.5', desk);
    return { need, li };
  }

  it('credits hours when a coordinator verifies', async () => {
    const { need, li } = await doneNeed('res-d');
    await engine.handle(cmd('demo-coord-dh', 'verify', need.code));
    expect((await last('demo-coord-dh')).text).toContain('已核实');
    const rec = await h.prisma.serviceRecord.findFirstOrThrow({ where: { needId: need.id } });
    expect(rec).toMatchObject({ status: 'credited', creditedBy: 'coordinator' });
    expect(await h.prisma.pointsEntry.count({ where: { personId: li.personId, sourceKey: `service_record:${rec.id}` } })).toBe(1);
  });

  it('credits hours after the timeout when the resident never answers, exactly once', async () => {
    const { need } = await doneNeed('res-e');
    const rec = await h.prisma.serviceRecord.findFirstOrThrow({ where: { needId: need.id } });
    // Too early: the timer waits for the rest of the delay.
    expect(await desk.uow.run((w) => desk.completion.creditTimeout.execute(w, { serviceRecordId: rec.id }))).toEqual({
      dueInMs: expect.any(Number) as unknown,
    });
    now = new Date(now.getTime() + 49 * 3_600_000);
    expect(await desk.uow.run((w) => desk.completion.creditTimeout.execute(w, { serviceRecordId: rec.id }))).toBe('credited');
    expect(await desk.uow.run((w) => desk.completion.creditTimeout.execute(w, { serviceRecordId: rec.id }))).toBe('skipped');
    expect((await h.prisma.serviceRecord.findUniqueOrThrow({ where: { id: rec.id } })).creditedBy).toBe('timeout');
    expect((await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('confirmed');
    // The ledger is append-only, even for the database's own clients.
    await expect(h.prisma.$executeRawUnsafe(`UPDATE points_entry SET delta = 999`)).rejects.toThrow(/append-only/);
  });

  it('disputes send the job back to the volunteer and void the pending hours', async () => {
    const { need } = await doneNeed('res-f');
    const ask = await last('res-f');
    const no = ask.buttons!.flat().find((b) => b.label.startsWith('还没有'))!;
    await press('res-f', no.data);
    expect((await h.prisma.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('claimed');
    expect((await h.prisma.serviceRecord.findFirstOrThrow({ where: { needId: need.id } })).status).toBe('voided');
    expect((await last('demo-vol-li')).text).toContain('还没有完成');
  });

  it('flags a need whose category stayed uncertain for review (审单) and clears it on reassign', async () => {
    const user = 'res-g';
    const btn = (m: OutMessage, re: RegExp) => m.buttons!.flat().find((b) => re.test(b.label))!.data;
    await engine.handle(ev(user, { text: '你好，请帮帮我' }));
    let m = await last(user);
    expect(m.text).toMatch(/不太确定|请选择最接近的类别/);
    if (/不太确定/.test(m.text)) {
      await press(user, btn(m, /换一个类别/));
      m = await last(user);
    }
    await press(user, btn(m, /^便民维修$/));
    for (let i = 0; i < 8; i++) {
      m = await last(user);
      if (/请确认/.test(m.text)) break;
      if (/哪个社区/.test(m.text)) await press(user, btn(m, /^和平村$/));
      else if (/服务对象/.test(m.text)) await press(user, btn(m, /都不是/));
      else await press(user, btn(m, /跳过/));
    }
    await press(user, btn(await last(user), /确认提交/));
    const code = /N-\d{8}-\d{4}/.exec((await last(user)).text)![0];
    const need = await h.prisma.need.findUniqueOrThrow({ where: { code } });
    expect(need.reviewReason).toBe('uncertain_category');
    const alert = await h.prisma.sentMessage.findFirstOrThrow({ where: { purposeKey: { startsWith: `alert.review.${need.id}` }, chatId: 'demo-coord-dh' } });
    expect(h.cipher.decrypt(alert.bodyEnc)).toContain('请审单');
    await engine.handle(cmd('demo-coord-dh', 'pending'));
    expect((await last('demo-coord-dh')).text).toContain(`【待审单】${code}`);
    await engine.handle(cmd('demo-coord-dh', 'reassign', `${code} I-DH-ELDER`));
    expect((await h.prisma.need.findUniqueOrThrow({ where: { code } })).reviewReason).toBeNull();
  });

  it('does not flag a need when understanding was confident', async () => {
    const n = await h.prisma.need.count({ where: { reviewReason: { not: null } } });
    await engine.handle(ev('res-h', { text: '家里下水道堵了，想找人来通一通' }));
    expect((await last('res-h')).text).toContain('我理解您需要：便民维修');
    expect(await h.prisma.need.count({ where: { reviewReason: { not: null } } })).toBe(n);
  });
});
