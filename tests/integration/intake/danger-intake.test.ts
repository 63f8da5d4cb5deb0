// A person in danger, through the conversation engine on the real database: the danger check
// in front of the understanding, and an intake that acts on it — the emergency numbers or the
// crisis hotline first, at most one question, the need out at once as an emergency (urgent,
// private cards to the emergency teams with the banner, coordinators alerted), in daily mode.
import { nameColumns } from '@baiying/db';
import type { ConversationEngine } from '@baiying/conversation';
import type { InboundEvent, OutMessage } from '@baiying/domain';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

describe('danger intake', () => {
  const config = testConfig({ EMERGENCY_NUMBERS: '110 / 119 / 120', CRISIS_HOTLINE: '12356' });
  let h: DeskHarness;
  let engine: ConversationEngine;
  let seq = 0;

  const ev = (from: string, body: Partial<InboundEvent>): InboundEvent => ({
    channel: 'web',
    updateId: `d${++seq}`,
    chat: { id: from, kind: 'private' },
    from: { externalId: from, displayName: from },
    kind: 'text',
    ...body,
  });

  /** What the desk said to a chat in answer to one event. */
  async function turn(from: string, body: Partial<InboundEvent>): Promise<OutMessage[]> {
    const before = (await h.prisma.sentMessage.findFirst({ orderBy: { seq: 'desc' } }))?.seq ?? 0n;
    await engine.handle(ev(from, body));
    const rows = await h.prisma.sentMessage.findMany({ where: { chatId: from, seq: { gt: before } }, orderBy: { seq: 'asc' } });
    return rows.map((r) => JSON.parse(h.cipher.decrypt(r.bodyEnc)) as OutMessage);
  }
  const say = (from: string, text: string) => turn(from, { text });
  const press = (from: string, m: OutMessage | undefined, label: RegExp) => {
    const b = m?.buttons?.flat().find((x) => label.test(x.label));
    if (!b) throw new Error(`no button ${label} in ${m?.text}`);
    return turn(from, { kind: 'callback', callback: { id: `cb${seq}`, data: b.data } });
  };
  const needOf = (resident: string) =>
    h.prisma.need.findFirstOrThrow({ where: { resident: { identities: { some: { externalId: resident } } } }, include: { category: true, dispatches: true } });

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
    engine = await h.engine();
    // An approved member of the county's emergency team: the one who must hear privately.
    const team = await h.prisma.team.findFirstOrThrow({ where: { categoryCode: 'emergency', orgUnit: { tier: 'center' } } });
    await h.prisma.person.create({
      data: {
        ...nameColumns(h.cipher, '应急队员'),
        identities: { create: { channel: 'web', externalId: 'em-1', chatId: 'em-1' } },
        volunteer: {
          create: {
            stationId: (await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'S-XF' } })).id,
            status: 'approved',
            memberships: { create: { teamId: team.id, status: 'approved' } },
          },
        },
      },
    });
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('says to call 110/119/120 first, asks only the place, and sends the need out as an emergency', async () => {
    const first = await say('res-fire', '厨房着火了，火很大，快来人');
    expect(first.map((m) => m.text).join('\n')).toContain('请先拨打 110 / 119 / 120');
    const ask = first.at(-1);
    expect(ask?.text).toContain('您在哪里？');
    const done = await press('res-fire', ask, /幸福社区/);
    expect(done.at(-1)?.text).toContain('已作为紧急求助提交');
    const need = await needOf('res-fire');
    expect(need).toMatchObject({ urgency: 'urgent', danger: 'likely', categoryCode: 'emergency' });
    expect(need.dangerFamilies).toContain('fire');
    // Routed as an emergency in daily mode: banner on the cards, the emergency team privately.
    await h.desk.uow.run((w) => h.desk.routing.route.execute(w, { needId: need.id }));
    const d = await h.prisma.dispatch.findFirstOrThrow({ where: { needId: need.id, status: 'open' } });
    const direct = await h.prisma.sentMessage.findMany({ where: { template: 'job-card-direct', purposeKey: { startsWith: `card.${d.id}.p.` } } });
    expect(direct.map((m) => m.chatId)).toContain('em-1');
    const card = JSON.parse(h.cipher.decrypt(direct[0]!.bodyEnc)) as OutMessage;
    expect(card.text).toContain('应急状态');
    expect(d.slaDueAt.getTime() - d.createdAt.getTime()).toBeLessThanOrEqual(config.emergencySlaMinutes * 60_000 + 1000);
    // Coordinators of the station's institute and the county heard at once.
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `alert.danger.${need.id}.` } } })).toBeGreaterThanOrEqual(2);
  });

  it('keeps the category a fall at home was understood as, but sends it urgent, without a question when the place is known', async () => {
    const msgs = await say('res-fall', '独居老人在家摔倒了爬不起来 幸福社区');
    expect(msgs.at(-1)?.text).toContain('已作为紧急求助提交');
    expect(msgs.some((m) => /您在哪里/.test(m.text))).toBe(false);
    const need = await needOf('res-fall');
    expect(need.categoryCode).toBe('elderly');
    expect(need).toMatchObject({ urgency: 'urgent', danger: 'likely' });
    expect(need.dangerFamilies).toContain('fall');
  });

  it('answers self-harm with care and the crisis hotline, and alerts coordinators on submit', async () => {
    const firstUpdate = `d${seq + 1}`;
    const first = await say('res-care', '活着没意思，我想从楼上跳下去');
    const text = first.map((m) => m.text).join('\n');
    expect(text).toContain('12356');
    expect(text).not.toContain('请先拨打 110 / 119 / 120');
    // The county centre's coordinators hear of it now, before the place is known; no words of the
    // message in the alert. The same update redelivered alerts nobody twice.
    const early = await h.prisma.sentMessage.findMany({ where: { purposeKey: { startsWith: 'alert.self_harm.' } } });
    expect(early.length).toBeGreaterThanOrEqual(1);
    for (const row of early) {
      const alert = JSON.parse(h.cipher.decrypt(row.bodyEnc)) as OutMessage;
      expect(alert.text).toContain('12356');
      expect(alert.text).not.toContain('跳下去');
    }
    await engine.handle({ ...ev('res-care', { text: '活着没意思，我想从楼上跳下去' }), updateId: firstUpdate });
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: 'alert.self_harm.' } } })).toBe(early.length);
    await press('res-care', first.at(-1), /西山社区/);
    const need = await needOf('res-care');
    expect(need).toMatchObject({ categoryCode: 'psych', urgency: 'urgent', danger: 'likely' });
    expect(await h.prisma.sentMessage.count({ where: { purposeKey: { startsWith: `alert.danger.${need.id}.` } } })).toBeGreaterThanOrEqual(1);
  });

  it('asks once when danger is only possible, and routes as an emergency on "yes"', async () => {
    const first = await say('res-smoke', '楼道里好像有烟味');
    expect(first.at(-1)?.text).toContain('现在有人有危险吗？');
    const next = await press('res-smoke', first.at(-1), /是，有危险/);
    expect(next.at(-1)?.text).toContain('您在哪里？');
    await say('res-smoke', '幸福社区5号楼');
    const need = await needOf('res-smoke');
    expect(need).toMatchObject({ urgency: 'urgent', danger: 'likely' });
  });

  it('goes on with the ordinary form when the resident says nobody is in danger', async () => {
    const first = await say('res-fine', '闻到一股烧焦的味道');
    expect(first.at(-1)?.text).toContain('现在有人有危险吗？');
    const next = await press('res-fine', first.at(-1), /^没有/);
    expect(next.at(-1)?.text).not.toContain('您在哪里？');
    expect(await h.prisma.need.count({ where: { resident: { identities: { some: { externalId: 'res-fine' } } } } })).toBe(0);
  });

  it('asks nothing about danger for an ordinary need, and turns the form into an emergency when danger comes mid-way', async () => {
    const first = await say('res-mid', '想找人上门理发');
    expect(first.map((m) => m.text).join('\n')).not.toContain('有危险');
    const later = await say('res-mid', '等等，厨房着火了！快来人');
    expect(later.map((m) => m.text).join('\n')).toContain('请先拨打');
  });
});
