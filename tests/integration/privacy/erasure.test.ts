// Erasure on request (docs/privacy.md), through the conversation engine: 删除我的数据 with its
// confirm button erases a resident's or a volunteer's personal data and keeps the ledger whole;
// a coordinator's /erase works in scope only; forged, foreign, stale and repeated confirmations
// are refused.
import { personName } from '@baiying/db';
import type { ConversationEngine } from '@baiying/conversation';
import type { InboundEvent, OutMessage } from '@baiying/domain';
import type { Desk } from '@baiying/features';
import { volunteerOf } from '../../support/factories.js';
import { doneBy, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

const HOUR = 3_600_000;

describe('erasure', () => {
  const config = testConfig();
  let h: DeskHarness;
  let desk: Desk;
  let engine: ConversationEngine;
  let now = new Date();
  let seq = 0;

  const ev = (from: string, body: Partial<InboundEvent>): InboundEvent => ({
    channel: 'web',
    updateId: `er${++seq}`,
    chat: { id: from, kind: 'private' },
    from: { externalId: from, displayName: from },
    kind: 'text',
    ...body,
  });
  const say = (from: string, text: string) => engine.handle(ev(from, { text }));
  const cmd = (from: string, name: string, args = '') => engine.handle(ev(from, { kind: 'command', command: { name, args } }));
  const press = (from: string, data: string) => engine.handle(ev(from, { kind: 'callback', callback: { id: `cb${seq}`, data } }));
  async function last(chatId: string): Promise<OutMessage> {
    const row = await h.prisma.sentMessage.findFirstOrThrow({ where: { chatId }, orderBy: { seq: 'desc' } });
    return JSON.parse(h.cipher.decrypt(row.bodyEnc)) as OutMessage;
  }
  const confirmData = async (chatId: string) => (await last(chatId)).buttons!.flat()[0]!.data;
  const personOf = async (externalId: string) =>
    (await h.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: 'web', externalId } } })).personId;
  const erasures = () => h.prisma.erasureLog.findMany({ orderBy: { createdAt: 'asc' } });

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

  /** A need of `resident` done by `volunteer`, confirmed and rated with a comment. */
  async function servedNeed(resident: string, volunteerName: string) {
    const vol = await volunteerOf(h, { teams: ['S-XF-ELDER'], externalId: volunteerName });
    const need = await routedNeed(h, resident, { stationCode: 'S-XF', phone: '13800138000', address: '幸福路 8 号 3 单元' }, desk);
    await doneBy(h, vol, need.id, '2', desk);
    expect((await desk.uow.run((w) => desk.completion.respond.execute(w, need.actor, { need: { needId: need.id }, done: true }))).ok).toBe(true);
    expect((await desk.uow.run((w) => desk.completion.rate.execute(w, need.actor, { need: { needId: need.id }, score: 5 }))).ok).toBe(true);
    expect(
      (await desk.uow.run((w) => desk.completion.comment.execute(w, need.actor, { need: { needId: need.id }, comment: '王师傅很耐心，家住幸福路' }))).ok,
    ).toBe(true);
    return { need, vol };
  }

  const ledger = async (personId: string) => ({
    points: (await h.prisma.pointsEntry.aggregate({ where: { personId }, _sum: { delta: true } }))._sum.delta,
    hours: String((await h.prisma.serviceRecord.aggregate({ where: { volunteerId: personId }, _sum: { hours: true } }))._sum.hours),
    records: await h.prisma.serviceRecord.count({ where: { volunteerId: personId } }),
  });

  it('erases a resident after the confirm, refusing while a need is open, and keeps the ledger whole', async () => {
    const { need, vol } = await servedNeed('er-res', 'er-vol');
    const open = await routedNeed(h, 'er-res', { stationCode: 'S-XF' }, desk);
    const volLedger = await ledger(vol.personId);
    expect(volLedger.records).toBe(1);
    const served = await h.prisma.claim.findFirstOrThrow({ where: { needId: need.id } });
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `claim.${served.id}.` } } })).toBeGreaterThan(0);
    const residentId = need.actor.personId;

    await say('er-res', '删除我的数据');
    expect((await last('er-res')).text).toContain(`还有未结束的需求（${open.code}）`);
    expect(await erasures()).toEqual([]);
    expect((await desk.uow.run((w) => desk.intake.cancel.execute(w, open.actor, { needId: open.id }))).ok).toBe(true);

    await say('er-res', '删除我的数据');
    expect((await last('er-res')).text).toContain('确定要删除您的个人数据吗');
    const data = await confirmData('er-res');

    // A forged payload (another person's id under this chat's seal) and the genuine one pressed in another chat: refused.
    const forged = data.replace(residentId, vol.personId);
    expect((await press('er-res', forged)).callbackAnswer?.text).toContain('无效的操作');
    expect((await press('er-vol', data)).callbackAnswer?.text).toContain('无效的操作');
    expect(await erasures()).toEqual([]);

    const r = await press('er-res', data);
    expect(r.callbackAnswer).toEqual({ text: '✓', alert: false });
    expect((await last('er-res')).text).toContain('您的个人数据已删除');

    const person = await h.prisma.person.findUniqueOrThrow({ where: { id: residentId } });
    expect(personName(h.cipher, person)).toMatch(/^已注销用户-[0-9a-f]{8}$/);
    expect(person).toMatchObject({ phoneEnc: null, phoneHash: null });
    expect(person.erasedAt).toEqual(now);
    for (const id of [need.id, open.id]) {
      const n = await h.prisma.need.findUniqueOrThrow({ where: { id } });
      expect(h.cipher.decrypt(n.descriptionEnc)).toBe('[已删除]');
      expect(n).toMatchObject({ addressEnc: null, phoneEnc: null, locationEnc: null, residentId });
    }
    expect(await h.prisma.rating.findUniqueOrThrow({ where: { needId: need.id } })).toMatchObject({ score: 5, comment: null });
    expect(await h.prisma.channelIdentity.count({ where: { personId: residentId } })).toBe(0);
    expect(await h.prisma.conversationState.count({ where: { chatKey: 'er-res' } })).toBe(0);
    // Only the last reply ("erased") is left in the chat's outbox; messages about the needs to others are gone too.
    expect(await h.prisma.sentMessage.count({ where: { chatId: 'er-res' } })).toBe(1);
    const claim = await h.prisma.claim.findFirstOrThrow({ where: { needId: need.id } });
    const dispatch = await h.prisma.dispatch.findFirstOrThrow({ where: { needId: need.id } });
    for (const prefix of [`need.${need.id}.`, `claim.${claim.id}.`, `card.${dispatch.id}.`])
      expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: prefix } } })).toBe(0);
    expect(await h.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: 'completed', volunteerId: vol.personId });
    expect(await ledger(vol.personId)).toEqual(volLedger);
    expect((await erasures()).map((e) => ({ subjectId: e.subjectId, byId: e.byId, kind: e.kind }))).toEqual([
      { subjectId: residentId, byId: residentId, kind: 'self' },
    ]);

    // Pressing the confirmation again: the account is a new person now; nothing more happens.
    const again = await press('er-res', data);
    expect(again.callbackAnswer?.text).toContain('这些数据已经删除过了');
    expect(await erasures()).toHaveLength(1);
  });

  it('erases a volunteer with their hours and points kept under the anonymous person', async () => {
    const { vol } = await servedNeed('er-res2', 'er-vol2');
    const before = await ledger(vol.personId);
    expect(before.points).toBeGreaterThan(0);
    await say('er-vol2', '删除我的数据');
    await press('er-vol2', await confirmData('er-vol2'));
    expect((await last('er-vol2')).text).toContain('您的个人数据已删除');
    expect(await ledger(vol.personId)).toEqual(before);
    expect(personName(h.cipher, await h.prisma.person.findUniqueOrThrow({ where: { id: vol.personId } }))).toMatch(/^已注销用户-/);
  });

  it('refuses a confirmation older than an hour', async () => {
    await routedNeed(h, 'er-late', { stationCode: 'S-XF' }, desk).then((n) => desk.uow.run((w) => desk.intake.cancel.execute(w, n.actor, { needId: n.id })));
    await say('er-late', '删除我的数据');
    const data = await confirmData('er-late');
    now = new Date(now.getTime() + 2 * HOUR + 1);
    try {
      expect((await press('er-late', data)).callbackAnswer?.text).toContain('这个确认已失效');
      expect((await h.prisma.person.findUniqueOrThrow({ where: { id: await personOf('er-late') } })).erasedAt).toBeNull();
    } finally {
      now = new Date();
    }
  });

  it('lets a coordinator erase a resident in scope, not out of scope, and refuses residents', async () => {
    // The 东湖 institute coordinator: S-HP is in scope, S-XS is not.
    const inScope = await routedNeed(h, 'er-hp', { stationCode: 'S-HP' }, desk);
    await desk.uow.run((w) => desk.intake.cancel.execute(w, inScope.actor, { needId: inScope.id }));
    const outOfScope = await routedNeed(h, 'er-xs', { stationCode: 'S-XS', category: 'education' }, desk);
    await desk.uow.run((w) => desk.intake.cancel.execute(w, outOfScope.actor, { needId: outOfScope.id }));
    const coordinator = await personOf('demo-coord-dh');

    await cmd('er-xs', 'erase', inScope.code);
    expect((await last('er-xs')).text).toContain('只有管理员可以这样做');
    await cmd('demo-coord-dh', 'erase', outOfScope.code);
    expect((await last('demo-coord-dh')).text).toContain('不在您的管辖范围内');
    await cmd('demo-coord-dh', 'erase', '');
    expect((await last('demo-coord-dh')).text).toContain('用法：/erase');

    await cmd('demo-coord-dh', 'erase', inScope.code);
    expect((await last('demo-coord-dh')).text).toContain(`确定要删除 ${inScope.code} 对应人员`);
    const r = await press('demo-coord-dh', await confirmData('demo-coord-dh'));
    expect(r.callbackAnswer).toEqual({ text: '✓', alert: false });
    expect((await last('demo-coord-dh')).text).toContain('该人员的个人数据已删除');
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: inScope.actor.personId } })).erasedAt).not.toBeNull();
    expect(await h.prisma.erasureLog.findFirstOrThrow({ where: { subjectId: inScope.actor.personId } })).toMatchObject({
      byId: coordinator,
      kind: 'coordinator',
    });
    expect((await h.prisma.person.findUniqueOrThrow({ where: { id: outOfScope.actor.personId } })).erasedAt).toBeNull();
  });

  it('refuses a coordinator whose scope covers only part of a resident’s needs', async () => {
    const a = await routedNeed(h, 'er-both', { stationCode: 'S-HP' }, desk);
    const b = await routedNeed(h, 'er-both', { stationCode: 'S-XS', category: 'education' }, desk);
    for (const n of [a, b]) await desk.uow.run((w) => desk.intake.cancel.execute(w, n.actor, { needId: n.id }));
    await cmd('demo-coord-dh', 'erase', a.code);
    expect((await last('demo-coord-dh')).text).toContain('不全在您的管辖范围内');
    expect(await h.prisma.erasureLog.count({ where: { subjectId: a.actor.personId } })).toBe(0);
  });

  it('answers malformed and oversized need codes', async () => {
    await cmd('demo-coord-dh', 'erase', 'N-xyz');
    expect((await last('demo-coord-dh')).text).toContain('没有找到这个需求');
    await cmd('demo-coord-dh', 'erase', `N-${'1'.repeat(60)}`);
    expect((await last('demo-coord-dh')).text).toContain('输入有误');
  });

  it('erases once when the resident and a coordinator confirm at the same moment', async () => {
    const n = await routedNeed(h, 'er-both2', { stationCode: 'S-HP' }, desk);
    await desk.uow.run((w) => desk.intake.cancel.execute(w, n.actor, { needId: n.id }));
    await say('er-both2', '删除我的数据');
    const own = await confirmData('er-both2');
    await cmd('demo-coord-dh', 'erase', n.code);
    const theirs = await confirmData('demo-coord-dh');
    const answers = await Promise.all([press('er-both2', own), press('demo-coord-dh', theirs)]);
    const texts = answers.map((a) => a.callbackAnswer?.text ?? '');
    expect(texts.filter((t) => t === '✓')).toHaveLength(1);
    expect(texts.filter((t) => t.includes('这些数据已经删除过了'))).toHaveLength(1);
    expect(await h.prisma.erasureLog.count({ where: { subjectId: n.actor.personId } })).toBe(1);
  });

  it('lets a coordinator name a volunteer by their registered phone', async () => {
    const vol = await volunteerOf(h, { station: 'S-HP', externalId: 'er-vol-phone' });
    await h.prisma.person.update({ where: { id: vol.personId }, data: { phoneEnc: h.cipher.encrypt('13900001111'), phoneHash: h.cipher.hash('13900001111') } });
    await cmd('demo-coord-dh', 'erase', '13000000000');
    expect((await last('demo-coord-dh')).text).toContain('没有找到唯一登记这个手机号的人员');
    await cmd('demo-coord-dh', 'erase', '139 0000 1111');
    expect((await last('demo-coord-dh')).text).toContain('确定要删除 139****1111 对应人员');
    await press('demo-coord-dh', await confirmData('demo-coord-dh'));
    expect((await last('demo-coord-dh')).text).toContain('该人员的个人数据已删除');
    expect(await h.prisma.person.findUniqueOrThrow({ where: { id: vol.personId } })).toMatchObject({ phoneEnc: null, phoneHash: null });
  });
});
